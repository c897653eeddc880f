import 'server-only';
import type { z } from 'zod';
import type { MirtaConfig } from '@/lib/schemas';
import { VendorError, parseWire } from '../errors';
import { parseJsonBody, vendorRequest } from '../http';
import type { AdapterContext, AdapterOptions } from '../types';
import { envelopeSchema } from './wire';

/**
 * Speaks the MiRTA-style API: HTTP Basic on every call, `/<resource>/<method>` paths sent exactly as
 * documented (mixed case included), parameters as form fields with whole records as JSON strings (the
 * encoding the doc implies but never states), and the `{"status":"success"|"failed"}` envelope turned into
 * data or a `VendorError`.
 */

/** The documented failure texts and what they mean. The doc has no numeric codes; HTTP statuses are undocumented. */
const MESSAGE_KINDS: [RegExp, VendorError['kind']][] = [
  [/unauthori[sz]ed/i, 'auth'],
  [/record not found/i, 'not_found'],
  [/required field/i, 'rejected'],
  [/too many|rate limit/i, 'rate_limited'],
];

export type MirtaParams = Record<string, string | Record<string, string> | undefined>;

export interface MirtaClient {
  /** Calls one endpoint and returns `data`, validated by `schema`. */
  call<T>(ctx: AdapterContext, path: string, params: MirtaParams, schema: z.ZodType<T>, opts?: { method?: 'GET' | 'POST'; write?: boolean }): Promise<T>;
}

export function createMirtaClient(config: Pick<MirtaConfig, 'baseUrl' | 'username' | 'password'>, options?: AdapterOptions): MirtaClient {
  const base = config.baseUrl.replace(/\/+$/, '');
  const token = Buffer.from(`${config.username}:${config.password}`).toString('base64');
  const secrets = [config.password, token];

  return {
    async call(ctx, path, params, schema, opts = {}) {
      const method = opts.method ?? 'POST';
      const form = new URLSearchParams();
      for (const [k, v] of Object.entries(params)) {
        if (v === undefined) continue;
        form.set(k, typeof v === 'string' ? v : JSON.stringify(v));
      }
      const query = method === 'GET' && [...form].length ? `?${form}` : '';
      const res = await vendorRequest({
        vendor: 'mirta',
        operation: path,
        method,
        url: `${base}${path}${query}`,
        headers: {
          authorization: `Basic ${token}`,
          ...(method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
        body: method === 'POST' ? form.toString() : undefined,
        idempotent: !opts.write,
        secrets,
        signal: ctx.signal,
        options,
      });

      if (res.status === 401 || res.status === 403) throw failure('auth', res.status, messageOf(res.text) ?? 'Unauthorized Access');
      if (res.status === 429) throw failure('rate_limited', res.status, messageOf(res.text) ?? 'Too Many Requests');
      const env = parseWire(envelopeSchema, parseJsonBody(res, 'mirta', path), 'mirta', path);
      const status = typeof env.status === 'string' ? env.status.toLowerCase() : undefined;
      if (status === 'success' && res.status < 400) return parseWire(schema, env.data, 'mirta', path);
      if (status === 'failed' || typeof env.message === 'string') {
        const message = typeof env.message === 'string' ? env.message : 'failed';
        const kind = MESSAGE_KINDS.find(([re]) => re.test(message))?.[1] ?? (res.status === 404 ? 'not_found' : 'rejected');
        throw failure(kind, res.status, message);
      }
      if (res.status >= 500) throw failure('unreachable', res.status, `HTTP ${res.status}`);
      throw new VendorError({ kind: 'invalid_response', vendor: 'mirta', operation: path, httpStatus: res.status, vendorMessage: 'no "status" in the answer' });

      function failure(kind: VendorError['kind'], httpStatus: number, vendorMessage: string) {
        // MiRTA has no error codes of its own; the HTTP status stands in only when it is not a plain 200.
        return new VendorError({ kind, vendor: 'mirta', operation: path, httpStatus, vendorCode: httpStatus === 200 ? undefined : httpStatus, vendorMessage });
      }
    },
  };
}

function messageOf(text: string): string | undefined {
  try {
    const m = (JSON.parse(text) as { message?: unknown }).message;
    return typeof m === 'string' ? m : undefined;
  } catch {
    return undefined;
  }
}
