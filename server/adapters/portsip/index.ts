import 'server-only';
import type { Money, OperationTimes, PortsipConfig, ScheduleTarget, SettingsSection, Tenant, TenantCounters } from '@/lib/schemas';
import { VendorError } from '../errors';
import type { AdapterContext, AdapterOptions, PbxAdapter } from '../types';
import { createPortsipClient } from './client';
import {
  PASSWORD_POLICY_SECTION,
  passwordPolicySection,
  rechargeLiteral,
  sameClosedPeriod,
  toClosedPeriod,
  toCounters,
  toOperationTimes,
  toTenant,
  toWireHoliday,
  toWireOfficeHours,
  VOICEMAIL_SECTION,
  voicemailSection,
} from './map';
import {
  isReadOnlyTenantField,
  wireCreatedSchema,
  wireHolidayListSchema,
  wirePasswordPolicySchema,
  wireTenantSchema,
  wireTenantStatusSchema,
  wireVoicemailSchema,
  type WireHoliday,
  type WirePasswordPolicy,
  type WireTenant,
} from './wire';

/**
 * PortSIP: one connection is one tenant's Bearer token (seed 002 scopes every endpoint to "the current
 * tenant"). Offered: tenant details, status counters with the 24-hour call series, office hours + holidays
 * as operation times, balance recharge (write-only: there is no balance read), password policy and the
 * voicemail server as tenant settings. Not offered, because the document has no endpoint for them:
 * extensions, CDRs and recordings, DIDs, IVRs, live call lists, registrations, balances.
 */
export type PortsipAdapterConfig = Omit<PortsipConfig, 'vendor'> & {
  vendor?: 'portsip';
  /** Stamped on the tenants this adapter returns (the adapter contract gives it no other way to know). */
  connectionId?: string;
};

const HOLIDAY_PAGE = 100;

