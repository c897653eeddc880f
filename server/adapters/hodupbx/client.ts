import 'server-only';
import type { z } from 'zod';
import type { VendorErrorKind } from '@/lib/vendor-error';
import { VendorError } from '../errors';
import { parseJsonBody, vendorRequest, vendorStream, type VendorStreamResponse } from '../http';
import type { AdapterContext, AdapterOptions } from '../types';
import { HODU_CODES, HODU_ENDPOINT_FAMILY, type HoduFamily, type HoduMeaning } from './codes';
import { envelopeSchema } from './wire';

export interface HoduClientConfig {
  baseUrl: string;
  token: string;
  userType: 'ADMIN' | 'TENANT';
}

/** What a documented code means to Switchboard. "empty" only reaches here where an empty answer is wrong. */
const KIND: Record<Exclude<HoduMeaning, 'ok'>, VendorErrorKind> = {
  auth: 'auth',
  // The token works, but not with this userType: a connection set up with the wrong kind of token.
  user_type: 'auth',
  not_found: 'not_found',
  empty: 'not_found',
  inactive: 'rejected',
  invalid: 'rejected',
  conflict: 'rejected',
  limit: 'rejected',
  denied: 'rejected',
  method: 'unsupported',
  server: 'rejected',
};

/**
 * The API root. Accepts a bare origin (the root follows the token type: the admin guide's unversioned
 * `/hodupbx_api/api`, the tenant manual's `/hodupbx_api/v1.4/api`) or any explicit prefix of it.
 */
export function apiRoot(baseUrl: string, userType: 'ADMIN' | 'TENANT'): string {
  const u = baseUrl.replace(/\/+$/, '');
  if (/\/api$/.test(u)) return u;
  if (/\/hodupbx_api\/v[\d.]+$/.test(u)) return `${u}/api`;
  if (/\/hodupbx_api$/.test(u)) return userType === 'TENANT' ? `${u}/v1.4/api` : `${u}/api`;
  return userType === 'TENANT' ? `${u}/hodupbx_api/v1.4/api` : `${u}/hodupbx_api/api`;
}

export interface HoduCall<T extends z.ZodTypeAny> {
  /** After the API root: `info/TENANT/getExtension`. Its last segment names the endpoint family. */
  path: string;
  body?: Record<string, unknown>;
  /** Schema of `data`; omit for writes that return none. */
  data?: T;
  /** Reads are idempotent (retried); writes are sent once. */
  write?: boolean;
  /** The documented "nothing found" code of this endpoint becomes an empty result (`undefined`) instead of an error. */
  emptyOk?: boolean;
  /** Literal secrets besides the token (the hashed web password). */
  secrets?: string[];
}

export function createHoduClient(config: HoduClientConfig, options?: AdapterOptions) {
  const root = apiRoot(config.baseUrl, config.userType);

  function familyOf(path: string): HoduFamily | undefined {
    return HODU_ENDPOINT_FAMILY[path.split('/').at(-1) ?? ''];
  }

  function vendorError(family: HoduFamily | undefined, op: string, status: number, bodyMessage: string | undefined): VendorError {
    const documented = family ? HODU_CODES[family][status] : status === 424 ? HODU_CODES.callLog[424] : undefined;
    const kind: VendorErrorKind = documented
      ? documented.meaning === 'ok'
        ? 'rejected'
        : KIND[documented.meaning]
      : status === 429
        ? 'rate_limited'
        : status === 401 || status === 403
          ? 'auth'
          : status === 404
            ? 'not_found'
            : 'rejected';
    return new VendorError({
      kind,
      vendor: 'hodupbx',
      operation: op,
      vendorCode: status,
      httpStatus: status,
      // The documented meaning of this code on this endpoint ("Limit Reached", "Invalid User Type").
      message: documented?.message ?? bodyMessage ?? `HoduPBX answered ${status}`,
      vendorMessage: bodyMessage ?? documented?.message,
    });
  }

  async function call<T extends z.ZodTypeAny>(ctx: AdapterContext, req: HoduCall<T>): Promise<z.infer<T> | undefined> {
    const family = familyOf(req.path);
    const res = await vendorRequest({
      vendor: 'hodupbx',
      operation: req.path,
      method: 'POST',
      url: `${root}/${req.path}`,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token_id: config.token, ...req.body }),
      idempotent: !req.write,
      secrets: [config.token, ...(req.secrets ?? [])],
      signal: ctx.signal,
      options,
    });
    // The code is the HTTP status (600-617 included); the body carries `message`.
    const isOk = res.status >= 200 && res.status < 300;
    if (!isOk) {
      const documented = family ? HODU_CODES[family][res.status] : undefined;
      let message: string | undefined;
      try {
        message = envelopeSchema.safeParse(JSON.parse(res.text)).data?.message;
      } catch {
        // A 5xx that is not a HoduPBX envelope (an HTML proxy page, an empty 500) is the PBX being down, not a
        // refusal: let the shared parser say so. A documented 4xx/6xx code stands on its own, body or not.
        if (!documented || res.status >= 500 && res.status < 600) parseJsonBody(res, 'hodupbx', req.path);
      }
      if (req.emptyOk && documented?.meaning === 'empty') return undefined;
      throw vendorError(family, req.path, res.status, message);
    }
    const env = envelopeSchema.safeParse(parseJsonBody(res, 'hodupbx', req.path));
    if (!env.success) throw new VendorError({ kind: 'invalid_response', vendor: 'hodupbx', operation: req.path, vendorMessage: 'no {status, message} envelope' });
    if ((env.data.status ?? '').toUpperCase() !== 'SUCCESS') {
      // A 200 whose body says otherwise: keep a numeric code from the body if there is one.
      const code = Number((env.data as Record<string, unknown>).code ?? (env.data as Record<string, unknown>).status_code);
      throw vendorError(family, req.path, Number.isFinite(code) && code > 0 ? code : res.status, env.data.message);
    }
    if (!req.data) return undefined;
    const parsed = req.data.safeParse(env.data.data);
    if (!parsed.success) {
      throw new VendorError({ kind: 'invalid_response', vendor: 'hodupbx', operation: req.path, vendorMessage: parsed.error.issues[0]?.message ?? 'unexpected data shape' });
    }
    return parsed.data;
  }

  /** A recording file, at the URL recordingPath gave. */
  async function download(ctx: AdapterContext, url: string): Promise<VendorStreamResponse> {
    if (!/^https?:\/\//i.test(url)) throw new VendorError({ kind: 'invalid_response', vendor: 'hodupbx', operation: 'recording', vendorMessage: 'recording path is not an http(s) URL' });
    const res = await vendorStream({ vendor: 'hodupbx', operation: 'recording', method: 'GET', url, idempotent: true, secrets: [config.token], signal: ctx.signal, options });
    if (res.status !== 200) {
      await res.body.cancel().catch(() => undefined);
      throw new VendorError({ kind: res.status === 404 ? 'not_found' : 'unreachable', vendor: 'hodupbx', operation: 'recording', vendorCode: res.status, httpStatus: res.status });
    }
    return res;
  }

  return { call, download, root, userType: config.userType };
}
export type HoduClient = ReturnType<typeof createHoduClient>;
