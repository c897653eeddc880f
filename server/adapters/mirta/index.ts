import 'server-only';
import type { Did, DidInput, Extension, ExtensionInput, FormSpec, MirtaConfig, OperationTimes, Tenant } from '@/lib/schemas';
import { VendorError, unsupported } from '../errors';
import type { AdapterContext, AdapterOptions, PbxAdapter } from '../types';
import { createMirtaClient } from './client';
import {
  conditionToOperationTimes,
  toCdr,
  toDestinationOptions,
  toDid,
  toExtension,
  toIvr,
  toRingGroup,
  toTenant,
  toVoicemailBox,
  toWireHunt,
  type MirtaRingGroup,
  type MirtaRingGroupInput,
  type MirtaVoicemailBox,
} from './map';
import {
  cdrRowSchema,
  conditionRowSchema,
  customRowSchema,
  didDetailRowSchema,
  didRowSchema,
  extensionRowSchema,
  huntRowSchema,
  ivrRowSchema,
  listOf,
  loginSchema,
  sipPeerRowSchema,
  userTenantsSchema,
  voicemailRowSchema,
  writeResultSchema,
} from './wire';

export type { MirtaRingGroup, MirtaRingGroupInput, MirtaVoicemailBox } from './map';

/** The shared `MirtaConfig`, with the fields that have defaults optional (tests build it by hand). */
export interface MirtaAdapterConfig extends Omit<MirtaConfig, 'tenantCodes' | 'timezone' | 'currency' | 'vendor'> {
  vendor?: 'mirta';
  /** te_id → tenant_code for `/cdr/getCallHistory`; no documented endpoint returns tenant codes. */
  tenantCodes?: Record<string, string>;
  /** Zone of the PBX server's CDR `calldate` (default UTC). */
  timezone?: string;
  /** ISO currency of CDR `cost`; costs are left out when unset or empty. */
  currency?: string;
  connectionId?: string;
}

/**
 * What MiRTA offers beyond `PbxAdapter`: hunt lists (ring groups), voicemail boxes and single-DID reads. The
 * shared contract has no methods for them yet, so they are typed here.
 */
export interface MirtaAdapter extends PbxAdapter {
  getDid(ctx: AdapterContext, tenantId: string, id: string): Promise<Did>;
  listRingGroups(ctx: AdapterContext, tenantId: string): Promise<MirtaRingGroup[]>;
  getRingGroup(ctx: AdapterContext, tenantId: string, id: string): Promise<MirtaRingGroup>;
  updateRingGroup(ctx: AdapterContext, tenantId: string, id: string, input: MirtaRingGroupInput): Promise<MirtaRingGroup>;
  deleteRingGroup(ctx: AdapterContext, tenantId: string, id: string): Promise<void>;
  listVoicemailBoxes(ctx: AdapterContext, tenantId: string): Promise<MirtaVoicemailBox[]>;
}

const TENANT_CACHE_MS = 60_000;
/** The API has no paging; CDRs are fetched a week of days per page. */
const CDR_CHUNK_DAYS = 7;
const DAY_MS = 86_400_000;

const EXTENSION_FORM: FormSpec = {
  fields: [
    { name: 'ex_cidnum', label: 'Caller ID number', kind: 'text', required: false, pattern: '^\\+?\\d{0,20}$', patternMessage: 'digits only, optionally with a leading +' },
    { name: 'ex_cidname', label: 'Caller ID name', kind: 'text', required: false },
  ],
};
const DID_FORM: FormSpec = {
  fields: [
    { name: 'di_country', label: 'Country', kind: 'text', required: false },
    { name: 'di_area', label: 'Area', kind: 'text', required: false },
    { name: 'di_didprefix', label: 'DID prefix', kind: 'text', required: false, help: 'Digits prepended to the dialled number' },
    { name: 'di_didnameprefix', label: 'Caller name prefix', kind: 'text', required: false, help: 'Text prepended to the caller name' },
  ],
};

