import 'server-only';
import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';
import type { Vendor } from '@/lib/schemas/common';
import { log, redact } from '@/server/log';
import { VendorError } from './errors';
import type { AdapterOptions } from './types';

/**
 * The one door through which every vendor request leaves Switchboard. It gives each call a deadline (covering
 * connect, retries and the body), a separate connect timeout, jittered retries for idempotent reads only, and
 * logs with secrets removed (query strings and bodies included). Built on node:http rather than fetch so that
 * any status a vendor sends, including HoduPBX's 6xx, reaches the adapter intact.
 */
export interface VendorRequest {
  vendor: Vendor;
  /** Vendor operation name for errors and logs (`cdr.download`, `info/TENANT/callLog`). */
  operation: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  body?: string;
  /** Only idempotent reads are retried; a write is sent at most once. */
  idempotent: boolean;
  /** Literal secret values to strip from logs (API keys, tokens, passwords). */
  secrets?: readonly string[];
  signal?: AbortSignal;
  options?: AdapterOptions;
}

export interface VendorResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

export interface VendorStreamResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: ReadableStream<Uint8Array>;
}

const DEFAULTS = { deadlineMs: 10_000, connectTimeoutMs: 3_000, retries: 2 } satisfies Required<AdapterOptions>;
const MAX_BODY = 50 * 1024 * 1024;
const agents = {
  http: new http.Agent({ keepAlive: true, maxSockets: 32 }),
  https: new https.Agent({ keepAlive: true, maxSockets: 32 }),
};

class ConnectTimeout extends Error {}

/** Gateway statuses worth one more try for a read: a proxy in front of the PBX hiccupped. */
const RETRYABLE_STATUS = new Set([502, 503, 504]);

export async function vendorRequest(req: VendorRequest): Promise<VendorResponse> {
  return withRetries(req, async (signal) => {
    const { res } = await open(req, signal);
    const text = await readAll(res, signal);
    return { status: res.statusCode ?? 0, headers: res.headers, text };
  });
}

/** For large bodies (recordings): resolves once headers arrive; the body streams within the deadline. */
export async function vendorStream(req: VendorRequest): Promise<VendorStreamResponse> {
  return withRetries(req, async (signal) => {
    const { res } = await open(req, signal);
    return { status: res.statusCode ?? 0, headers: res.headers, body: Readable.toWeb(res) as ReadableStream<Uint8Array> };
  });
}

async function withRetries<T extends { status: number }>(req: VendorRequest, attempt: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const opts = { ...DEFAULTS, ...req.options };
  const deadline = AbortSignal.timeout(opts.deadlineMs);
  const signal = req.signal ? AbortSignal.any([req.signal, deadline]) : deadline;
  const maxAttempts = req.idempotent ? opts.retries + 1 : 1;
  const started = Date.now();
  const safeUrl = redact(req.url, req.secrets);

  for (let n = 1; ; n++) {
    try {
      const out = await attempt(signal);
      const ms = Date.now() - started;
      if (n < maxAttempts && RETRYABLE_STATUS.has(out.status)) {
        log.debug('vendor gateway status, retrying', { vendor: req.vendor, op: req.operation, status: out.status, attempt: n });
        await backoff(n, signal);
        continue;
      }
      log.debug('vendor call', { vendor: req.vendor, op: req.operation, method: req.method, url: safeUrl, status: out.status, ms, attempt: n });
      return out;
    } catch (err) {
      const ve = toVendorError(err, req, signal, deadline);
      const retryable = ve.kind === 'unreachable' && n < maxAttempts && !signal.aborted;
      // A caller that went away (closed page, stopped poller) is not a vendor problem.
      const cancelled = !!req.signal?.aborted && !deadline.aborted;
      (cancelled ? log.debug : log.warn)('vendor call failed', { vendor: req.vendor, op: req.operation, url: safeUrl, kind: cancelled ? 'cancelled' : ve.kind, attempt: n, retrying: retryable, error: redact(String((err as Error)?.message ?? err), req.secrets) });
      if (!retryable) throw ve;
      try {
        await backoff(n, signal);
      } catch (e) {
        throw toVendorError(e, req, signal, deadline);
      }
    }
  }
}

