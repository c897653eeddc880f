/**
 * The 14 PortSIP REST routes of the seed document (002), all scoped to the tenant behind the Bearer token.
 * Updates are POSTs to the resource answering 200 with an empty body, creates answer 201 `{"id"}`, destroy
 * answers 204 — the document's "OK / No content", "Created", "No Content".
 */
import type http from 'node:http';
import type { z } from 'zod';
import { sendJson, type EmulatorRequest } from '../kit';
import type { TenantState } from './fixtures';
import { QueryError, queryHolidays } from './holidays';
import type { TenantTraffic } from './traffic';
import type { WireHoliday, WireTenant } from './types';
import { balanceSchema, customHeadersSchema, describeIssue, holidayWriteSchema, passwordPolicySchema, tenantWriteSchema, voicemailSchema } from './validate';

export interface RouteContext {
  tenants: TenantState[];
  traffic: TenantTraffic;
  nextSnowflake: () => string;
}

// EMULATOR CONVENTION: the document shows only the word "Error"; every status code and body below is ours
// (vendor-matrix §5.2): 401 JSON for a bad token, 400 JSON "<field>: <reason>", 404 JSON for an unknown path,
// 405 for a method the route does not take, 404 plain text for an unknown holiday.
export const portsipErrors = {
  unauthorized: (res: http.ServerResponse) => {
    res.setHeader('www-authenticate', 'Bearer');
    sendJson(res, 401, { error: 'unauthorized', message: 'Invalid or missing bearer token' });
  },
  badRequest: (res: http.ServerResponse, message: string) => sendJson(res, 400, { error: 'bad_request', message }),
  notFound: (res: http.ServerResponse) => sendJson(res, 404, { error: 'not_found', message: 'No such resource' }),
  methodNotAllowed: (res: http.ServerResponse, allow: string) => {
    res.setHeader('allow', allow);
    sendJson(res, 405, { error: 'method_not_allowed', message: `Use ${allow}` });
  },
  /** The only error text in the document (002:L622, copy-pasted there from another resource); the 404 is ours. */
  unknownHoliday: (res: http.ServerResponse) => {
    const text = 'Invalid rule ID supplied.';
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  },
};

function ok(res: http.ServerResponse) {
  res.writeHead(200, { 'content-length': '0' });
  res.end();
}

function noContent(res: http.ServerResponse) {
  res.writeHead(204);
  res.end();
}

function parseBody<T extends z.ZodType>(req: EmulatorRequest, res: http.ServerResponse, schema: T): z.infer<T> | undefined {
  let json: unknown;
  try {
    json = req.rawBody.trim() === '' ? undefined : JSON.parse(req.rawBody);
  } catch {
    portsipErrors.badRequest(res, 'body: not valid JSON');
    return undefined;
  }
  if (json === undefined) {
    portsipErrors.badRequest(res, 'body: required');
    return undefined;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    portsipErrors.badRequest(res, describeIssue(parsed.error));
    return undefined;
  }
  return parsed.data;
}

function tenantFor(req: EmulatorRequest, tenants: TenantState[]): TenantState | undefined {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  return m ? tenants.find((t) => t.tokens.includes(m[1]!)) : undefined;
}

