import 'server-only';
import type {
  Balance,
  CdrPage,
  DestinationOption,
  Did,
  Extension,
  FormSpec,
  Ivr,
  LiveCall,
  OperationTimes,
  PbxwareConfig,
  ScheduleTarget,
  SettingsSection,
  SipRegistration,
  Tenant,
  TenantCounters,
} from '@/lib/schemas';
import { VendorError } from '../errors';
import type { AdapterContext, AdapterOptions, PbxAdapter } from '../types';
import { createPbxwareClient, type PbxArgsInput } from './client';
import { cdrRangeArgs } from './dates';
import type { KeymapEntry } from './keymap';
import { didArgs, didFormSpec, EXT_DEFAULTS, extArgs, extensionFormSpec, isProblem, ivrArgs, otimesSelector, toOtimesSetArgs, type Built } from './write-args';
import {
  currencyOf,
  MASTER_TENANT_ID,
  toBalance,
  toCdrs,
  toCounters,
  toDid,
  toExtension,
  toIvr,
  toLiveCall,
  toOperationTimes,
  toRegistration,
  toTenant,
} from './map';
import {
  wireCallsOverviewSchema,
  wireCdrPageSchema,
  wireDidListSchema,
  wireErgListSchema,
  wireExtConfigSchema,
  wireExtListSchema,
  wireExtOnlineSchema,
  wireIvrListSchema,
  wireLicensingSchema,
  wireLiveCallsSchema,
  wireMonitorSchema,
  wireOtimesSchema,
  wireRatingInfoSchema,
  wireRingGroupListSchema,
  wireSipRegistrationsSchema,
  wireTenantConfigSchema,
  wireTenantListSchema,
  wireTrunkListSchema,
  wireUadsSchema,
  wireWriteSchema,
  type WireTenantList,
} from './wire';

/**
 * Bicom PBXware (seed 004). One system-wide API key sees every tenant; `server` = tenant ID scopes each call.
 * Offered: tenants (list; configuration as a read-only settings section), dashboard counters, SIP registrations
 * (`monitor.list`), live calls (`monitor.live_calls`), CDRs (`cdr.download`, paged by `next_page`), extensions,
 * DIDs and IVRs with keymaps (list, add, edit, delete), operation times for tenants, DIDs, IVRs, dial groups,
 * ERGs, queues and routes, and balances derived from per-extension call rating.
 * Not offered, because the document has none: recording download, hangup/barge, click-to-call, a tenant
 * balance or tenant recharge (only per-extension credit/debit), unassigned DID pools.
 *
 * Tenants: ID 1 is the master tenant (the platform itself; "cannot be used" for DIDs, IVRs and ring groups in
 * tenant mode), so only customer tenants are listed and every tenant-scoped call refuses ID 1 and unknown IDs
 * with `not_found` before anything is sent.
 *
 * Balance: PBXware has no tenant balance; billing is per extension (`ext.call_rating_info`: account_balance,
 * available_funds, inclusive_minutes). A tenant's balance is the exact sum of its extensions' `account_balance`
 * (the prepaid money on the accounts), and `credit` is the sum of `available_funds` (what the accounts may still
 * spend); the per-extension figures stay in `extras.extensions`. Currency is tenant.configuration `currency`.
 */
export type PbxwareAdapterConfig = Omit<PbxwareConfig, 'vendor'> & {
  vendor?: 'pbxware';
  /** Stamped on the tenants this adapter returns. */
  connectionId?: string;
};

const TENANT_TTL_MS = 60_000;
const CDR_PAGE_LIMIT = 1000;

/** Runs `fn` over `items`, at most `limit` at a time, keeping order; PBXware has one request per object. */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!);
      }
    }),
  );
  return out;
}

const byNumericKey = <T>(o: Record<string, T>): Array<[string, T]> =>
  // Integer-like keys enumerate in numeric order anyway; sort explicitly so the order never depends on that.
  Object.entries(o).sort(([a], [b]) => (Number(a) - Number(b)) || a.localeCompare(b));

