import 'server-only';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Cdr, DestinationOption, Did, DidInput, Extension, ExtensionInput, FormSpec, HodupbxConfig, Tenant } from '@/lib/schemas';
import { VendorError } from '../errors';
import type { AdapterContext, AdapterOptions, PbxAdapter, Recording } from '../types';
import { createHoduClient } from './client';
import { extensionForm, splitExtensionFields } from './extension-fields';
import { addDays, deriveIds, localDate, toBalance, toCdr, toDid, toExtension, toIvr, toLiveCall, toTenant } from './map';
import {
  activeCallSchema,
  balanceRowSchema,
  callLogRowSchema,
  didRowSchema,
  extensionRowSchema,
  groupRowSchema,
  ivrRowSchema,
  listOf,
  planRowSchema,
  recordingPathSchema,
  shiftRowSchema,
  tenantInfoSchema,
  timezoneRowSchema,
  type BalanceRow,
} from './wire';

/**
 * HoduPBX. A connection is either the platform's ADMIN token or one tenant's TENANT token, and the documents
 * give the two different endpoints:
 *
 * - Both: tenants and balances (`balance`; ADMIN lists every tenant), CDRs (`callLog`, one local day per
 *   request), recordings (`recordingPath`, by call ID), click-to-call.
 * - TENANT only (the tenant manual allows only 'TENANT' there): live calls (ADMIN's `activeCalls` has no tenant
 *   field, so its calls cannot be attributed), tenant info, extensions (list, create, update, feature and
 *   speed-dial updates), DIDs (list, map to an extension or IVR), IVRs (list only: no keymap is documented),
 *   destination choices.
 * - ADMIN only: the unassigned DID pool and assigning a DID to a tenant.
 *
 * The methods present on the returned object are exactly the capabilities of that token type.
 */
export type HodupbxAdapterConfig = Omit<HodupbxConfig, 'vendor' | 'timezone'> & {
  vendor?: 'hodupbx';
  /** IANA zone of the PBX's naive local times (default UTC). */
  timezone?: string;
  /** Stamped on the tenants this adapter returns. */
  connectionId?: string;
};

/** Empty local days skipped within one page before answering with an empty page and a cursor. */
const MAX_DAYS_PER_PAGE = 7;

const md5 = (s: string) => createHash('md5').update(s).digest('hex');

