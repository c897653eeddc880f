import { describe, expect, it } from 'vitest';
import { closedPeriodSchema, tenantCountersSchema, tenantSchema, weeklyScheduleSchema } from '@/lib/schemas';
import * as ex from './examples.fixture';
import { passwordPolicySection, rechargeLiteral, toClosedPeriod, toCounters, toOperationTimes, toTenant, toWeekly, toWireHoliday } from './map';
import {
  isReadOnlyTenantField,
  wireBalanceRechargeSchema,
  wireCreatedSchema,
  wireCustomHeadersSchema,
  wireHolidayInputSchema,
  wireHolidayListSchema,
  wireHolidaySchema,
  wireOfficeHoursSchema,
  wirePasswordPolicySchema,
  wireTenantSchema,
  wireTenantStatusSchema,
  wireVoicemailSchema,
} from './wire';

/** The top-level JSON objects inside a scraped doc block (the page fuses prose onto closing braces). */
function jsonBodies(text: string): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '{') continue;
    let depth = 0;
    let inString = false;
    for (let k = i; k < text.length; k++) {
      const c = text[k];
      if (inString) {
        if (c === '\\') k++;
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === '{') depth++;
      else if (c === '}' && --depth === 0) {
        // `{id}` in a request line is a path template, not a body.
        try {
          out.push(JSON.parse(text.slice(i, k + 1)));
          i = k;
        } catch {
          // not JSON: keep scanning after this brace
        }
        break;
      }
    }
  }
  return out;
}

/** A `"key": {…},` excerpt of the tenant object as a standalone object. */
const fragment = (text: string) => JSON.parse(`{${text.trim().replace(/,$/, '')}}`) as Record<string, unknown>;
const only = (text: string) => {
  const bodies = jsonBodies(text);
  expect(bodies).toHaveLength(1);
  return bodies[0];
};

const DOC_ID = 'NzAwNTUxOTA5NzczMTQ4MTYw';
const docHoliday = { id: DOC_ID, name: 'text', from: '0001-01-01', to: '0001-01-01', everyYear: true, timeFrom: '01:01', timeTo: '01:01' };

describe('PortSIP examples of vendor-matrix §3', () => {
  it('cdr_event / extension_event: passes through the tenant object, secrets never reach extras', () => {
    const f = fragment(ex.cdrEventFragment);
    expect(Object.keys(f)).toEqual(['cdr_event', 'extension_event']);
    const t = wireTenantSchema.parse({ id: DOC_ID, name: 'text', ...f });
    expect(t.cdr_event).toEqual({ enabled: false, auth: 'DISABLE', username: 'text', password: 'text', token: 'text', url: 'text' });
    expect(JSON.stringify(toTenant(t, 'c1').extras)).not.toContain('password');
  });

  it('GET /api/tenant/status → tenant counters with the 24-hour series', () => {
    const s = wireTenantStatusSchema.parse(only(ex.tenantStatus));
    const counters = toCounters(s, DOC_ID);
    expect(counters).toEqual({
      tenantId: DOC_ID,
      extensionsTotal: 1,
      extensionsOnline: 1,
      callsNow: 1,
      calls24h: [{ time: '2017-07-21T17:32:28.000Z', count: 1 }],
      extras: { version: 'text', licensed_users: 1, current_queues: 1, current_conference_rooms: 1, current_ring_groups: 1, current_ivrs: 1, current_trunks: 1 },
    });
    expect(tenantCountersSchema.parse(counters)).toEqual(counters);
  });

  it('holidays CRUD: list, create request and response, get, update request', () => {
    const [list, createReq, createRes, get, updateReq, ...rest] = jsonBodies(ex.holidaysCrud);
    expect(rest).toHaveLength(0);
    const l = wireHolidayListSchema.parse(list);
    expect(l.count).toBe(100);
    expect(l.items.map(toClosedPeriod)).toEqual([docHoliday]);
    expect(wireHolidayInputSchema.parse(createReq)).toEqual(Object.fromEntries(Object.entries(l.items[0]!).filter(([k]) => k !== 'id')));
    expect(wireCreatedSchema.parse(createRes)).toEqual({ id: DOC_ID });
    expect(toClosedPeriod(wireHolidaySchema.parse(get))).toEqual(docHoliday);
    // Writing the closed period back gives the documented request body exactly.
    expect(toWireHoliday(docHoliday, l.items[0], 'USA')).toEqual(wireHolidayInputSchema.parse(updateReq));
  });

  it('office_hours → the weekly schedule (09:00–17:00 every day)', () => {
    const oh = wireOfficeHoursSchema.parse(fragment(ex.officeHoursFragment).office_hours);
    const weekly = toWeekly(oh);
    expect(weeklyScheduleSchema.parse(weekly)).toEqual(weekly);
    for (const d of Object.values(weekly)) expect(d).toEqual([{ from: '09:00', to: '17:00' }]);
  });

  it('balance recharge body', () => {
    expect(wireBalanceRechargeSchema.parse(only(ex.balanceRecharge))).toEqual({ balance: 1 });
    expect(rechargeLiteral('1')).toBe('1');
    expect(JSON.parse(`{"balance":${rechargeLiteral('1.00000') as string}}`)).toEqual({ balance: 1 });
  });
});