const ymd = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function createMirtaAdapter(config: MirtaAdapterConfig, options?: AdapterOptions): MirtaAdapter {
  const client = createMirtaClient(config, options);
  const connectionId = config.connectionId ?? '';
  const timeZone = config.timezone ?? 'UTC';
  let tenantCache: { at: number; tenants: Tenant[] } | undefined;
  const derivedCodes = new Map<string, string>();

  const notFound = (what: string, operation?: string) => new VendorError({ kind: 'not_found', vendor: 'mirta', operation, message: what });

  async function fetchTenants(ctx: AdapterContext): Promise<Tenant[]> {
    const data = await client.call(ctx, '/user/tenants', { user: config.userEmail }, userTenantsSchema);
    const tenants = data.tenants.map((t) => toTenant(t, config.tenantCodes?.[t.te_id], connectionId));
    tenantCache = { at: Date.now(), tenants };
    return tenants;
  }

  /**
   * Credentials are system-wide, so the adapter itself confines every call to the configured user's tenants
   * (the emulator and, presumably, the real API answer an unknown tenant_id with an empty list).
   */
  async function requireTenant(ctx: AdapterContext, tenantId: string): Promise<Tenant> {
    const tenants = tenantCache && Date.now() - tenantCache.at < TENANT_CACHE_MS ? tenantCache.tenants : await fetchTenants(ctx);
    const t = tenants.find((x) => x.id === tenantId);
    if (!t) throw notFound(`Tenant ${tenantId} is not among the tenants of ${config.userEmail}`, '/user/tenants');
    return t;
  }

  const listRows = {
    extensions: (ctx: AdapterContext, tenantId: string) => client.call(ctx, '/extension/bytenant', { tenant_id: tenantId }, listOf(extensionRowSchema)),
    hunts: (ctx: AdapterContext, tenantId: string) => client.call(ctx, '/hunt/bytenant', { tenant_id: tenantId }, listOf(huntRowSchema)),
    ivrs: (ctx: AdapterContext, tenantId: string) => client.call(ctx, '/ivr/bytenant', { tenant_id: tenantId }, listOf(ivrRowSchema)),
    voicemails: (ctx: AdapterContext, tenantId: string) => client.call(ctx, '/voicemail/bytenant', { tenant_id: tenantId }, listOf(voicemailRowSchema)),
    customs: (ctx: AdapterContext, tenantId: string) => client.call(ctx, '/custom/bytenant', { tenant_id: tenantId }, listOf(customRowSchema)),
  };

  /** The extension row, only if it belongs to the tenant (byid endpoints take no tenant, so check the list). */
  async function extensionRow(ctx: AdapterContext, tenantId: string, id: string) {
    await requireTenant(ctx, tenantId);
    const row = (await listRows.extensions(ctx, tenantId)).find((e) => e.ex_id === id);
    if (!row) throw notFound(`Extension ${id} is not in tenant ${tenantId}`, '/extension/bytenant');
    return row;
  }

  async function sipPeer(ctx: AdapterContext, tenantId: string, extensionId: string) {
    const rows = await client.call(ctx, '/extension/user', { tenant_id: tenantId, extension_id: extensionId }, listOf(sipPeerRowSchema));
    return rows[0];
  }

  async function huntRow(ctx: AdapterContext, tenantId: string, id: string) {
    await requireTenant(ctx, tenantId);
    if (!(await listRows.hunts(ctx, tenantId)).some((h) => h.hu_id === id)) throw notFound(`Hunt list ${id} is not in tenant ${tenantId}`, '/hunt/bytenant');
    const rows = await client.call(ctx, '/hunt/byid', { hunt_id: id }, listOf(huntRowSchema));
    if (!rows[0]) throw notFound(`Hunt list ${id} was not found`, '/hunt/byid');
    return rows[0];
  }

  async function didDetail(ctx: AdapterContext, tenantId: string, id: string) {
    await requireTenant(ctx, tenantId);
    const rows = await client.call(ctx, '/did/byid', { did_id: id }, listOf(didDetailRowSchema));
    const row = rows[0];
    // byid answers di_te_id but no di_id (quirk 62): check the tenant and join the ID back.
    if (!row || (row.di_te_id !== '' && row.di_te_id !== tenantId)) throw notFound(`DID ${id} is not in tenant ${tenantId}`, '/did/byid');
    return { ...row, di_id: id };
  }

  /** tenant_code from the configuration, else from the SIP peer name "<number>-<TenantCode>" [ASSUMPTION, §6]. */
  async function tenantCode(ctx: AdapterContext, tenantId: string): Promise<string> {
    const configured = config.tenantCodes?.[tenantId];
    if (configured) return configured;
    const cached = derivedCodes.get(tenantId);
    if (cached) return cached;
    const first = (await listRows.extensions(ctx, tenantId))[0];
    const peer = first ? await sipPeer(ctx, tenantId, first.ex_id).catch(() => undefined) : undefined;
    const code = peer && first && peer.name.startsWith(`${first.ex_number}-`) ? peer.name.slice(first.ex_number.length + 1) : undefined;
    if (!code)
      throw new VendorError({
        kind: 'unsupported',
        vendor: 'mirta',
        operation: '/cdr/getCallHistory',
        message: `Call records need the MiRTA tenant code of tenant ${tenantId}; add it to the connection's tenant codes (te_id → tenant_code)`,
      });
    derivedCodes.set(tenantId, code);
    return code;
  }

  const adapter: MirtaAdapter = {
    vendor: 'mirta',

    async testConnection(ctx) {
      const r = await client.call(ctx, '/user/login', {}, loginSchema, { method: 'GET' });
      return { detail: `Signed in to MiRTA as ${config.username} (user ${r.user_id})` };
    },

    listTenants: fetchTenants,

    // ---------------------------------------------------------------------------------------- extensions
    async listExtensions(ctx, tenantId) {
      await requireTenant(ctx, tenantId);
      return (await listRows.extensions(ctx, tenantId)).map((r) => toExtension(r, tenantId));
    },

    async getExtension(ctx, tenantId, id) {
      const row = await extensionRow(ctx, tenantId, id);
      // The SIP peer is all the API says about registration; an extension without one is still an extension.
      const peer = await sipPeer(ctx, tenantId, id).catch((e: unknown) => {
        if (e instanceof VendorError && e.kind === 'not_found') return undefined;
        throw e;
      });
      return toExtension(row, tenantId, peer);
    },

    async extensionForm() {
      return EXTENSION_FORM;
    },

    async updateExtension(ctx, tenantId, id, input: ExtensionInput): Promise<Extension> {
      const current = await extensionRow(ctx, tenantId, id);
      if (input.email) throw new VendorError({ kind: 'rejected', vendor: 'mirta', operation: '/extension/updatebyid', message: "MiRTA's API has no e-mail address on extensions" });
      const extension = {
        ex_name: input.name,
        ex_number: input.number,
        ex_cidnum: input.fields.ex_cidnum ?? current.ex_cidnum,
        ex_cidname: input.fields.ex_cidname ?? current.ex_cidname,
      };
      await client.call(ctx, '/extension/updatebyid', { extension_id: id, extension }, writeResultSchema, { write: true });
      return adapter.getExtension!(ctx, tenantId, id);
    },

    // ---------------------------------------------------------------------------------------- DIDs
    async listDids(ctx, tenantId) {
      await requireTenant(ctx, tenantId);
      return (await client.call(ctx, '/did/bytenant', { tenant_id: tenantId }, listOf(didRowSchema))).map((r) => toDid(r, tenantId));
    },

    async getDid(ctx, tenantId, id) {
      return toDid(await didDetail(ctx, tenantId, id), tenantId);
    },

    async didForm() {
      return DID_FORM;
    },

    async updateDid(ctx, tenantId, id, input: DidInput) {
      if (input.destination) throw unsupported('mirta', 'Routing a DID to a destination');
      const current = await didDetail(ctx, tenantId, id);
      const did = {
        di_number: input.number,
        di_comment: input.description ?? current.di_comment,
        di_didprefix: input.fields.di_didprefix ?? current.di_didprefix,
        di_didnameprefix: input.fields.di_didnameprefix ?? current.di_didnameprefix,
        di_country: input.fields.di_country ?? current.di_country,
        di_area: input.fields.di_area ?? current.di_area,
      };
      await client.call(ctx, '/did/updatebyid', { did_id: id, did }, writeResultSchema, { write: true });
      return adapter.getDid(ctx, tenantId, id);
    },

    // ---------------------------------------------------------------------------------------- IVRs, routing
    async listIvrs(ctx, tenantId) {
      await requireTenant(ctx, tenantId);
      return (await listRows.ivrs(ctx, tenantId)).map((r) => toIvr(r, tenantId));
    },

    async listOperationTimes(ctx, tenantId): Promise<OperationTimes[]> {
      await requireTenant(ctx, tenantId);
      const rows = await client.call(ctx, '/condition/bytenant', { tenant_id: tenantId }, listOf(conditionRowSchema));
      const year = new Date().getUTCFullYear();
      return rows.flatMap((r) => conditionToOperationTimes(r, tenantId, year) ?? []);
    },

    async listDestinations(ctx, tenantId) {
      await requireTenant(ctx, tenantId);
      const [extensions, hunts, ivrs, voicemails, customs] = await Promise.all([
        listRows.extensions(ctx, tenantId),
        listRows.hunts(ctx, tenantId),
        listRows.ivrs(ctx, tenantId),
        listRows.voicemails(ctx, tenantId),
        listRows.customs(ctx, tenantId),
      ]);
      return toDestinationOptions({ extensions, hunts, ivrs, voicemails, customs });
    },

    // ---------------------------------------------------------------------------------------- hunt lists, voicemail
    async listRingGroups(ctx, tenantId) {
      await requireTenant(ctx, tenantId);
      return (await listRows.hunts(ctx, tenantId)).map((r) => toRingGroup(r, tenantId));
    },

    async getRingGroup(ctx, tenantId, id) {
      return toRingGroup(await huntRow(ctx, tenantId, id), tenantId);
    },

    async updateRingGroup(ctx, tenantId, id, input) {
      const current = await huntRow(ctx, tenantId, id);
      await client.call(ctx, '/hunt/updatebyid', { hunt_id: id, hunt: toWireHunt(input, current) }, writeResultSchema, { write: true });
      return adapter.getRingGroup(ctx, tenantId, id);
    },

    async deleteRingGroup(ctx, tenantId, id) {
      await huntRow(ctx, tenantId, id);
      await client.call(ctx, '/hunt/deletebyid', { hunt_id: id }, writeResultSchema, { write: true });
    },

    async listVoicemailBoxes(ctx, tenantId) {
      await requireTenant(ctx, tenantId);
      return (await listRows.voicemails(ctx, tenantId)).map((r) => toVoicemailBox(r, tenantId));
    },

    // ---------------------------------------------------------------------------------------- CDRs
    async listCdrs(ctx, query) {
      await requireTenant(ctx, query.tenantId);
      const fromMs = Date.parse(query.from);
      const toMs = Date.parse(query.to);
      // One day of margin each side: calldate is the server's wall time, which may be a day off UTC.
      const firstDay = Math.floor(fromMs / DAY_MS) * DAY_MS - DAY_MS;
      const lastDay = Math.floor(toMs / DAY_MS) * DAY_MS + DAY_MS;
      const start = query.cursor ? Date.parse(`${query.cursor}T00:00:00Z`) : firstDay;
      if (Number.isNaN(start) || start < firstDay || start > lastDay)
        throw new VendorError({ kind: 'rejected', vendor: 'mirta', operation: '/cdr/getCallHistory', message: `Invalid CDR cursor ${query.cursor}` });
      const end = Math.min(start + (CDR_CHUNK_DAYS - 1) * DAY_MS, lastDay);
      const code = await tenantCode(ctx, query.tenantId);
      const rows = await client.call(
        ctx,
        '/cdr/getCallHistory',
        { start_date_ymd: ymd(start), end_date_ymd: ymd(end), tenant_code: code },
        listOf(cdrRowSchema),
      );
      const seen = new Map<string, number>();
      const records = rows.flatMap((r) => {
        const cdr = toCdr(r, query.tenantId, { timeZone, currency: config.currency || undefined });
        if (!cdr) return [];
        const at = Date.parse(cdr.startedAt);
        if (at < fromMs || at > toMs) return [];
        // Asterisk uniqueids can repeat across legs; keep IDs unique within the answer.
        const n = seen.get(cdr.id) ?? 0;
        seen.set(cdr.id, n + 1);
        return [n === 0 ? cdr : { ...cdr, id: `${cdr.id}#${n + 1}` }];
      });
      return { records, nextCursor: end < lastDay ? ymd(end + DAY_MS) : undefined };
    },
  };
  return adapter;
}
