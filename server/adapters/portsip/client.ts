import 'server-only';
import { parseWire, VendorError } from '../errors';
import { parseJsonBody, vendorRequest, type VendorResponse } from '../http';
import type { AdapterContext, AdapterOptions } from '../types';

/**
 * PortSIP REST requests: `Authorization: Bearer <token>`, JSON both ways, GET for reads and POST for every
 * write (create, update and `/destroy`). Errors have no documented body — the page says only "Error" — so
 * the HTTP class decides the kind and the words come from a JSON `message`/`error`/`msg` or the raw text
 * (e.g. holiday destroy's "Invalid rule ID supplied.").
 */
export interface PortsipClientConfig {
  baseUrl: string;
  token: string;
}

type Schema<T> = Parameters<typeof parseWire<T>>[0];

export function createPortsipClient(config: PortsipClientConfig, options?: AdapterOptions) {
  // Accept "https://pbx:8887", "https://pbx:8887/" and "https://pbx:8887/api": every path below starts at /api.
  const root = config.baseUrl.trim().replace(/\/+$/, '').replace(/\/api$/, '');

  async function send(ctx: AdapterContext, method: 'GET' | 'POST', path: string, body?: string): Promise<VendorResponse> {
    const operation = `${method} ${path.replace(/\?.*$/, '')}`;
    const res = await vendorRequest({
      vendor: 'portsip',
      operation,
      method,
      url: `${root}${path}`,
      headers: {
        authorization: `Bearer ${config.token}`,
        accept: '*/*',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body,
      idempotent: method === 'GET',
      secrets: [config.token],
      signal: ctx.signal,
      options,
    });
    if (res.status < 200 || res.status > 299) throw portsipError(res, operation);
    return res;
  }

  return {
    /** GET and parse against the wire schema. */
    async get<T>(ctx: AdapterContext, path: string, schema: Schema<T>): Promise<T> {
      const res = await send(ctx, 'GET', path);
      return parseWire(schema, parseJsonBody(res, 'portsip', `GET ${path}`), 'portsip', `GET ${path}`);
    },
    /** An update or action: "OK / No content"; whatever body comes back is ignored. */
    async post(ctx: AdapterContext, path: string, body?: string): Promise<void> {
      await send(ctx, 'POST', path, body);
    },
    /** A create: "Created" with a JSON body (`{"id": …}`). */
    async create<T>(ctx: AdapterContext, path: string, body: string, schema: Schema<T>): Promise<T> {
      const res = await send(ctx, 'POST', path, body);
      return parseWire(schema, parseJsonBody(res, 'portsip', `POST ${path}`), 'portsip', `POST ${path}`);
    },
  };
}
export type PortsipClient = ReturnType<typeof createPortsipClient>;

/** Non-2xx → VendorError. The status is the vendor code (PortSIP documents no error codes of its own). */
export function portsipError(res: VendorResponse, operation: string): VendorError {
  const base = { vendor: 'portsip' as const, operation, httpStatus: res.status, vendorCode: res.status };
  const type = String(res.headers['content-type'] ?? '');
  if (type.includes('text/html') || /^\s*<(!doctype|html)/i.test(res.text)) {
    const title = /<title>([^<]*)<\/title>/i.exec(res.text)?.[1]?.trim();
    return new VendorError({ ...base, kind: res.status >= 500 ? 'unreachable' : 'rejected', vendorMessage: title ?? 'HTML page instead of JSON' });
  }
  const said = vendorWords(res.text);
  if (res.status === 401 || res.status === 403) return new VendorError({ ...base, kind: 'auth', vendorMessage: said });
  if (res.status === 404) return new VendorError({ ...base, kind: 'not_found', vendorMessage: said });
  if (res.status === 429) return new VendorError({ ...base, kind: 'rate_limited', vendorMessage: said });
  // A 5xx without any words is a PBX that fell over, not an answer about our request.
  if (res.status >= 500 && !said) return new VendorError({ ...base, kind: 'unreachable', vendorMessage: 'empty error response' });
  return new VendorError({ ...base, kind: 'rejected', vendorMessage: said });
}

function vendorWords(text: string): string | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  try {
    const json: unknown = JSON.parse(trimmed);
    if (json && typeof json === 'object') {
      const o = json as Record<string, unknown>;
      for (const k of ['message', 'error_description', 'error', 'msg']) {
        if (typeof o[k] === 'string' && o[k]) return o[k] as string;
      }
    }
    if (typeof json === 'string') return json;
  } catch {
    // not JSON: the raw text is the message
  }
  return trimmed.slice(0, 300);
}
