import 'server-only';
import { parseWire, VendorError } from '../errors';
import { parseJsonBody, vendorRequest } from '../http';
import type { AdapterContext, AdapterOptions } from '../types';

/**
 * PBXware requests: one endpoint (the web root) and `?apikey=…&action=pbxware.<object>.<method>` plus arguments
 * (004:L99-105). Reads go as GET (retried by the http chokepoint); writes as a POST form with the key in the
 * body, so long keymap and operation-times arrays never hit URL limits and writes are never retried. Every
 * answer is JSON (`apiformat=json`, sent explicitly).
 *
 * Failure: "In case response message contains `error` key, all further operations must be aborted" — the
 * status is not documented, so a body with a top-level `error` is a failure whatever the status, and PBXware's
 * own words are kept as `vendorMessage`.
 */
export interface PbxwareClientConfig {
  baseUrl: string;
  apiKey: string;
}

export type PbxArgsInput = Record<string, string | number | undefined> | ReadonlyArray<readonly [string, string]>;
type Schema<T> = Parameters<typeof parseWire<T>>[0];

function toPairs(args: PbxArgsInput): Array<[string, string]> {
  if (Array.isArray(args)) return args.map(([k, v]) => [k, v]);
  return Object.entries(args as Record<string, string | number | undefined>)
    .filter((e): e is [string, string | number] => e[1] !== undefined)
    .map(([k, v]) => [k, String(v)]);
}

/**
 * The documented error texts, mapped to kinds. "Invalid API key." is the only text the document gives; the
 * rest are the words PBXware-style APIs use for unknown objects and rate limits, matched loosely. Anything
 * else is `rejected`, with the vendor's sentence kept.
 */
export function kindOfPbxwareError(message: string): VendorError['kind'] {
  if (/api\s*key/i.test(message)) return 'auth';
  if (/too many requests|rate limit/i.test(message)) return 'rate_limited';
  if (/does not exist|not found|no such|invalid (server|tenant|destination|extension|did|ivr)?\s*id\b/i.test(message)) return 'not_found';
  return 'rejected';
}

export function createPbxwareClient(config: PbxwareClientConfig, options?: AdapterOptions) {
  // Accept "https://pbx", "https://pbx/" and "https://pbx/index.php".
  const trimmed = config.baseUrl.trim().replace(/\/+$/, '');
  const endpoint = /\.php$/i.test(trimmed) ? trimmed : `${trimmed}/`;

  async function call(ctx: AdapterContext, action: string, args: PbxArgsInput, write: boolean): Promise<unknown> {
    const operation = action;
    const params = new URLSearchParams([['apikey', config.apiKey], ['action', `pbxware.${action}`], ['apiformat', 'json'], ...toPairs(args)]);
    const res = await vendorRequest({
      vendor: 'pbxware',
      operation,
      method: write ? 'POST' : 'GET',
      url: write ? endpoint : `${endpoint}?${params}`,
      headers: write ? { 'content-type': 'application/x-www-form-urlencoded' } : undefined,
      // URLSearchParams encodes '+' as %2B, as the document asks for external numbers (004:L4518).
      body: write ? params.toString() : undefined,
      idempotent: !write,
      secrets: [config.apiKey],
      signal: ctx.signal,
      options,
    });
    const base = { vendor: 'pbxware' as const, operation, httpStatus: res.status };
    if (res.status === 429) {
      let said = 'Too many requests';
      try {
        const o = JSON.parse(res.text) as { error?: unknown };
        if (typeof o?.error === 'string') said = o.error;
      } catch {
        // not JSON; keep the generic words
      }
      throw new VendorError({ ...base, kind: 'rate_limited', vendorCode: 429, vendorMessage: said });
    }
    const body = parseJsonBody(res, 'pbxware', operation);
    if (body && typeof body === 'object' && !Array.isArray(body) && 'error' in body) {
      const said = String((body as { error: unknown }).error);
      throw new VendorError({ ...base, kind: kindOfPbxwareError(said), vendorMessage: said });
    }
    if (res.status >= 500) throw new VendorError({ ...base, kind: 'unreachable', vendorCode: res.status, vendorMessage: `HTTP ${res.status}` });
    if (res.status >= 400) throw new VendorError({ ...base, kind: res.status === 401 || res.status === 403 ? 'auth' : res.status === 404 ? 'not_found' : 'rejected', vendorCode: res.status, vendorMessage: `HTTP ${res.status}` });
    return body;
  }

  return {
    /** A read (GET, retried on transient failures), parsed against its wire schema. */
    async read<T>(ctx: AdapterContext, action: string, args: PbxArgsInput, schema: Schema<T>): Promise<T> {
      return parseWire(schema, await call(ctx, action, args, false), 'pbxware', action);
    },
    /** A write (POST form, sent once), parsed against its wire schema. */
    async write<T>(ctx: AdapterContext, action: string, args: PbxArgsInput, schema: Schema<T>): Promise<T> {
      return parseWire(schema, await call(ctx, action, args, true), 'pbxware', action);
    },
  };
}
export type PbxwareClient = ReturnType<typeof createPbxwareClient>;