function toVendorError(err: unknown, req: VendorRequest, signal: AbortSignal, deadline: AbortSignal): VendorError {
  if (err instanceof VendorError) return err;
  const base = { vendor: req.vendor, operation: req.operation, cause: err };
  if (deadline.aborted) return new VendorError({ ...base, kind: 'timeout', message: `${labelOf(req)} did not answer within ${(req.options?.deadlineMs ?? DEFAULTS.deadlineMs) / 1000} s` });
  if (signal.aborted) return new VendorError({ ...base, kind: 'timeout', message: 'The request was cancelled' });
  if (err instanceof ConnectTimeout) return new VendorError({ ...base, kind: 'unreachable', message: `Could not connect to ${labelOf(req)} (connect timeout)` });
  const code = (err as NodeJS.ErrnoException)?.code;
  return new VendorError({
    ...base,
    kind: 'unreachable',
    vendorCode: code,
    message: code === 'ECONNREFUSED' ? `${labelOf(req)} refused the connection` : code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' ? `${labelOf(req)} closed the connection without answering` : `Could not reach ${labelOf(req)}`,
  });
}

function labelOf(req: VendorRequest) {
  return { pbxware: 'PBXware', hodupbx: 'HoduPBX', mirta: 'MiRTA', portsip: 'PortSIP' }[req.vendor];
}

function backoff(attempt: number, signal: AbortSignal) {
  // Full jitter: spreads retries of many pollers so a recovering PBX is not hit in lockstep.
  const ms = Math.random() * Math.min(2_000, 200 * 2 ** attempt);
  return new Promise<void>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const t = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function open(req: VendorRequest, signal: AbortSignal): Promise<{ res: http.IncomingMessage }> {
  const opts = { ...DEFAULTS, ...req.options };
  const url = new URL(req.url);
  const isHttps = url.protocol === 'https:';
  const body = req.body === undefined ? undefined : Buffer.from(req.body, 'utf8');
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const r = (isHttps ? https : http).request(
      url,
      {
        method: req.method,
        agent: isHttps ? agents.https : agents.http,
        headers: { accept: 'application/json, */*', 'user-agent': 'Switchboard/0.1', ...(body ? { 'content-length': String(body.length) } : {}), ...req.headers },
        signal,
      },
      (res) => resolve({ res }),
    );
    r.on('socket', (socket) => {
      if (!socket.connecting) return;
      const timer = setTimeout(() => r.destroy(new ConnectTimeout()), opts.connectTimeoutMs);
      socket.once('connect', () => clearTimeout(timer));
      socket.once('close', () => clearTimeout(timer));
    });
    r.on('error', reject);
    r.end(body);
  });
}

function readAll(res: http.IncomingMessage, signal: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onAbort = () => {
      res.destroy();
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    res.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) res.destroy(new Error('vendor response larger than 50 MB'));
      else chunks.push(c);
    });
    res.on('end', () => {
      signal.removeEventListener('abort', onAbort);
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    res.on('error', (e) => {
      signal.removeEventListener('abort', onAbort);
      reject(e);
    });
    res.on('aborted', () => reject(Object.assign(new Error('response aborted'), { code: 'ECONNRESET' })));
  });
}

/**
 * Parses a JSON body, or explains why it cannot: an HTML page from a proxy means the PBX behind it is down
 * (unreachable, with the HTTP status as the code); anything else unreadable is an invalid response.
 */
export function parseJsonBody(res: VendorResponse, vendor: Vendor, operation: string): unknown {
  const type = String(res.headers['content-type'] ?? '');
  const looksHtml = type.includes('text/html') || /^\s*<(!doctype|html)/i.test(res.text);
  if (looksHtml) {
    const title = /<title>([^<]*)<\/title>/i.exec(res.text)?.[1]?.trim();
    return fail(res.status >= 500 ? 'unreachable' : 'invalid_response', title ?? 'HTML page instead of JSON');
  }
  if (res.text.trim() === '') {
    return fail(res.status >= 500 ? 'unreachable' : 'invalid_response', res.status >= 500 ? 'empty error response' : 'empty response where JSON was expected');
  }
  try {
    return JSON.parse(res.text);
  } catch {
    return fail('invalid_response', `malformed JSON: ${res.text.slice(0, 60)}`);
  }
  function fail(kind: 'unreachable' | 'invalid_response', said: string): never {
    throw new VendorError({ kind, vendor, operation, vendorCode: res.status, httpStatus: res.status, vendorMessage: said });
  }
}
