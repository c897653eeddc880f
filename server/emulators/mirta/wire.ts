/**
 * How the MiRTA-style API reads requests and shapes answers: Basic auth, parameters from any encoding, the
 * `{"status":"success"|"failed"}` envelope and its documented messages.
 */
import type http from 'node:http';
import { sendJson, type EmulatorRequest } from '../kit';

export const MESSAGES = {
  unauthorized: 'Unauthorized Access',
  notFound: 'Record Not Found.',
  required: 'Please Enter Required Fields.',
  deleted: 'Record Deleted Successfully.',
  updated: 'Record Updated Successfully.',
  inserted: 'Record Inserted Successfully.',
} as const;

export interface Reply {
  status: number;
  body: unknown;
}

export const ok = (data: unknown): Reply => ({ status: 200, body: { status: 'success', data } });

/**
 * EMULATOR CONVENTION: the doc gives no HTTP status for errors. Domain errors (not found, required fields)
 * answer HTTP 200 like a PHP back end that only echoes a status word; auth failures answer 401.
 */
export const failed = (message: string, status = 200): Reply => ({ status, body: { status: 'failed', message } });

export const unauthorized = (): Reply => failed(MESSAGES.unauthorized, 401);

export function send(res: http.ServerResponse, reply: Reply) {
  sendJson(res, reply.status, reply.body);
}

/** `Authorization: Basic …` → user name and password, or undefined. */
export function basicCredentials(headers: http.IncomingHttpHeaders): { username: string; password: string } | undefined {
  const h = headers.authorization;
  if (!h || !/^basic /i.test(h)) return undefined;
  const decoded = Buffer.from(h.slice(6).trim(), 'base64').toString('utf8');
  const i = decoded.indexOf(':');
  if (i < 0) return undefined;
  return { username: decoded.slice(0, i), password: decoded.slice(i + 1) };
}

export type Params = Record<string, unknown>;

/**
 * The doc never states the request encoding, so (EMULATOR CONVENTION) parameters are merged from the query
 * string, then a form-encoded or JSON body; body values win.
 */
export function readParams(req: EmulatorRequest): Params {
  const out: Params = Object.fromEntries(req.url.searchParams);
  const body = req.rawBody.trim();
  if (!body) return out;
  const type = String(req.headers['content-type'] ?? '');
  if (type.includes('json') || body.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(body);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) Object.assign(out, parsed);
    } catch {
      // An unparsable JSON body carries no parameters; the route reports missing fields.
    }
    return out;
  }
  Object.assign(out, Object.fromEntries(new URLSearchParams(body)));
  return out;
}

/** A scalar parameter as a trimmed string; empty means absent. */
export function param(params: Params, name: string): string | undefined {
  const v = params[name];
  if (typeof v === 'number') return String(v);
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  return t === '' ? undefined : t;
}

/**
 * A write parameter holding a whole record as a JSON string (`hunt`, `did`, `extension`, `phone`). A JSON
 * body may also carry it as an object. Values become strings, the way every column is typed on the wire.
 * `invalid` when present but not a JSON object.
 */
export function recordParam(params: Params, name: string): Record<string, string> | 'invalid' | undefined {
  let v = params[name];
  if (v === undefined || v === '') return undefined;
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v);
    } catch {
      return 'invalid';
    }
  }
  if (!v || typeof v !== 'object' || Array.isArray(v)) return 'invalid';
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(v)) {
    if (x === null || x === undefined) out[k] = '';
    else if (typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean') out[k] = String(x);
  }
  return out;
}

/** Copy only the documented columns of a row, in order. */
export function pick<T extends object, K extends keyof T>(row: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const k of keys) out[k] = row[k];
  return out;
}
