import 'server-only';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  balanceSchema,
  cdrSchema,
  destinationOptionSchema,
  didSchema,
  extensionSchema,
  formSpecSchema,
  ivrSchema,
  liveCallSchema,
  operationTimesSchema,
  sipRegistrationSchema,
  tenantCountersSchema,
  tenantSchema,
  type DidInput,
  type ExtensionInput,
  type IvrInput,
  type Tenant,
  type Vendor,
} from '@/lib/schemas';
import type { RunningEmulator } from '@/server/emulators/kit';
import { capabilitiesOf } from './capabilities';
import { VendorError } from './errors';
import type { AdapterOptions, PbxAdapter } from './types';

export interface ContractSetup {
  vendor: Vendor;
  startEmulator(): Promise<RunningEmulator>;
  /** An adapter with valid demo credentials against the emulator at `url`. */
  makeAdapter(url: string, options?: AdapterOptions): PbxAdapter;
  /** The same, with credentials the vendor must refuse. */
  makeBadAuthAdapter(url: string, options?: AdapterOptions): PbxAdapter;
  /** Fewest tenants the demo credentials see (1 for single-tenant tokens). */
  minTenants: number;
  /** Valid inputs for the CRUD round trips the adapter supports. */
  samples?: { extension?: ExtensionInput; did?: DidInput; ivr?: IvrInput };
}

const ctx = {};

async function expectVendorError(p: Promise<unknown>, kinds: VendorError['kind'][]) {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err, 'expected a VendorError').toBeInstanceOf(VendorError);
  expect(kinds).toContain((err as VendorError).kind);
  return err as VendorError;
}

/**
 * The conformance suite every vendor adapter passes against its emulator over real HTTP: every result parses
 * as the domain schema, writes round-trip, tenants stay apart, and failures become the right VendorError
 * within the deadline. Only the capabilities the adapter declares are exercised.
 */
