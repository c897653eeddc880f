/**
 * HoduPBX wire helpers for the emulator: the `{status, message, data}` envelope, per-family error answers
 * (codes from the shared table), request-body parsing, token checks in the documented order, and naive local
 * date-times.
 */
import type http from 'node:http';
import { sendJson, type EmulatorRequest } from '../kit';
import { HODU_CODES, type HoduFamily } from '@/server/adapters/hodupbx/codes';
import type { HoduState, HoduTenant } from './fixtures';

export type Body = Record<string, unknown>;

export function ok(res: http.ServerResponse, message: string, extra: Record<string, unknown> = {}) {
  sendJson(res, 200, { status: 'SUCCESS', message, ...extra });
}

/**
 * EMULATOR CONVENTION: the code travels as the HTTP status (as integrators observe) and the body is
 * `{"status":"FAILED","message":"<documented Status message>"}`; only `message` is hinted by the docs (000:L34).
 */
export function fail(res: http.ServerResponse, family: HoduFamily | null, code: number, detail?: string) {
  const documented = family ? HODU_CODES[family][code]?.message : code === 424 ? 'Method Failed' : undefined;
  const message = documented ?? 'Error';
  sendJson(res, code, { status: 'FAILED', message: detail ? `${message}: ${detail}` : message });
}

/** JSON body; EMULATOR CONVENTION: form-urlencoded is accepted too. Empty → {}; unreadable → null. */
export function parseBody(req: EmulatorRequest): Body | null {
  const raw = req.rawBody.trim();
  if (raw === '') return {};
  const type = String(req.headers['content-type'] ?? '');
  if (type.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(raw));
  try {
    const v: unknown = JSON.parse(raw);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Body) : null;
  } catch {
    return null;
  }
}

export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
export const isNumeric = (v: string) => /^\d+$/.test(v);

// ------------------------------------------------------------------------------------------- authentication

type Role = 'badBody' | 'noToken' | 'userType' | 'auth' | 'adminNotAllowed' | 'inactive';

/**
 * EMULATOR CONVENTION: which documented code each family uses for each step of the validation order
 * (vendor-matrix §5.1). A family without a documented code for a step falls back to its auth failure.
 */
const ROLES: Record<HoduFamily, Partial<Record<Role, number>>> = {
  callLog: { badBody: 404, noToken: 405, userType: 414, auth: 501, inactive: 406 },
  activeCalls: { badBody: 404, noToken: 405, userType: 414, auth: 501, inactive: 406 },
  balance: { badBody: 404, noToken: 405, userType: 414, auth: 501, inactive: 406 },
  recordingPath: { badBody: 404, noToken: 405, userType: 414, auth: 501 },
  click2call: { badBody: 406, noToken: 406, auth: 406 },
  crm: { badBody: 406, noToken: 406, auth: 406 },
  adminLookup: { badBody: 601, noToken: 602, auth: 603 },
  assignDid: { badBody: 601, noToken: 602, auth: 603 },
  createTenant: { badBody: 601, noToken: 602, auth: 603 },
  extensionWrite: { badBody: 601, noToken: 603, userType: 610, auth: 602, inactive: 611 },
  extensionFeature: { badBody: 606, noToken: 606, auth: 600, adminNotAllowed: 608, inactive: 604 },
  speedDial: { badBody: 603, noToken: 603, auth: 600, inactive: 601 },
  mapDid: { badBody: 601, noToken: 602, userType: 604, auth: 603 },
  tenantLookup: { badBody: 601, noToken: 603, userType: 604, auth: 602, inactive: 606 },
  tenantList: { badBody: 601, noToken: 602, userType: 604, auth: 603 },
  payment: { badBody: 601, noToken: 602, userType: 604, auth: 603 },
  invoice: { badBody: 601, noToken: 602, userType: 604, auth: 603 },
};

export type Principal = { kind: 'ADMIN' } | { kind: 'TENANT'; tenant: HoduTenant };

export interface AuthSpec {
  family: HoduFamily;
  /** The `{userType}` path segment, when the URL has one. */
  userType?: string;
  allow: readonly ('ADMIN' | 'TENANT')[];
}

/** Runs the documented checks; answers the error itself and returns undefined on failure. */
export function authenticate(state: HoduState, req: EmulatorRequest, res: http.ServerResponse, spec: AuthSpec): { body: Body; who: Principal } | undefined {
  const roles = ROLES[spec.family];
  const code = (r: Role) => roles[r] ?? roles.auth!;
  const body = parseBody(req);
  if (!body) return void fail(res, spec.family, code('badBody'));
  const token = str(body.token_id)?.trim();
  if (!token) return void fail(res, spec.family, code('noToken'), spec.family === 'click2call' || spec.family === 'crm' ? 'token_id' : undefined);
  if (spec.userType !== undefined && (!['ADMIN', 'TENANT'].includes(spec.userType) || !spec.allow.includes(spec.userType as 'ADMIN'))) {
    const allowed = spec.allow.map((a) => `'${a}'`).join(' OR ');
    return void fail(res, spec.family, code('userType'), `Allowed Type is: ${allowed}`);
  }
  let who: Principal | undefined;
  if (token === state.adminToken) who = { kind: 'ADMIN' };
  else {
    const tid = state.tenantTokens.get(token);
    const tenant = tid ? state.tenants.find((t) => t.tenantId === tid) : undefined;
    // A tenant without API access is refused like a wrong token ("…or user does not have API access").
    if (tenant?.apiAccess) who = { kind: 'TENANT', tenant };
  }
  if (!who) return void fail(res, spec.family, code('auth'), spec.family === 'click2call' || spec.family === 'crm' ? 'token_id' : undefined);
  // "When passed Token is not match with valid user type."
  if (spec.userType !== undefined && who.kind !== spec.userType) return void fail(res, spec.family, code('auth'));
  if (!spec.allow.includes(who.kind)) return void fail(res, spec.family, code(who.kind === 'ADMIN' ? 'adminNotAllowed' : 'auth'));
  if (who.kind === 'TENANT' && !who.tenant.active && roles.inactive) return void fail(res, spec.family, roles.inactive);
  return { body, who };
}

// ------------------------------------------------------------------------------------------- time

const formatters = new Map<string, Intl.DateTimeFormat>();

/** "YYYY-MM-DD HH:MM:SS" in the PBX's zone: HoduPBX sends naive local times. */
export function localDateTime(ms: number, timeZone: string): string {
  if (timeZone === 'UTC') return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  const p: Record<string, string> = {};
  for (const part of f.formatToParts(new Date(ms))) p[part.type] = part.value;
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/** A real calendar date in YYYY-MM-DD (the documented format of the date path segments). */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