export function handlePortsip(ctx: RouteContext, req: EmulatorRequest, res: http.ServerResponse): void {
  const path = req.url.pathname.replace(/\/+$/, '');
  if (!path.startsWith('/api/')) return portsipErrors.notFound(res);
  const t = tenantFor(req, ctx.tenants);
  if (!t) return portsipErrors.unauthorized(res);
  const m = req.method;

  switch (path) {
    case '/api/tenant':
      if (m === 'GET') return sendJson(res, 200, t.tenant);
      if (m === 'POST') return writeTenant(t, req, res);
      return portsipErrors.methodNotAllowed(res, 'GET, POST');
    case '/api/tenant/status':
      if (m !== 'GET') return portsipErrors.methodNotAllowed(res, 'GET');
      return sendJson(res, 200, statusBody(ctx, t));
    case '/api/tenant/password_policy':
      if (m === 'GET') return sendJson(res, 200, t.passwordPolicy);
      if (m === 'POST') {
        const body = parseBody(req, res, passwordPolicySchema);
        if (!body) return;
        t.passwordPolicy = body;
        return ok(res);
      }
      return portsipErrors.methodNotAllowed(res, 'GET, POST');
    case '/api/tenant/balance': {
      if (m !== 'POST') return portsipErrors.methodNotAllowed(res, 'POST');
      const body = parseBody(req, res, balanceSchema);
      if (!body) return;
      // EMULATOR CONVENTION: a recharge adds to the hidden balance (the document does not say add or set).
      t.balanceMicros += BigInt(Math.round(body.balance * 100_000));
      return ok(res);
    }
    case '/api/tenant/custom_headers':
      if (m === 'GET') return sendJson(res, 200, t.customHeaders);
      if (m === 'POST') {
        const body = parseBody(req, res, customHeadersSchema);
        if (!body) return;
        t.customHeaders = body;
        return ok(res);
      }
      return portsipErrors.methodNotAllowed(res, 'GET, POST');
    case '/api/voicemail': {
      // The document has only "Update voicemail server"; there is no read.
      if (m !== 'POST') return portsipErrors.methodNotAllowed(res, 'POST');
      const body = parseBody(req, res, voicemailSchema);
      if (!body) return;
      t.voicemail = body;
      return ok(res);
    }
    case '/api/holidays':
      if (m === 'GET') {
        try {
          return sendJson(res, 200, queryHolidays(t.holidays, req.url.searchParams));
        } catch (err) {
          if (err instanceof QueryError) return portsipErrors.badRequest(res, err.message);
          throw err;
        }
      }
      if (m === 'POST') {
        const body = parseBody(req, res, holidayWriteSchema);
        if (!body) return;
        const holiday: WireHoliday = { id: ctx.nextSnowflake(), ...body };
        t.holidays.push(holiday);
        return sendJson(res, 201, { id: holiday.id });
      }
      return portsipErrors.methodNotAllowed(res, 'GET, POST');
  }

  const hm = /^\/api\/holidays\/([^/]+)(\/destroy)?$/.exec(path);
  if (hm) {
    const id = decodeURIComponent(hm[1]!);
    const index = t.holidays.findIndex((h) => h.id === id);
    if (hm[2]) {
      if (m !== 'POST') return portsipErrors.methodNotAllowed(res, 'POST');
      if (index < 0) return portsipErrors.unknownHoliday(res);
      t.holidays.splice(index, 1);
      return noContent(res);
    }
    if (m !== 'GET' && m !== 'POST') return portsipErrors.methodNotAllowed(res, 'GET, POST');
    if (index < 0) return portsipErrors.unknownHoliday(res);
    if (m === 'GET') return sendJson(res, 200, t.holidays[index]);
    const body = parseBody(req, res, holidayWriteSchema);
    if (!body) return;
    t.holidays[index] = { id, ...body };
    return ok(res);
  }
  return portsipErrors.notFound(res);
}

function writeTenant(t: TenantState, req: EmulatorRequest, res: http.ServerResponse) {
  const body = parseBody(req, res, tenantWriteSchema);
  if (!body) return;
  const { avatar_file_id: avatarId, ...fields } = body;
  const next: WireTenant = { ...t.tenant, ...fields };
  // GET shows the avatar as name/size/url, POST takes a file ID; absent means "keep".
  if (avatarId !== undefined && avatarId !== t.avatarFileId) {
    t.avatarFileId = avatarId;
    // EMULATOR CONVENTION: there is no blob store; a new file ID gets a placeholder name and size.
    next.avatar_file_name = avatarId ? 'avatar.png' : '';
    next.avatar_file_size = avatarId ? 1024 : 0;
    next.avatar_file_url = avatarId ? `/api/blobs/${avatarId}` : '';
  }
  t.tenant = next;
  ok(res);
}

function statusBody(ctx: RouteContext, t: TenantState) {
  const live = ctx.traffic.status(t);
  return {
    version: t.status.version,
    licensed_users: t.status.licensed_users,
    current_users: t.users.length,
    online_users: live.online_users,
    current_calls: live.current_calls,
    current_queues: t.status.current_queues,
    current_conference_rooms: t.status.current_conference_rooms,
    current_ring_groups: t.status.current_ring_groups,
    current_ivrs: t.status.current_ivrs,
    current_trunks: t.status.current_trunks,
    calls_in_24_hours: live.calls_in_24_hours,
  };
}