export function runAdapterContract(setup: ContractSetup) {
  describe(`${setup.vendor} adapter contract`, () => {
    let emu: RunningEmulator;
    let adapter: PbxAdapter;
    let tenants: Tenant[];

    beforeAll(async () => {
      emu = await setup.startEmulator();
      adapter = setup.makeAdapter(emu.url, { deadlineMs: 2_000, retries: 1 });
      tenants = await adapter.listTenants(ctx);
    });
    afterAll(async () => emu?.close());
    beforeEach(() => {
      emu.setFaults(null);
      emu.setBudget(null);
    });

    const first = () => tenants[0]!.id;
    const has = (c: keyof PbxAdapter) => typeof adapter[c] === 'function';

    it('identifies its vendor and tests the connection', async () => {
      expect(adapter.vendor).toBe(setup.vendor);
      const r = await adapter.testConnection(ctx);
      expect(r.detail.length).toBeGreaterThan(0);
    });

    it('lists tenants as domain objects', () => {
      expect(tenants.length).toBeGreaterThanOrEqual(setup.minTenants);
      for (const t of tenants) expect(tenantSchema.parse(t)).toEqual(t);
      expect(new Set(tenants.map((t) => t.id)).size).toBe(tenants.length);
    });

    it('declares capabilities as implemented methods', () => {
      const caps = capabilitiesOf(adapter);
      for (const c of caps) expect(typeof adapter[c]).toBe('function');
    });

    it('reads every declared collection in domain shape, scoped to the tenant asked for', async () => {
      for (const t of tenants) {
        if (has('getTenantCounters')) tenantCountersSchema.parse(await adapter.getTenantCounters!(ctx, t.id));
        if (has('listLiveCalls')) for (const c of await adapter.listLiveCalls!(ctx, t.id)) expect(liveCallSchema.parse(c).tenantId).toBe(t.id);
        if (has('listRegistrations')) for (const r of await adapter.listRegistrations!(ctx, t.id)) expect(sipRegistrationSchema.parse(r).tenantId).toBe(t.id);
        if (has('listExtensions')) for (const x of await adapter.listExtensions!(ctx, t.id)) expect(extensionSchema.parse(x).tenantId).toBe(t.id);
        if (has('listDids')) for (const d of await adapter.listDids!(ctx, t.id)) expect(didSchema.parse(d).tenantId ?? t.id).toBe(t.id);
        if (has('listIvrs')) for (const i of await adapter.listIvrs!(ctx, t.id)) expect(ivrSchema.parse(i).tenantId).toBe(t.id);
        if (has('listOperationTimes')) for (const o of await adapter.listOperationTimes!(ctx, t.id)) expect(operationTimesSchema.parse(o).tenantId).toBe(t.id);
        if (has('listDestinations')) for (const o of await adapter.listDestinations!(ctx, t.id)) destinationOptionSchema.parse(o);
        if (has('extensionForm')) formSpecSchema.parse(await adapter.extensionForm!(ctx, t.id));
      }
      if (has('listBalances')) for (const b of await adapter.listBalances!(ctx)) balanceSchema.parse(b);
    });

    it('pages through CDRs of the last two days without repeating a record', async () => {
      if (!has('listCdrs')) return expect(has('getRecording')).toBe(false);
      const to = new Date();
      const from = new Date(to.getTime() - 2 * 86_400_000);
      const seen = new Set<string>();
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await adapter.listCdrs!(ctx, { tenantId: first(), from: from.toISOString(), to: to.toISOString(), cursor });
        for (const r of page.records) {
          cdrSchema.parse(r);
          expect(r.tenantId).toBe(first());
          expect(seen.has(r.id), `duplicate CDR id ${r.id}`).toBe(false);
          seen.add(r.id);
          expect(r.startedAt >= from.toISOString().slice(0, 10)).toBe(true);
        }
        cursor = page.nextCursor;
      } while (cursor && ++pages < 200);
      expect(seen.size).toBeGreaterThan(0);
    });

    it('round-trips an extension through create, update and delete where supported', async () => {
      const input = setup.samples?.extension;
      if (!has('createExtension') || !input) return;
      const created = await adapter.createExtension!(ctx, first(), input);
      expect(created.number).toBe(input.number);
      const listed = await adapter.listExtensions!(ctx, first());
      expect(listed.some((x) => x.id === created.id)).toBe(true);
      if (has('updateExtension')) {
        const updated = await adapter.updateExtension!(ctx, first(), created.id, { ...input, name: `${input.name} Renamed` });
        expect(updated.name).toBe(`${input.name} Renamed`);
      }
      if (has('deleteExtension')) {
        await adapter.deleteExtension!(ctx, first(), created.id);
        expect((await adapter.listExtensions!(ctx, first())).some((x) => x.id === created.id)).toBe(false);
      }
    });

    it('round-trips a DID where supported', async () => {
      const input = setup.samples?.did;
      if (!has('createDid') || !input) return;
      const created = await adapter.createDid!(ctx, first(), input);
      expect(created.number).toBe(input.number);
      expect((await adapter.listDids!(ctx, first())).some((d) => d.id === created.id)).toBe(true);
      if (has('deleteDid')) {
        await adapter.deleteDid!(ctx, first(), created.id);
        expect((await adapter.listDids!(ctx, first())).some((d) => d.id === created.id)).toBe(false);
      }
    });

    it('round-trips an IVR keymap where supported', async () => {
      const input = setup.samples?.ivr;
      if (!has('createIvr') || !input) return;
      const created = await adapter.createIvr!(ctx, first(), input);
      const back = (await adapter.listIvrs!(ctx, first())).find((i) => i.id === created.id);
      expect(back?.keymap?.map((k) => [k.key, k.destination.type, k.destination.target]).sort()).toEqual(
        input.keymap.map((k) => [k.key, k.destination.type, k.destination.target]).sort(),
      );
      if (has('deleteIvr')) await adapter.deleteIvr!(ctx, first(), created.id);
    });

    it('writes operation times and reads back the same schedule where supported', async () => {
      if (!has('setOperationTimes')) return;
      const all = await adapter.listOperationTimes!(ctx, first());
      const current = all.find((o) => o.writable);
      if (!current) return;
      const next = { ...current, weekly: { ...current.weekly, saturday: [{ from: '10:00', to: '12:30' }] } };
      const stored = await adapter.setOperationTimes!(ctx, first(), current.target, next);
      expect(stored.weekly.saturday).toEqual([{ from: '10:00', to: '12:30' }]);
      const again = (await adapter.listOperationTimes!(ctx, first())).find((o) => o.target.type === current.target.type && o.target.id === current.target.id);
      expect(again?.weekly.saturday).toEqual([{ from: '10:00', to: '12:30' }]);
      await adapter.setOperationTimes!(ctx, first(), current.target, current);
    });

    it('refuses a tenant it does not have', async () => {
      if (!has('listExtensions') && !has('listLiveCalls')) return;
      const p = has('listExtensions') ? adapter.listExtensions!(ctx, 'no-such-tenant-999') : adapter.listLiveCalls!(ctx, 'no-such-tenant-999');
      await expectVendorError(p, ['not_found', 'rejected']);
    });

    it('reports refused credentials as an auth error', async () => {
      const bad = setup.makeBadAuthAdapter(emu.url, { deadlineMs: 2_000, retries: 0 });
      await expectVendorError(bad.testConnection(ctx), ['auth']);
    });

    it('reports a vendor that never answers as a timeout within the deadline', async () => {
      emu.setFaults({ mode: 'hang' });
      const fast = setup.makeAdapter(emu.url, { deadlineMs: 500, retries: 1 });
      const t0 = Date.now();
      await expectVendorError(fast.listTenants(ctx), ['timeout']);
      expect(Date.now() - t0).toBeLessThan(1_500);
    });

    it('reports a dropped connection as unreachable', async () => {
      emu.setFaults({ mode: 'reset' });
      await expectVendorError(adapter.listTenants(ctx), ['unreachable']);
    });

    it('reports an HTML error page as unreachable with the HTTP status', async () => {
      emu.setFaults({ mode: 'html-error' });
      const e = await expectVendorError(adapter.listTenants(ctx), ['unreachable']);
      expect(e.vendorCode).toBe('502');
    });

    it('reports malformed JSON as an invalid response', async () => {
      emu.setFaults({ mode: 'malformed-json' });
      await expectVendorError(adapter.listTenants(ctx), ['invalid_response']);
    });

    it("keeps the vendor's own words for a vendor error", async () => {
      emu.setFaults({ mode: 'vendor-error' });
      const e = await expectVendorError(adapter.listTenants(ctx), ['rejected', 'auth', 'not_found', 'unsupported', 'rate_limited']);
      expect(e.vendorMessage ?? e.vendorCode).toBeTruthy();
    });

    it('recovers after a transient fault by retrying the read', async () => {
      emu.setFaults({ mode: 'reset', remaining: 1 });
      const again = await adapter.listTenants(ctx);
      expect(again.map((t) => t.id)).toEqual(tenants.map((t) => t.id));
    });

    it('reports an exhausted request budget as rate limited or rejected', async () => {
      emu.setBudget({ requests: 1, perSeconds: 60 });
      await adapter.listTenants(ctx).catch(() => undefined);
      await expectVendorError(adapter.listTenants(ctx), ['rate_limited', 'rejected']);
    });

  });
}
