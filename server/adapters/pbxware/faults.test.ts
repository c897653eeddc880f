import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PBXWARE_DEMO_CREDENTIALS, startPbxwareEmulator } from '@/server/emulators/pbxware';
import type { RunningEmulator } from '@/server/emulators/kit';
import { VendorError } from '../errors';
import type { AdapterOptions } from '../types';
import { createPbxwareClient } from './client';
import { createPbxwareAdapter } from './index';
import { wireTenantConfigSchema } from './wire';

let emu: RunningEmulator;
const ctx = {};
const adapter = (options: AdapterOptions = { deadlineMs: 1_000, retries: 0 }, apiKey: string = PBXWARE_DEMO_CREDENTIALS.apiKey) =>
  createPbxwareAdapter({ baseUrl: emu.url, apiKey }, options);

async function failure(p: Promise<unknown>): Promise<VendorError> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(VendorError);
  return err as VendorError;
}

beforeAll(async () => {
  emu = await startPbxwareEmulator({ port: 0, seed: 3 });
});
afterAll(() => emu.close());
beforeEach(async () => {
  await fetch(`${emu.url}/__emulator/reset`, { method: 'POST' });
});

describe('PBXware error bodies', () => {
  it('keeps PBXware’s words: bad key → auth, unknown action and missing argument → rejected', async () => {
    const auth = await failure(adapter(undefined, 'wrong-key-000').listTenants(ctx));
    expect(auth).toMatchObject({ kind: 'auth', vendorMessage: 'Invalid API key.', operation: 'tenant.list' });
    const client = createPbxwareClient({ baseUrl: emu.url, apiKey: PBXWARE_DEMO_CREDENTIALS.apiKey }, { deadlineMs: 1_000, retries: 0 });
    expect(await failure(client.read(ctx, 'nosuchobject.list', {}, wireTenantConfigSchema))).toMatchObject({ kind: 'rejected', vendorMessage: 'Invalid action.' });
    expect(await failure(client.read(ctx, 'tenant.configuration', {}, wireTenantConfigSchema))).toMatchObject({ kind: 'rejected', vendorMessage: 'Missing required argument: id' });
    expect(await failure(client.read(ctx, 'ext.list', { server: '4040' }, wireTenantConfigSchema))).toMatchObject({ kind: 'not_found', vendorMessage: 'Invalid server ID.' });
  });

  it('turns a vendor-error fault into rejected with the message, and an error rate into some failures', async () => {
    emu.setFaults({ mode: 'vendor-error' });
    expect(await failure(adapter().listTenants(ctx))).toMatchObject({ kind: 'rejected', vendorMessage: 'Database connection failed.' });
    emu.setFaults({ mode: 'vendor-error', rate: 0.5 });
    const a = adapter();
    const results = await Promise.allSettled(Array.from({ length: 24 }, () => a.listTenants(ctx)));
    expect(results.some((r) => r.status === 'fulfilled')).toBe(true);
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(failed.length).toBeGreaterThan(0);
    for (const f of failed) expect(f.reason).toMatchObject({ kind: 'rejected', vendorMessage: 'Database connection failed.' });
  });

  it('refuses the master tenant and unknown tenants before asking PBXware for tenant data', async () => {
    const a = adapter();
    expect((await a.listTenants(ctx)).map((t) => t.id)).not.toContain('1');
    const before = emu.stats.byAction.get('pbxware.did.list') ?? 0;
    expect(await failure(a.listDids!(ctx, '1'))).toMatchObject({ kind: 'not_found' });
    expect(await failure(a.listDids!(ctx, '4040'))).toMatchObject({ kind: 'not_found' });
    expect(emu.stats.byAction.get('pbxware.did.list') ?? 0).toBe(before);
  });
});

describe('transport faults', () => {
  it('malformed JSON → invalid_response', async () => {
    emu.setFaults({ mode: 'malformed-json' });
    expect(await failure(adapter().listTenants(ctx))).toMatchObject({ kind: 'invalid_response' });
  });

  it('HTML error page → unreachable with the HTTP status and page title', async () => {
    emu.setFaults({ mode: 'html-error' });
    expect(await failure(adapter().listTenants(ctx))).toMatchObject({ kind: 'unreachable', vendorCode: '502', vendorMessage: '502 Bad Gateway' });
  });

  it('empty HTTP 500 → unreachable', async () => {
    emu.setFaults({ mode: 'http-500' });
    expect(await failure(adapter().listTenants(ctx))).toMatchObject({ kind: 'unreachable', vendorCode: '500' });
  });

  it('connection reset → unreachable; a read retries through one reset, a write is sent once', async () => {
    emu.setFaults({ mode: 'reset' });
    expect(await failure(adapter().listTenants(ctx))).toMatchObject({ kind: 'unreachable' });
    emu.setFaults({ mode: 'reset', remaining: 1 });
    expect((await adapter({ deadlineMs: 2_000, retries: 2 }).listTenants(ctx)).length).toBe(3);

    const a = adapter({ deadlineMs: 2_000, retries: 2 });
    await a.listTenants(ctx); // warm the tenant cache so the only request below is the write
    emu.setFaults({ mode: 'reset', remaining: 1, match: 'ivr.add' });
    const before = emu.stats.byAction.get('/') ?? 0;
    const err = await failure(
      a.createIvr!(ctx, '2', { name: 'Once', extension: '177', greeting: 'greeting-once', enabled: true, keymap: [{ key: '1', destination: { type: 'extension', target: '100' } }] }),
    );
    expect(err.kind).toBe('unreachable');
    // POST puts the action in the body, so the kit counts it under the path.
    expect((emu.stats.byAction.get('/') ?? 0) - before).toBe(1);
  });

  it('no answer at all → timeout within the deadline', async () => {
    emu.setFaults({ mode: 'hang' });
    const t0 = Date.now();
    expect(await failure(adapter({ deadlineMs: 400, retries: 2 }).listTenants(ctx))).toMatchObject({ kind: 'timeout' });
    expect(Date.now() - t0).toBeLessThan(900);
  });

  it('added latency: inside the deadline succeeds, beyond it times out', async () => {
    emu.setFaults({ latencyMs: 200 });
    expect((await adapter({ deadlineMs: 1_500, retries: 0 }).listTenants(ctx)).length).toBe(3);
    emu.setFaults({ latencyMs: 1_000 });
    const t0 = Date.now();
    expect(await failure(adapter({ deadlineMs: 300, retries: 0 }).listTenants(ctx))).toMatchObject({ kind: 'timeout' });
    expect(Date.now() - t0).toBeLessThan(800);
  });
});

describe('request budget', () => {
  it('60 requests per 12 s, then rate_limited with PBXware-shaped words', async () => {
    emu.setBudget({ requests: 60, perSeconds: 12 });
    const a = adapter();
    let ok = 0;
    let limited: VendorError | undefined;
    for (let i = 0; i < 70 && !limited; i++) {
      try {
        await a.listTenants(ctx);
        ok++;
      } catch (e) {
        limited = e as VendorError;
      }
    }
    expect(ok).toBe(60);
    expect(limited).toMatchObject({ kind: 'rate_limited', vendorCode: '429', vendorMessage: 'Too many requests.' });
    emu.setBudget(null);
  });
});
