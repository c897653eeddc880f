import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { redact } from '@/server/log';
import { VendorError } from './errors';
import { parseJsonBody, vendorRequest } from './http';

let server: http.Server;
let url: string;
let hits = 0;
let mode: 'ok' | 'hang' | 'reset' | '502' | '601' = 'ok';

beforeAll(async () => {
  server = http.createServer((req, res) => {
    hits++;
    if (mode === 'hang') return;
    if (mode === 'reset') return req.socket.destroy();
    if (mode === '502') {
      res.writeHead(502, { 'content-type': 'text/html' });
      return res.end('<html><title>502 Bad Gateway</title></html>');
    }
    if (mode === '601') {
      res.writeHead(601, 'Data Not Found', { 'content-type': 'application/json' });
      return res.end('{"status":"FAILED","message":"Data Not Found"}');
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"ok":true}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
afterEach(() => {
  mode = 'ok';
  hits = 0;
  vi.restoreAllMocks();
});

const req = (over: Partial<Parameters<typeof vendorRequest>[0]> = {}) =>
  vendorRequest({ vendor: 'pbxware', operation: 'test.op', method: 'GET', url: `${url}/?apikey=topsecretkey123&action=x`, idempotent: true, secrets: ['topsecretkey123'], options: { deadlineMs: 400, retries: 2 }, ...over });

describe('the outbound HTTP chokepoint', () => {
  it('passes any status through, including HoduPBX 6xx codes', async () => {
    mode = '601';
    const r = await req();
    expect(r.status).toBe(601);
    expect(JSON.parse(r.text).message).toBe('Data Not Found');
  });

  it('gives up at the deadline with a timeout error, retries included', async () => {
    mode = 'hang';
    const t0 = Date.now();
    const err = await req().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VendorError);
    expect((err as VendorError).kind).toBe('timeout');
    expect(Date.now() - t0).toBeLessThan(900);
  });

  it('retries idempotent reads after a dropped connection, and never retries writes', async () => {
    mode = 'reset';
    // A generous deadline: the point is the retry count, not the clock (CI machines are busy).
    await expect(req({ options: { deadlineMs: 10_000, retries: 2 } })).rejects.toMatchObject({ kind: 'unreachable' });
    expect(hits).toBe(3);
    hits = 0;
    await expect(req({ method: 'POST', idempotent: false, body: 'a=1' })).rejects.toMatchObject({ kind: 'unreachable' });
    expect(hits).toBe(1);
  });

  it('reports a refused connection as unreachable', async () => {
    const err = await vendorRequest({ vendor: 'mirta', operation: 'x', method: 'GET', url: 'http://127.0.0.1:9/', idempotent: false }).catch((e: unknown) => e);
    expect((err as VendorError).kind).toBe('unreachable');
  });

  it('reads an HTML gateway page as unreachable with its status, and bad JSON as an invalid response', async () => {
    mode = '502';
    const r = await req({ options: { deadlineMs: 400, retries: 0 } });
    expect(() => parseJsonBody(r, 'pbxware', 'x')).toThrow(expect.objectContaining({ kind: 'unreachable', vendorCode: '502' }));
    expect(() => parseJsonBody({ status: 200, headers: {}, text: '{"a":' }, 'pbxware', 'x')).toThrow(expect.objectContaining({ kind: 'invalid_response' }));
  });

  it('never writes a secret to the log, query strings and bodies included', async () => {
    const lines: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => (lines.push(String(s)), true));
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => (lines.push(String(s)), true));
    mode = 'reset';
    await req().catch(() => undefined);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('')).not.toContain('topsecretkey123');
    expect(lines.join('')).toContain('apikey=***');
  });
});

describe('redact', () => {
  it('removes secret parameters, JSON fields, Basic/Bearer credentials and literal secrets', () => {
    expect(redact('GET /?apikey=abc123456&action=x')).toBe('GET /?apikey=***&action=x');
    expect(redact('{"token_id":"aBcD21RfdoNklssp","x":1}')).toBe('{"token_id":"***","x":1}');
    expect(redact('Authorization: Bearer abc.def')).toBe('Authorization: Bearer ***');
    expect(redact('user pw=Mirta-Demo-2026 end', ['Mirta-Demo-2026'])).toBe('user pw=*** end');
    expect(redact('x=Mirta%2FDemo', ['Mirta/Demo'])).toBe('x=***');
  });
});