export function createPortsipAdapter(config: PortsipAdapterConfig, options?: AdapterOptions): PbxAdapter {
  const client = createPortsipClient(config, options);
  const connectionId = config.connectionId ?? '';
  // The tenant behind a token never changes; remember its ID once a read has succeeded.
  let knownTenantId: string | undefined;

  const readTenant = async (ctx: AdapterContext): Promise<WireTenant> => {
    const t = await client.get(ctx, '/api/tenant', wireTenantSchema);
    knownTenantId = t.id;
    return t;
  };

  const requireTenant = async (ctx: AdapterContext, tenantId: string): Promise<void> => {
    const id = knownTenantId ?? (await readTenant(ctx)).id;
    if (tenantId !== id) {
      throw new VendorError({ kind: 'not_found', vendor: 'portsip', message: 'This PortSIP connection serves one tenant only (its token); that tenant is not it.' });
    }
  };

  const readHolidays = async (ctx: AdapterContext): Promise<WireHoliday[]> => {
    const all: WireHoliday[] = [];
    for (let skip = 0, pages = 0; pages < 100; pages++) {
      const page = await client.get(ctx, `/api/holidays?skip=${skip}&top=${HOLIDAY_PAGE}`, wireHolidayListSchema);
      all.push(...page.items);
      skip += page.items.length;
      if (page.items.length === 0 || skip >= page.count) break;
    }
    return all;
  };

  const listOperationTimes = async (ctx: AdapterContext, tenantId: string): Promise<OperationTimes[]> => {
    const tenant = await readTenant(ctx);
    await requireTenant(ctx, tenantId);
    return [toOperationTimes(tenant, await readHolidays(ctx))];
  };

  const rejected = (message: string, operation: string) => new VendorError({ kind: 'rejected', vendor: 'portsip', operation, message, vendorMessage: message });

  return {
    vendor: 'portsip',

    async testConnection(ctx) {
      const t = await readTenant(ctx);
      return { detail: `Tenant "${t.name}"${t.domain ? ` (${t.domain})` : ''} answered with this token` };
    },

    async listTenants(ctx): Promise<Tenant[]> {
      return [toTenant(await readTenant(ctx), connectionId)];
    },

    async getTenantCounters(ctx, tenantId): Promise<TenantCounters> {
      await requireTenant(ctx, tenantId);
      return toCounters(await client.get(ctx, '/api/tenant/status', wireTenantStatusSchema), tenantId);
    },

    async rechargeBalance(ctx, tenantId, amount: Money) {
      const tenant = await readTenant(ctx);
      await requireTenant(ctx, tenantId);
      if (tenant.currency && tenant.currency !== amount.currency) {
        throw rejected(`${tenant.name} keeps its balance in ${tenant.currency}, not ${amount.currency}`, 'POST /api/tenant/balance');
      }
      const literal = rechargeLiteral(amount.amount);
      if (typeof literal !== 'string') throw rejected(`Recharge amount ${literal.problem}`, 'POST /api/tenant/balance');
      // Written by hand so the decimal string is the JSON number, digit for digit.
      await client.post(ctx, '/api/tenant/balance', `{"balance":${literal}}`);
    },

    listOperationTimes,

    /**
     * Office hours live inside the tenant object: GET it whole, change only `office_hours`, drop the fields
     * the POST does not take, and send the rest back untouched. Holidays are their own resource: the stored
     * list is diffed against `input.closed` (create, update changed ones, destroy missing ones).
     */
    async setOperationTimes(ctx, tenantId, target: ScheduleTarget, input: OperationTimes): Promise<OperationTimes> {
      const tenant = await readTenant(ctx);
      await requireTenant(ctx, tenantId);
      if (target.type !== 'tenant' || target.id !== tenantId) {
        throw new VendorError({ kind: 'not_found', vendor: 'portsip', message: 'PortSIP keeps one schedule per tenant (its office hours)' });
      }

      const officeHours = toWireOfficeHours(input.weekly, tenant.office_hours);
      if (JSON.stringify(officeHours) !== JSON.stringify(tenant.office_hours)) {
        const body: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(tenant)) if (!isReadOnlyTenantField(k)) body[k] = v;
        body.office_hours = officeHours;
        await client.post(ctx, '/api/tenant', JSON.stringify(body));
      }

      const stored = await readHolidays(ctx);
      const byId = new Map(stored.map((h) => [h.id, h]));
      const wanted = new Set(input.closed.map((c) => c.id).filter((id): id is string => !!id && byId.has(id)));
      for (const h of stored) {
        if (!wanted.has(h.id)) await client.post(ctx, `/api/holidays/${encodeURIComponent(h.id)}/destroy`);
      }
      for (const c of input.closed) {
        const prev = c.id ? byId.get(c.id) : undefined;
        if (prev && sameClosedPeriod(toClosedPeriod(prev), c)) continue;
        const body = JSON.stringify(toWireHoliday(c, prev, tenant.region ?? ''));
        if (prev) await client.post(ctx, `/api/holidays/${encodeURIComponent(prev.id)}`, body);
        else await client.create(ctx, '/api/holidays', body, wireCreatedSchema);
      }
      const [after] = await listOperationTimes(ctx, tenantId);
      return after!;
    },

    async getTenantSettings(ctx, tenantId): Promise<SettingsSection[]> {
      await requireTenant(ctx, tenantId);
      const policy = await client.get(ctx, '/api/tenant/password_policy', wirePasswordPolicySchema);
      return [passwordPolicySection(policy), voicemailSection()];
    },

    async updateTenantSettings(ctx, tenantId, sectionId, values) {
      await requireTenant(ctx, tenantId);
      if (sectionId === PASSWORD_POLICY_SECTION) {
        // POST takes the whole policy: start from the stored one so fields the form omits stay as they are.
        const current = await client.get(ctx, '/api/tenant/password_policy', wirePasswordPolicySchema);
        const next: WirePasswordPolicy = { ...current };
        for (const [k, v] of Object.entries(values)) {
          if (!(k in current)) continue;
          const coerced = typeof current[k] === 'number' ? toInt(v) : toBool(v);
          if (coerced === undefined) throw rejected(`${k}: must be ${typeof current[k] === 'number' ? 'a whole number' : 'true or false'}`, 'POST /api/tenant/password_policy');
          next[k] = coerced;
        }
        if (next.min_length > next.max_length) throw rejected('min_length: must be less than or equal to max_length', 'POST /api/tenant/password_policy');
        await client.post(ctx, '/api/tenant/password_policy', JSON.stringify(next));
        return;
      }
      if (sectionId === VOICEMAIL_SECTION) {
        const raw = {
          extension_number: String(values.extension_number ?? '').trim(),
          ...(values.retain_days === undefined || values.retain_days === '' ? {} : { retain_days: toInt(values.retain_days) ?? values.retain_days }),
          ...(values.min_seconds === undefined || values.min_seconds === '' ? {} : { min_seconds: toInt(values.min_seconds) ?? values.min_seconds }),
        };
        const parsed = wireVoicemailSchema.safeParse(raw);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          throw rejected(`${issue?.path.join('.') || 'voicemail'}: ${issue?.path[0] === 'extension_number' ? 'must be 3 to 64 digits' : 'must be a whole number'}`, 'POST /api/voicemail');
        }
        await client.post(ctx, '/api/voicemail', JSON.stringify(parsed.data));
        return;
      }
      throw new VendorError({ kind: 'not_found', vendor: 'portsip', message: `PortSIP has no settings section "${sectionId}"` });
    },
  };
}

function toInt(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && /^\s*-?\d+\s*$/.test(v)) return Number(v);
  return undefined;
}

function toBool(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === 'on' || v === '1') return true;
  if (v === 'false' || v === 'off' || v === '0' || v === '') return false;
  return undefined;
}