export function createPbxwareAdapter(config: PbxwareAdapterConfig, options?: AdapterOptions): PbxAdapter {
  const client = createPbxwareClient(config, options);
  const connectionId = config.connectionId ?? '';
  let tenantCache: { at: number; list: WireTenantList } | undefined;
  const configCache = new Map<string, { at: number; values: Record<string, string> }>();
  /** Keymaps as last written per IVR: the documented read shape has no digit (quirk 86). */
  const writtenKeymaps = new Map<string, KeymapEntry[]>();

  const read = client.read;
  const write = client.write;

  const rejected = (operation: string, said: string) => new VendorError({ kind: 'rejected', vendor: 'pbxware', operation, vendorMessage: said, message: said });
  /** A built write, or the reason it cannot be sent as a `rejected` error (nothing reaches PBXware). */
  const built = <T>(operation: string, b: Built<T>): T => {
    if (isProblem(b)) throw rejected(operation, b.problem);
    return b;
  };

  async function tenantList(ctx: AdapterContext, fresh = false): Promise<WireTenantList> {
    if (!fresh && tenantCache && Date.now() - tenantCache.at < TENANT_TTL_MS) return tenantCache.list;
    const list = await read(ctx, 'tenant.list', {}, wireTenantListSchema);
    tenantCache = { at: Date.now(), list };
    return list;
  }

  /** The customer tenant, or `not_found`; never sends a request scoped to a tenant we cannot see. */
  async function requireTenant(ctx: AdapterContext, tenantId: string): Promise<WireTenantList[string]> {
    let t = tenantId === MASTER_TENANT_ID ? undefined : (await tenantList(ctx))[tenantId];
    if (!t && tenantId !== MASTER_TENANT_ID) t = (await tenantList(ctx, true))[tenantId];
    if (!t) throw new VendorError({ kind: 'not_found', vendor: 'pbxware', operation: 'tenant.list', message: `PBXware has no customer tenant ${tenantId}` });
    return t;
  }
  const extLengthOf = (t: WireTenantList[string]) => Number(t.ext_length ?? 0) || 3;

  async function tenantConfig(ctx: AdapterContext, tenantId: string): Promise<Record<string, string>> {
    const hit = configCache.get(tenantId);
    if (hit && Date.now() - hit.at < 5 * TENANT_TTL_MS) return hit.values;
    const values = await read(ctx, 'tenant.configuration', { id: tenantId }, wireTenantConfigSchema);
    configCache.set(tenantId, { at: Date.now(), values });
    return values;
  }

  /**
   * ext.call_rating_info for a whole tenant. Without id/ext the answer is keyed by extension ID (neither is
   * marked required); should a PBX insist on one, ask per extension instead.
   */
  async function ratingInfo(ctx: AdapterContext, tenantId: string) {
    try {
      return await read(ctx, 'ext.call_rating_info', { server: tenantId }, wireRatingInfoSchema);
    } catch (e) {
      if (!(e instanceof VendorError) || e.kind !== 'rejected') throw e;
      const ids = Object.keys(await read(ctx, 'ext.list', { server: tenantId }, wireExtListSchema));
      const rows = await mapLimit(ids, 4, (id) => read(ctx, 'ext.call_rating_info', { server: tenantId, id }, wireRatingInfoSchema));
      return Object.assign({}, ...rows) as (typeof rows)[number];
    }
  }

  // ---------------------------------------------------------------------------------------------- extensions

  async function getExtension(ctx: AdapterContext, tenantId: string, id: string): Promise<Extension> {
    await requireTenant(ctx, tenantId);
    const cfg = await read(ctx, 'ext.configuration', { server: tenantId, id }, wireExtConfigSchema);
    const [key, e] = Object.entries(cfg)[0] ?? [];
    if (!key || !e) throw new VendorError({ kind: 'not_found', vendor: 'pbxware', operation: 'ext.configuration', message: `Extension ${id} not found` });
    // The SIP secret and PIN stay on the server side of the app: never in extras, which reach the browser.
    const { secret: _s, ...options } = (e.options ?? {}) as Record<string, unknown>;
    return toExtension(key, e, tenantId, { user_language: e.user_language, service_plan: e.service_plan, options: options as never });
  }

  // ---------------------------------------------------------------------------------------------- DIDs

  async function listDids(ctx: AdapterContext, tenantId: string): Promise<Did[]> {
    await requireTenant(ctx, tenantId);
    return byNumericKey(await read(ctx, 'did.list', { server: tenantId }, wireDidListSchema)).map(([id, d]) => toDid(id, d, tenantId));
  }

  async function findDid(ctx: AdapterContext, tenantId: string, id: string, operation: string): Promise<Did> {
    const did = (await listDids(ctx, tenantId)).find((d) => d.id === id);
    if (!did) throw new VendorError({ kind: 'not_found', vendor: 'pbxware', operation, message: `DID ${id} is not in tenant ${tenantId}` });
    return did;
  }

  // ---------------------------------------------------------------------------------------------- IVRs

  async function listIvrs(ctx: AdapterContext, tenantId: string): Promise<Ivr[]> {
    await requireTenant(ctx, tenantId);
    return byNumericKey(await read(ctx, 'ivr.list', { server: tenantId }, wireIvrListSchema)).map(([id, i]) => toIvr(id, i, tenantId, writtenKeymaps.get(id)));
  }

  async function findIvr(ctx: AdapterContext, tenantId: string, id: string, operation: string): Promise<Ivr> {
    const ivr = (await listIvrs(ctx, tenantId)).find((i) => i.id === id);
    if (!ivr) throw new VendorError({ kind: 'not_found', vendor: 'pbxware', operation, message: `IVR ${id} is not in tenant ${tenantId}` });
    return ivr;
  }

  // ---------------------------------------------------------------------------------------------- operation times

  function selector(target: ScheduleTarget, tenantId: string) {
    const sel = otimesSelector(target, tenantId);
    if (!sel) throw new VendorError({ kind: 'unsupported', vendor: 'pbxware', message: `PBXware has no operation times for ${target.type}` });
    return sel;
  }

  async function readOtimes(ctx: AdapterContext, tenantId: string, target: ScheduleTarget): Promise<OperationTimes> {
    const { kind, args } = selector(target, tenantId);
    const list = await read(ctx, `otimes.${kind}.list`, args, wireOtimesSchema);
    const state = list[target.type === 'tenant' ? tenantId : target.id] ?? Object.values(list)[0];
    if (!state) throw new VendorError({ kind: 'not_found', vendor: 'pbxware', operation: `otimes.${kind}.list`, message: `No operation times for ${target.type} ${target.id}` });
    return toOperationTimes(state, tenantId, target);
  }

  return {
    vendor: 'pbxware',

    async testConnection(ctx) {
      const list = await tenantList(ctx, true);
      const n = Object.keys(list).filter((id) => id !== MASTER_TENANT_ID).length;
      return { detail: `PBXware answered with ${n} customer tenant${n === 1 ? '' : 's'}` };
    },

    async listTenants(ctx): Promise<Tenant[]> {
      return byNumericKey(await tenantList(ctx, true))
        .filter(([id]) => id !== MASTER_TENANT_ID)
        .map(([id, t]) => toTenant(id, t, connectionId));
    },

    async getTenantSettings(ctx, tenantId): Promise<SettingsSection[]> {
      await requireTenant(ctx, tenantId);
      configCache.delete(tenantId);
      const values = await tenantConfig(ctx, tenantId);
      return [
        {
          id: 'tenant-configuration',
          title: 'Tenant configuration',
          fields: Object.keys(values).map((name) => ({ name, label: name, kind: 'text' as const, required: false })),
          values,
          readable: true,
        },
      ];
    },

    async getTenantCounters(ctx, tenantId): Promise<TenantCounters> {
      await requireTenant(ctx, tenantId);
      const server = { server: tenantId };
      const [online, sip, calls, licensing] = await Promise.all([
        read(ctx, 'dashboard.ext_online', server, wireExtOnlineSchema),
        read(ctx, 'dashboard.sip_registrations', server, wireSipRegistrationsSchema),
        read(ctx, 'dashboard.calls', server, wireCallsOverviewSchema),
        read(ctx, 'dashboard.licensing', server, wireLicensingSchema),
      ]);
      return toCounters(tenantId, online, sip, calls, licensing);
    },

    async listBalances(ctx, tenantIds): Promise<Balance[]> {
      const ids = tenantIds ?? Object.keys(await tenantList(ctx)).filter((id) => id !== MASTER_TENANT_ID);
      return mapLimit(ids, 3, async (tenantId): Promise<Balance> => {
        await requireTenant(ctx, tenantId);
        const [cfg, info] = await Promise.all([
          tenantConfig(ctx, tenantId),
          // Without id/ext the answer is keyed by extension ID for the whole tenant; if a PBX insists on an ID,
          // ask per extension instead.
          ratingInfo(ctx, tenantId),
        ]);
        return toBalance(tenantId, info, currencyOf(cfg.currency), new Date());
      });
    },

    async listLiveCalls(ctx, tenantId): Promise<LiveCall[]> {
      const t = await requireTenant(ctx, tenantId);
      const calls = await read(ctx, 'monitor.live_calls', { server: tenantId }, wireLiveCallsSchema);
      const now = Date.now();
      return Object.entries(calls).map(([id, c]) => toLiveCall(id, c, tenantId, extLengthOf(t), now));
    },

    async listRegistrations(ctx, tenantId): Promise<SipRegistration[]> {
      await requireTenant(ctx, tenantId);
      return byNumericKey(await read(ctx, 'monitor.list', { server: tenantId }, wireMonitorSchema)).map(([id, m]) => toRegistration(id, m, tenantId));
    },

    async listCdrs(ctx, query): Promise<CdrPage> {
      const t = await requireTenant(ctx, query.tenantId);
      const page = query.cursor === undefined ? 1 : Number(query.cursor);
      if (!Number.isInteger(page) || page < 1) throw rejected('cdr.download', `Invalid CDR cursor "${query.cursor}"`);
      const [cfg, wire] = await Promise.all([
        tenantConfig(ctx, query.tenantId),
        read(
          ctx,
          'cdr.download',
          { ...cdrRangeArgs(Date.parse(query.from), Date.parse(query.to), 'UTC'), server: query.tenantId, page, limit: CDR_PAGE_LIMIT },
          wireCdrPageSchema,
        ),
      ]);
      const records = toCdrs(wire, query.tenantId, currencyOf(cfg.currency), extLengthOf(t));
      return wire.next_page && records.length > 0 ? { records, nextCursor: String(page + 1) } : { records };
    },

    async listDestinations(ctx, tenantId): Promise<DestinationOption[]> {
      await requireTenant(ctx, tenantId);
      const server = { server: tenantId };
      const [exts, rgs, ivrs, ergs] = await Promise.all([
        read(ctx, 'ext.list', server, wireExtListSchema),
        read(ctx, 'ring_group.list', server, wireRingGroupListSchema),
        read(ctx, 'ivr.list', server, wireIvrListSchema),
        read(ctx, 'erg.list', server, wireErgListSchema),
      ]);
      const out: DestinationOption[] = [];
      for (const [, e] of byNumericKey(exts)) out.push({ type: 'extension', target: e.ext, label: `${e.name} (${e.ext})` });
      for (const [, e] of byNumericKey(exts)) out.push({ type: 'voicemail', target: e.ext, label: `Voicemail of ${e.name} (${e.ext})` });
      for (const [, r] of byNumericKey(rgs)) out.push({ type: 'ring_group', target: r.ext, label: `${r.name} (${r.ext})` });
      // Enhanced ring groups share the "Dial Groups and Enhanced Ring Groups" destination (keymap `rg`).
      for (const [, r] of byNumericKey(ergs)) out.push({ type: 'ring_group', target: r.number, label: `${r.name} (${r.number})` });
      for (const [, i] of byNumericKey(ivrs)) out.push({ type: 'ivr', target: i.ext, label: `${i.name} (${i.ext})` });
      return out;
    },

    async listExtensions(ctx, tenantId): Promise<Extension[]> {
      await requireTenant(ctx, tenantId);
      return byNumericKey(await read(ctx, 'ext.list', { server: tenantId }, wireExtListSchema)).map(([id, e]) => toExtension(id, e, tenantId));
    },

    getExtension,

    async extensionForm(ctx, tenantId): Promise<FormSpec> {
      await requireTenant(ctx, tenantId);
      const uads = byNumericKey(await read(ctx, 'uads.list', {}, wireUadsSchema)).filter(([, u]) => u.enabled !== false && u.enabled !== '0');
      return extensionFormSpec(uads);
    },

    async createExtension(ctx, tenantId, input): Promise<Extension> {
      await requireTenant(ctx, tenantId);
      // "email … (*Required*)" in ext.add.
      if (!input.email) throw rejected('ext.add', 'PBXware requires an e-mail address for every extension');
      const res = await write(ctx, 'ext.add', { server: tenantId, ...EXT_DEFAULTS, ...extArgs(input) }, wireWriteSchema);
      if (!res.id) throw new VendorError({ kind: 'invalid_response', vendor: 'pbxware', operation: 'ext.add', vendorMessage: 'no id in the success answer' });
      return getExtension(ctx, tenantId, res.id);
    },

    async updateExtension(ctx, tenantId, id, input): Promise<Extension> {
      await requireTenant(ctx, tenantId);
      await write(ctx, 'ext.edit', { server: tenantId, id, ...extArgs(input) }, wireWriteSchema);
      return getExtension(ctx, tenantId, id);
    },

    async deleteExtension(ctx, tenantId, id) {
      await requireTenant(ctx, tenantId);
      await write(ctx, 'ext.delete', { id, server: tenantId }, wireWriteSchema);
    },

    listDids,

    async didForm(ctx, tenantId): Promise<FormSpec> {
      await requireTenant(ctx, tenantId);
      return didFormSpec(byNumericKey(await read(ctx, 'trunk.list', {}, wireTrunkListSchema)));
    },

    async createDid(ctx, tenantId, input): Promise<Did> {
      await requireTenant(ctx, tenantId);
      let defaultTrunk: string | undefined;
      if (!input.fields?.trunk) {
        // A DID must sit on a trunk; without a choice, the first enabled one.
        const trunks = byNumericKey(await read(ctx, 'trunk.list', {}, wireTrunkListSchema));
        defaultTrunk = (trunks.find(([, t]) => t.status !== 'disabled') ?? trunks[0])?.[0];
      }
      const args = built('did.add', didArgs(input, true, defaultTrunk));
      const res = await write(ctx, 'did.add', { server: tenantId, ...args }, wireWriteSchema);
      if (!res.id) throw new VendorError({ kind: 'invalid_response', vendor: 'pbxware', operation: 'did.add', vendorMessage: 'no id in the success answer' });
      return findDid(ctx, tenantId, res.id, 'did.add');
    },

    async updateDid(ctx, tenantId, id, input): Promise<Did> {
      await requireTenant(ctx, tenantId);
      const args = built('did.edit', didArgs(input, false));
      await write(ctx, 'did.edit', { server: tenantId, id, ...args }, wireWriteSchema);
      return findDid(ctx, tenantId, id, 'did.edit');
    },

    async deleteDid(ctx, tenantId, id) {
      await requireTenant(ctx, tenantId);
      // The document also says "always set to 1" here (quirk 84); the tenant ID is sent, as everywhere else.
      await write(ctx, 'did.delete', { id, server: tenantId }, wireWriteSchema);
    },

    listIvrs,

    async createIvr(ctx, tenantId, input): Promise<Ivr> {
      await requireTenant(ctx, tenantId);
      const { pairs, keymap } = built('ivr.add', ivrArgs(input));
      const res = await write(ctx, 'ivr.add', [['server', tenantId], ...pairs] as PbxArgsInput, wireWriteSchema);
      if (!res.id) throw new VendorError({ kind: 'invalid_response', vendor: 'pbxware', operation: 'ivr.add', vendorMessage: 'no id in the success answer' });
      if (keymap) writtenKeymaps.set(res.id, keymap);
      return findIvr(ctx, tenantId, res.id, 'ivr.add');
    },

    async updateIvr(ctx, tenantId, id, input): Promise<Ivr> {
      await requireTenant(ctx, tenantId);
      const { pairs, keymap } = built('ivr.edit', ivrArgs(input));
      await write(ctx, 'ivr.edit', [['server', tenantId], ['id', id], ...pairs] as PbxArgsInput, wireWriteSchema);
      if (keymap) writtenKeymaps.set(id, keymap);
      return findIvr(ctx, tenantId, id, 'ivr.edit');
    },

    async deleteIvr(ctx, tenantId, id) {
      await requireTenant(ctx, tenantId);
      await write(ctx, 'ivr.delete', { id, server: tenantId }, wireWriteSchema);
      writtenKeymaps.delete(id);
    },

    async listOperationTimes(ctx, tenantId): Promise<OperationTimes[]> {
      const t = await requireTenant(ctx, tenantId);
      const server = { server: tenantId };
      // Queues have no list action and routes are every country, so neither is enumerated; both can be set.
      const [dids, ivrs, rgs, ergs] = await Promise.all([
        read(ctx, 'did.list', server, wireDidListSchema),
        read(ctx, 'ivr.list', server, wireIvrListSchema),
        read(ctx, 'ring_group.list', server, wireRingGroupListSchema),
        read(ctx, 'erg.list', server, wireErgListSchema),
      ]);
      const targets: ScheduleTarget[] = [
        { type: 'tenant', id: tenantId, label: t.name },
        ...byNumericKey(dids).map(([id, d]) => ({ type: 'did' as const, id, label: d.name ? `${d.number} (${d.name})` : d.number })),
        ...byNumericKey(ivrs).map(([id, i]) => ({ type: 'ivr' as const, id, label: `${i.name} (${i.ext})` })),
        ...byNumericKey(rgs).map(([id, r]) => ({ type: 'ring_group' as const, id, label: `${r.name} (${r.ext})` })),
        ...byNumericKey(ergs).map(([id, e]) => ({ type: 'erg' as const, id, label: `${e.name} (${e.number})` })),
      ];
      return mapLimit(targets, 4, (target) => readOtimes(ctx, tenantId, target));
    },

    async setOperationTimes(ctx, tenantId, target, input): Promise<OperationTimes> {
      await requireTenant(ctx, tenantId);
      const { kind, args } = selector(target, tenantId);
      await write(ctx, `otimes.${kind}.set`, [...Object.entries(args), ...toOtimesSetArgs({ ...input, target })] as PbxArgsInput, wireWriteSchema);
      return readOtimes(ctx, tenantId, target);
    },
  };
}