export function createHodupbxAdapter(config: HodupbxAdapterConfig, options?: AdapterOptions): PbxAdapter {
  const client = createHoduClient(config, options);
  const tz = config.timezone || 'UTC';
  const ut = config.userType;
  const connectionId = config.connectionId ?? '';
  /** tenant ID → currency, from balance answers (the call log's charges carry none). */
  const currencies = new Map<string, string>();
  /** A TENANT token's tenant never changes. */
  let ownRow: BalanceRow | undefined;

  const notFound = (what: string) => new VendorError({ kind: 'not_found', vendor: 'hodupbx', message: what });
  const rejected = (what: string) => new VendorError({ kind: 'rejected', vendor: 'hodupbx', message: what });

  async function balances(ctx: AdapterContext, tenantId?: string): Promise<BalanceRow[]> {
    const rows =
      (await client.call(ctx, {
        path: `info/${ut}/balance`,
        body: ut === 'ADMIN' && tenantId ? { tenant_id: tenantId } : {},
        data: listOf(balanceRowSchema),
        emptyOk: true,
      })) ?? [];
    for (const r of rows) currencies.set(r.tenant_id, r.currency_code);
    if (ut === 'TENANT' && rows[0]) ownRow = rows[0];
    return rows;
  }

  async function ownTenantId(ctx: AdapterContext): Promise<string> {
    if (!ownRow) await balances(ctx);
    if (!ownRow) throw new VendorError({ kind: 'invalid_response', vendor: 'hodupbx', operation: `info/${ut}/balance`, vendorMessage: 'no tenant in the balance answer' });
    return ownRow.tenant_id;
  }

  /** A TENANT connection serves its own tenant only; ADMIN passes `tenant_id` and lets HoduPBX judge. */
  async function requireTenant(ctx: AdapterContext, tenantId: string) {
    if (ut === 'TENANT' && (await ownTenantId(ctx)) !== tenantId) throw notFound(`This HoduPBX token belongs to another tenant than ${tenantId}`);
  }

  /** Enrichment only: a server that refuses or lacks getTenantInfo still lists its tenant; outages still throw. */
  async function tenantInfo(ctx: AdapterContext) {
    try {
      const rows = await client.call(ctx, { path: `info/${ut}/getTenantInfo`, data: listOf(tenantInfoSchema), emptyOk: true });
      return rows?.[0];
    } catch (e) {
      if (e instanceof VendorError && ['not_found', 'rejected', 'unsupported', 'invalid_response'].includes(e.kind)) return undefined;
      throw e;
    }
  }

  async function currencyOf(ctx: AdapterContext, tenantId: string): Promise<string | undefined> {
    if (!currencies.has(tenantId)) {
      // Without a currency the CDRs just carry no cost; an outage, though, would fail the next call too.
      await balances(ctx, ut === 'ADMIN' ? tenantId : undefined).catch((e: unknown) => {
        if (e instanceof VendorError && ['timeout', 'unreachable', 'rate_limited'].includes(e.kind)) throw e;
      });
    }
    return currencies.get(tenantId);
  }

  const tenantList = async <T extends z.ZodTypeAny>(ctx: AdapterContext, tenantId: string, endpoint: string, row: T): Promise<z.infer<T>[]> => {
    await requireTenant(ctx, tenantId);
    return (await client.call(ctx, { path: `info/${ut}/${endpoint}`, data: listOf(row), emptyOk: true })) ?? [];
  };

  const base: PbxAdapter = {
    vendor: 'hodupbx',

    async testConnection(ctx) {
      const rows = await balances(ctx);
      if (ut === 'TENANT') return { detail: `TENANT token accepted for ${rows[0]?.tenant_name ?? 'its tenant'} (${rows[0]?.tenant_id ?? '?'})` };
      return { detail: `ADMIN token accepted; ${rows.length} tenant${rows.length === 1 ? '' : 's'} visible` };
    },

    async listTenants(ctx): Promise<Tenant[]> {
      // No tenant list exists; the ADMIN balance answers "balance details of all tenant" (000:L203).
      const rows = await balances(ctx);
      if (ut === 'ADMIN') return rows.map((r) => toTenant(r, undefined, connectionId));
      const info = await tenantInfo(ctx);
      return rows.slice(0, 1).map((r) => toTenant(r, info, connectionId));
    },

    async listBalances(ctx, tenantIds) {
      const rows = (await balances(ctx)).filter((r) => !tenantIds || tenantIds.includes(r.tenant_id));
      const info = ut === 'TENANT' && rows.length ? await tenantInfo(ctx) : undefined;
      const asOf = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
      return rows.map((r) => toBalance(r, info, asOf));
    },

    /**
     * One local day per request (the call log has no paging, so a month could be one huge answer); the cursor
     * is the next local day. "No Call Log Details Found" is an empty day. CDR IDs: the `callid` where the
     * server sends one, else a hash of the row (see deriveIds).
     */
    async listCdrs(ctx, q) {
      await requireTenant(ctx, q.tenantId);
      const currency = await currencyOf(ctx, q.tenantId);
      const fromMs = Date.parse(q.from);
      const toMs = Date.parse(q.to);
      const last = localDate(q.to, tz);
      let day = q.cursor ?? localDate(q.from, tz);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw rejected('Invalid CDR page cursor');
      for (let i = 0; i < MAX_DAYS_PER_PAGE && day <= last; i++, day = addDays(day, 1)) {
        const rows =
          (await client.call(ctx, {
            path: `info/${day}/${day}/${ut}/callLog`,
            body: ut === 'ADMIN' ? { tenant_id: q.tenantId } : {},
            data: listOf(callLogRowSchema),
            emptyOk: true,
          })) ?? [];
        const mine = rows.filter((r) => !r.tenant_id || r.tenant_id === q.tenantId);
        const ids = deriveIds(mine, (r) => [q.tenantId, r.start_date, r.end_date, r.caller, r.callee, r.forward].join('|'), 'hodu-');
        const records = mine
          .map((r, n) => toCdr(r, r.callid ? `callid-${r.callid}` : ids[n]!, q.tenantId, tz, currency))
          .filter((c): c is Cdr => !!c && Date.parse(c.startedAt) >= fromMs && Date.parse(c.startedAt) <= toMs)
          .sort((a, b) => a.startedAt.localeCompare(b.startedAt));
        if (records.length) return { records, nextCursor: day < last ? addDays(day, 1) : undefined };
      }
      return { records: [], nextCursor: day <= last ? day : undefined };
    },

    async getRecording(ctx, tenantId, cdr): Promise<Recording> {
      await requireTenant(ctx, tenantId);
      // recordingPath wants a call ID, which the documented call log does not carry (vendor-matrix §4.2 #34).
      if (!cdr.recordingRef) throw notFound('HoduPBX gave no call ID for this call, and recordings are fetched by call ID');
      const data = await client.call(ctx, { path: `info/${ut}/recordingPath`, body: { callid: cdr.recordingRef }, data: recordingPathSchema });
      if (!data) throw notFound('No Recording Found');
      const res = await client.download(ctx, data.recordingPath);
      const length = Number(res.headers['content-length']);
      return { contentType: String(res.headers['content-type'] ?? 'audio/wav'), body: res.body, contentLength: Number.isFinite(length) ? length : undefined };
    },

    /** The web password is hashed (MD5, as the documents' sample shows) and sent; it is never kept. */
    async clickToCall(ctx, input) {
      await requireTenant(ctx, input.tenantId);
      const hashed = md5(input.webPassword);
      await client.call(ctx, {
        path: 'info/click2call',
        body: { extension_number: input.extension, extension_password: hashed, phone_number: input.number },
        write: true,
        secrets: [hashed, input.webPassword],
      });
    },

    /**
     * CRM subscribe / unsubscribe (`info/crmSubscribe`, `info/crmUnSubscribe`): the PBX then sends "Ring"
     * callbacks for the extension to the CRM URL configured on the PBX. Same MD5 web password as click2call,
     * never kept. 406 "Not Acceptable" (bad extension or password) becomes `rejected` with the vendor's text.
     */
    async crmSubscribe(ctx, input) {
      await crm(ctx, 'info/crmSubscribe', input);
    },

    async crmUnsubscribe(ctx, input) {
      await crm(ctx, 'info/crmUnSubscribe', input);
    },
  };

  async function crm(ctx: AdapterContext, path: string, input: { tenantId: string; extension: string; webPassword: string }) {
    await requireTenant(ctx, input.tenantId);
    const hashed = md5(input.webPassword);
    // An ADMIN token names the extension in its registration form, tenant ID first (as the callback sample 1000103).
    const extension = ut === 'ADMIN' ? `${input.tenantId}${input.extension}` : input.extension;
    await client.call(ctx, { path, body: { extension_number: extension, extension_password: hashed }, write: true, secrets: [hashed, input.webPassword] });
  }

  if (ut === 'ADMIN') return { ...base, ...adminOnly() };
  return { ...base, ...tenantOnly() };

  // ------------------------------------------------------------------------------------------- ADMIN only

  function adminOnly(): Partial<PbxAdapter> {
    const looseRows = z.array(z.record(z.string(), z.unknown()));
    const field = (row: Record<string, unknown>, test: (k: string) => boolean) => {
      const k = Object.keys(row).find(test);
      const v = k === undefined ? undefined : row[k];
      return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
    };
    return {
      async listUnassignedDids(ctx) {
        // getDID documents no response body; read it in the {did_id, did_number} shape of the tenant DID list.
        const rows = (await client.call(ctx, { path: 'info/getDID', data: looseRows, emptyOk: true })) ?? [];
        return rows.flatMap((r): Did[] => {
          const id = field(r, (k) => /did_?id$/i.test(k));
          const number = field(r, (k) => /did_?number$|^number$/i.test(k));
          return id && number ? [toDid({ did_id: id, did_number: number }, undefined)] : [];
        });
      },

      /**
       * assignDid requires a sell rate plan the domain call does not carry: we use the platform's first rate
       * plan in the tenant's currency (getRateplan; its body is undocumented, so read tolerantly).
       */
      async assignDid(ctx, tenantId, didId) {
        const currency = await currencyOf(ctx, tenantId);
        const plans = (await client.call(ctx, { path: 'info/getRateplan', data: looseRows, emptyOk: true })) ?? [];
        const plan = plans.find((p) => !currency || field(p, (k) => /currency/i.test(k))?.toUpperCase() === currency) ?? (plans.length === 1 ? plans[0] : undefined);
        const planId = plan && field(plan, (k) => /(rate_?plan_?id|rp_id|^id)$/i.test(k));
        if (!planId) throw rejected(`No sell rate plan in ${currency ?? "the tenant's currency"} was found for this DID assignment`);
        await client.call(ctx, { path: 'assign/assignDid', body: { tenant_id: tenantId, did_id: [didId], sell_rate_plan_id: planId }, write: true });
      },
    };
  }

  // ------------------------------------------------------------------------------------------- TENANT only

  function tenantOnly(): Partial<PbxAdapter> {
    const listExtensions = async (ctx: AdapterContext, tenantId: string): Promise<Extension[]> =>
      (await tenantList(ctx, tenantId, 'getExtension', extensionRowSchema)).map((r) => toExtension(r, tenantId));

    /** One `/api/extension` call per feature and one `/api/speeddial` call per digit (one key per call). */
    async function applyFeatures(ctx: AdapterContext, number: string, features: [string, string][], speedDials: [string, string][]) {
      for (const [k, v] of features) await client.call(ctx, { path: 'extension', body: { ext_number: number, [k]: v }, write: true });
      for (const [k, v] of speedDials) await client.call(ctx, { path: 'speeddial', body: { ext_number: number, [k]: v }, write: true });
    }

    return {
      /** activeCalls gives no call ID: the ID is a hash of tenant, start time, caller and callee (stable for the call's life). */
      async listLiveCalls(ctx, tenantId) {
        const rows = await tenantList(ctx, tenantId, 'activeCalls', activeCallSchema);
        const ids = deriveIds(rows, (r) => [tenantId, r.start_time, r.caller_number, r.callee_number].join('|'), 'hodu-');
        return rows.map((r, i) => toLiveCall(r, ids[i]!, tenantId, tz));
      },

      listExtensions,

      async extensionForm(ctx, tenantId): Promise<FormSpec> {
        const [plans, shifts, groups, zones] = await Promise.all([
          tenantList(ctx, tenantId, 'getPlan', planRowSchema),
          tenantList(ctx, tenantId, 'getShift', shiftRowSchema),
          tenantList(ctx, tenantId, 'getGroup', groupRowSchema),
          tenantList(ctx, tenantId, 'getTimezone', timezoneRowSchema),
        ]);
        return extensionForm({
          plans: plans.map((p) => ({ value: p.plan_id, label: p.plan_name })),
          shifts: shifts.map((s) => ({ value: s.shift_id, label: s.shift_name })),
          groups: groups.map((g) => ({ value: g.group_id, label: g.group_name })),
          timezones: zones.map((z) => ({ value: z.timezone_id, label: z.timezone_name })),
        });
      },

      /** createExtension takes no name and returns no ID: the new extension is found by number afterwards. */
      async createExtension(ctx, tenantId, input: ExtensionInput) {
        await requireTenant(ctx, tenantId);
        const f = splitExtensionFields(input, 'create');
        await client.call(ctx, { path: `add/${ut}/createExtension`, body: { ...f.body, ext_number: [input.number] }, write: true, secrets: f.secrets });
        await applyFeatures(ctx, input.number, f.features, f.speedDials);
        const created = (await listExtensions(ctx, tenantId)).find((e) => e.number === input.number);
        if (!created) throw new VendorError({ kind: 'invalid_response', vendor: 'hodupbx', operation: 'createExtension', vendorMessage: 'created extension not in getExtension' });
        return created;
      },

      async updateExtension(ctx, tenantId, id, input: ExtensionInput) {
        await requireTenant(ctx, tenantId);
        const f = splitExtensionFields(input, 'update');
        await client.call(ctx, { path: `update/${ut}/updateExtension`, body: { ...f.body, ext_id: id }, write: true, secrets: f.secrets });
        const current = (await listExtensions(ctx, tenantId)).find((e) => e.id === id);
        if (!current) throw notFound(`Extension ${id} is not in getExtension`);
        await applyFeatures(ctx, current.number, f.features, f.speedDials);
        return current;
      },

      async listDids(ctx, tenantId) {
        // "34. Get Rule group" is really the tenant's DID list (001:L1793-1842).
        return (await tenantList(ctx, tenantId, 'getTenantDetails', didRowSchema)).map((r) => toDid(r, tenantId));
      },

      /** mapDid: an extension (by number here, by ext_id on the wire) or an IVR (by ID). The number cannot change. */
      async updateDid(ctx, tenantId, id, input: DidInput) {
        const did = (await tenantList(ctx, tenantId, 'getTenantDetails', didRowSchema)).find((d) => d.did_id === id);
        if (!did) throw notFound(`DID ${id} is not assigned to tenant ${tenantId}`);
        if (input.number.replace(/^\+/, '') !== did.did_number.replace(/^\+/, '')) throw rejected('HoduPBX cannot change a DID number, only where it goes');
        const dest = input.destination;
        if (!dest || (dest.type !== 'extension' && dest.type !== 'ivr')) throw rejected('HoduPBX maps a DID only to an extension or an IVR');
        let target = dest.target;
        if (dest.type === 'extension') {
          const ext = (await listExtensions(ctx, tenantId)).find((e) => e.number === dest.target || e.id === dest.target);
          if (!ext) throw rejected(`Extension ${dest.target} does not exist`);
          target = ext.id;
        }
        await client.call(ctx, {
          path: `info/${ut}/mapDid`,
          body: { did_id: id, default_destination: dest.type === 'ivr' ? 'IVR' : 'EXTENSION', default_extension: target },
          write: true,
        });
        // HoduPBX cannot read a DID's destination back: return what was mapped.
        return { ...toDid(did, tenantId), destination: dest };
      },

      async listIvrs(ctx, tenantId) {
        return (await tenantList(ctx, tenantId, 'getIVR', ivrRowSchema)).map((r) => toIvr(r, tenantId));
      },

      /** Only what mapDid accepts: extensions and IVRs. */
      async listDestinations(ctx, tenantId): Promise<DestinationOption[]> {
        const [exts, ivrs] = await Promise.all([listExtensions(ctx, tenantId), tenantList(ctx, tenantId, 'getIVR', ivrRowSchema)]);
        return [
          ...exts.map((e): DestinationOption => ({ type: 'extension', target: e.number, label: `${e.name} (${e.number})` })),
          ...ivrs.map((r): DestinationOption => {
            const ivr = toIvr(r, tenantId);
            return { type: 'ivr', target: ivr.id, label: `${ivr.name} (${ivr.extension})` };
          }),
        ];
      },
    };
  }
}