describe('the other samples of seed 002', () => {
  it('GET /api/tenant → the tenant, its operation times, and every field typed as documented', () => {
    const w = wireTenantSchema.parse(only(ex.tenantGet));
    const t = toTenant(w, 'c1');
    expect(tenantSchema.parse(t)).toEqual(t);
    expect(t).toMatchObject({ connectionId: 'c1', id: DOC_ID, name: 'text', code: 'text', status: 'unknown', currency: 'USD' });
    // "text" is no IANA zone: kept as a raw extra rather than failing the tenant.
    expect(t.timezone).toBeUndefined();
    expect(t.extras).toMatchObject({ timezone: 'text', region: 'text', max_extensions: 1000, max_concurrent_calls: 20, extension_im_disk_quota: '1GB', disk_quota: '' });
    expect(Object.keys(t.extras).filter((k) => /stir_shaken|password|token/.test(k))).toEqual(['password_force_reset']);
    const ot = toOperationTimes(w, []);
    expect(ot.target).toEqual({ type: 'tenant', id: DOC_ID, label: 'Office hours' });
    expect(ot.weekly.sunday).toEqual([{ from: '09:00', to: '17:00' }]);
  });

  it('POST /api/tenant takes exactly the GET fields minus the read-only ones (plus avatar_file_id)', () => {
    const get = only(ex.tenantGet) as Record<string, unknown>;
    const post = only(ex.tenantPost) as Record<string, unknown>;
    const ours = Object.keys(get).filter((k) => !isReadOnlyTenantField(k));
    expect(ours.sort()).toEqual(Object.keys(post).filter((k) => k !== 'avatar_file_id').sort());
    for (const k of ours) expect(post[k]).toEqual(get[k]);
  });

  it('password policy GET and POST → the settings section', () => {
    const get = wirePasswordPolicySchema.parse(only(ex.passwordPolicyGet));
    expect(wirePasswordPolicySchema.parse(only(ex.passwordPolicyPost))).toEqual(get);
    const section = passwordPolicySection(get);
    expect(section.values).toEqual({
      min_length: 6,
      max_length: 32,
      contains_letters: true,
      contains_numbers: true,
      contains_special_letters: true,
      disable_sequential_characters: true,
      disable_repeating_characters: true,
      disable_account_information: true,
    });
    expect(section.fields.map((f) => f.name)).toEqual(Object.keys(section.values));
  });

  it('custom headers GET and POST', () => {
    const get = wireCustomHeadersSchema.parse(only(ex.customHeadersGet));
    expect(get).toEqual({ add: [{ name: 'text', value: 'text', scope: 'TRUNK' }], relay: [{ name: 'text', scope: 'TRUNK' }] });
    expect(wireCustomHeadersSchema.parse(only(ex.customHeadersPost))).toEqual(get);
  });

  it('voicemail server: the documented shape, whose placeholder fails the documented [0-9]{3,64}', () => {
    const body = only(ex.voicemailPost) as Record<string, unknown>;
    expect(body).toEqual({ extension_number: 'text', retain_days: 30, min_seconds: 1 });
    expect(wireVoicemailSchema.safeParse(body).success).toBe(false);
    expect(wireVoicemailSchema.parse({ ...body, extension_number: '8000' })).toEqual({ extension_number: '8000', retain_days: 30, min_seconds: 1 });
  });
});

describe('holiday mapping beyond the examples', () => {
  const base = { id: 'x', name: 'N', region: 'DEU', consecutive: true, every_year: true, year_start: 2026, year_end: 2026, hour_start: 0, hour_end: 23, minute_start: 0, minute_end: 59 };

  it('reads whole days without times, and ends an every-year span across new year in the next year', () => {
    const c = toClosedPeriod({ ...base, month_start: 12, month_end: 1, day_start: 31, day_end: 2 });
    expect(c).toEqual({ id: 'x', name: 'N', from: '2026-12-31', to: '2027-01-02', everyYear: true });
    expect(closedPeriodSchema.parse(c)).toMatchObject({ from: '2026-12-31', to: '2027-01-02' });
  });

  it('maps an afternoon to a window ending at 24:00 and back to 23:59', () => {
    const c = toClosedPeriod({ ...base, consecutive: false, month_start: 6, month_end: 6, day_start: 30, day_end: 30, hour_start: 12, minute_start: 30 });
    expect(c).toMatchObject({ timeFrom: '12:30', timeTo: '24:00' });
    expect(toWireHoliday(c, undefined, 'DEU')).toMatchObject({ hour_start: 12, minute_start: 30, hour_end: 23, minute_end: 59, consecutive: false, region: 'DEU' });
  });

  it('marks a new multi-day whole-day holiday as consecutive', () => {
    expect(toWireHoliday({ name: 'Ferien', from: '2026-08-03', to: '2026-08-14', everyYear: false }, undefined, 'DEU')).toEqual({
      name: 'Ferien',
      region: 'DEU',
      consecutive: true,
      every_year: false,
      year_start: 2026,
      year_end: 2026,
      month_start: 8,
      month_end: 8,
      day_start: 3,
      day_end: 14,
      hour_start: 0,
      hour_end: 23,
      minute_start: 0,
      minute_end: 59,
    });
  });

  it('checks recharge amounts against five-digit precision', () => {
    expect(rechargeLiteral('25.50')).toBe('25.5');
    expect(rechargeLiteral('0.00001')).toBe('0.00001');
    expect(rechargeLiteral('1.000001')).toEqual({ problem: 'PortSIP accepts at most five decimal places' });
    expect(rechargeLiteral('0')).toEqual({ problem: 'must be greater than zero' });
    expect(rechargeLiteral('-3')).toHaveProperty('problem');
  });
});
