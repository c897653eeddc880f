'use server';

import { revalidatePath } from 'next/cache';
import { bulkCreateExtensions, createExtension, deleteExtension, updateExtension } from '@/server/services/config-extensions';
import { assignDid, createDid, deleteDid, updateDid } from '@/server/services/config-dids';
import { createIvr, deleteIvr, updateIvr } from '@/server/services/config-ivrs';
import { setOperationTimes } from '@/server/services/config-operation-times';
import { runAction } from './run';

/*
 * Configuration writes. Every action takes the tenant ref, the input as the form sent it (validated again by
 * the service with the form's schema) and the draft's idempotency key. Scope, operator policy, audit and
 * idempotency all live in the services.
 */

const s = (v: unknown) => String(v ?? '');
const k = (v: unknown) => (typeof v === 'string' ? v : undefined);

async function after<T>(path: string, r: Promise<T>) {
  const out = await r;
  revalidatePath(path);
  return out;
}

export async function createExtensionAction(ref: unknown, input: unknown, key: unknown) {
  return runAction((actor) => after('/extensions', createExtension(actor, ref, input, k(key))));
}
export async function updateExtensionAction(ref: unknown, id: unknown, input: unknown, key: unknown) {
  return runAction((actor) => after('/extensions', updateExtension(actor, ref, s(id), input, k(key))));
}
export async function deleteExtensionAction(ref: unknown, id: unknown, key: unknown) {
  return runAction((actor) => after('/extensions', deleteExtension(actor, ref, s(id), k(key))));
}
export async function bulkCreateExtensionsAction(ref: unknown, rows: unknown, key: unknown) {
  return runAction((actor) => after('/extensions', bulkCreateExtensions(actor, ref, rows, k(key))));
}

export async function createDidAction(ref: unknown, input: unknown, key: unknown) {
  return runAction((actor) => after('/dids', createDid(actor, ref, input, k(key))));
}
export async function updateDidAction(ref: unknown, id: unknown, input: unknown, key: unknown) {
  return runAction((actor) => after('/dids', updateDid(actor, ref, s(id), input, k(key))));
}
export async function deleteDidAction(ref: unknown, id: unknown, key: unknown) {
  return runAction((actor) => after('/dids', deleteDid(actor, ref, s(id), k(key))));
}
export async function assignDidAction(ref: unknown, didId: unknown, key: unknown) {
  return runAction((actor) => after('/dids', assignDid(actor, ref, s(didId), k(key))));
}

export async function updateIvrAction(ref: unknown, id: unknown, input: unknown, key: unknown) {
  return runAction((actor) => after('/ivrs', updateIvr(actor, ref, s(id), input, k(key))));
}
export async function createIvrAction(ref: unknown, input: unknown, key: unknown) {
  return runAction((actor) => after('/ivrs', createIvr(actor, ref, input, k(key))));
}
export async function deleteIvrAction(ref: unknown, id: unknown, key: unknown) {
  return runAction((actor) => after('/ivrs', deleteIvr(actor, ref, s(id), k(key))));
}

export async function setOperationTimesAction(ref: unknown, target: unknown, input: unknown, key: unknown) {
  return runAction((actor) => after('/operation-times', setOperationTimes(actor, ref, target, input, k(key))));
}
