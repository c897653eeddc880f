/**
 * What every PBXware route handler gets, and the argument checks they share. Handlers return the response
 * body or throw `PwError`, which the dispatcher turns into PBXware's `{"error": "…"}`.
 */
import type { CallChurn, EmulatorClock, SimCdr } from '../kit';
import type { PbxArgs } from './args';
import { MASTER_TENANT_ID, type PwState, type PwTenant } from './fixtures';

export class PwError extends Error {}

export interface PwContext {
  state: PwState;
  clock: EmulatorClock;
  churn: CallChurn;
  /** CDR history plus the live calls that have ended since start, oldest first. */
  cdrs(): SimCdr[];
}

export type PwHandler = (args: PbxArgs, ctx: PwContext) => unknown;

// EMULATOR CONVENTION: the error texts below are ours; the document gives only "Invalid API key." and names the
// conditions (missing required argument, id and ext together, mismatched list sizes).
export const missingArg = (name: string) => new PwError(`Missing required argument: ${name}`);

export function required(args: PbxArgs, ...names: string[]): void {
  const m = args.missing(...names);
  if (m) throw missingArg(m);
}

/**
 * The `server` argument. Tenant mode is always on: `forbidMaster` rejects ID 1 where the document says "ID 1 is
 * always assigned to Master tenant and cannot be used" (DIDs, IVRs, ring groups), `required` where it is required.
 */
export function serverArg(
  args: PbxArgs,
  ctx: PwContext,
  opts: { required?: boolean; forbidMaster?: boolean } = {},
): PwTenant | undefined {
  const raw = args.get('server');
  if (raw === undefined || raw === '') {
    if (opts.required) throw missingArg('server');
    return undefined;
  }
  const tenant = ctx.state.tenants.get(raw);
  if (!tenant || (opts.forbidMaster && raw === MASTER_TENANT_ID)) throw new PwError('Invalid server ID.');
  return tenant;
}

/** `id` or `ext`, never both (quirk 99). */
export function idOrExt(args: PbxArgs): { id?: string; ext?: string } {
  const id = args.get('id') || undefined;
  const ext = args.get('ext') || undefined;
  if (id && ext) throw new PwError('You cannot supply id and ext at the same time!');
  return { id, ext };
}

export function oneOf(args: PbxArgs, name: string, allowed: readonly string[]): string | undefined {
  const v = args.get(name);
  if (v === undefined || v === '') return undefined;
  if (!allowed.includes(v)) throw new PwError(`Invalid value for ${name}.`);
  return v;
}

/** Decimal string with 5 places ↔ integer units of 10⁻⁵, so balances never pass through floats. */
export const toUnits = (s: string) => {
  const m = /^(-?)(\d+)(?:\.(\d{1,5}))?$/.exec(s.trim());
  if (!m) return undefined;
  const units = Number(m[2]) * 100_000 + Number((m[3] ?? '').padEnd(5, '0'));
  return m[1] ? -units : units;
};
export const fromUnits = (u: number) => {
  const sign = u < 0 ? '-' : '';
  const a = Math.abs(u);
  return `${sign}${Math.floor(a / 100_000)}.${String(a % 100_000).padStart(5, '0')}`;
};
