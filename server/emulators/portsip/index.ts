/**
 * PortSIP PBX emulator (REST v22 pages of seed 002): current tenant with office hours, status counters,
 * password policy, balance recharge, custom SIP headers, voicemail server and holidays, one tenant per
 * Bearer token. Nothing outside the seed (extensions, CDRs, IVRs, token login) is served under `/api`.
 *
 * Control routes beyond kit's: POST/DELETE `token` (issue/revoke a tenant token), POST `calls` (place a call),
 * GET `calls` (active calls per tenant), POST `churn` {callsPerMinute}.
 */
import { sendJson, startEmulator, type EmulatorClock, type EmulatorDefinition, type RunningEmulator } from '../kit';
import { createFixtures, type TenantState } from './fixtures';
import { handlePortsip, type RouteContext } from './routes';
import { TenantTraffic } from './traffic';

export { PORTSIP_DEMO_CREDENTIALS } from './fixtures';
export type { WireHoliday, WireTenant } from './types';

export const PORTSIP_DEFAULT_PORT = 4104;

export interface PortsipEmulatorOptions {
  seed?: number;
  /** New calls per minute across all tenants (default 2). */
  callsPerMinute?: number;
  /** Days of seeded call history behind the 24-hour series (default 2; only the last 24 h are served). */
  historyDays?: number;
}

/** Balance in 1e-5 units → "125.00000". */
function formatBalance(micros: bigint): string {
  const neg = micros < 0n;
  const abs = neg ? -micros : micros;
  return `${neg ? '-' : ''}${abs / 100_000n}.${(abs % 100_000n).toString().padStart(5, '0')}`;
}

export function createPortsipEmulator(opts: PortsipEmulatorOptions = {}): (clock: EmulatorClock) => EmulatorDefinition {
  const seed = opts.seed ?? 1;
  return (clock) => {
    let callsPerMinute = opts.callsPerMinute ?? 2;
    let ctx!: RouteContext;
    let tokenSeq = 0;
    const build = () => {
      const { tenants, nextSnowflake } = createFixtures(seed);
      // The traffic model reads the live tenant list (users never change, but reset swaps the array).
      const traffic = new TenantTraffic({ seed, clock, tenants: () => tenants, callsPerMinute, historyDays: opts.historyDays ?? 2 });
      ctx = { tenants, traffic, nextSnowflake };
    };
    build();

    const findTenant = (ref: unknown): TenantState => {
      const t = ctx.tenants.find((x) => x.key === ref || x.tenant.id === ref);
      if (!t) throw new Error(`unknown tenant ${String(ref)}; use one of ${ctx.tenants.map((x) => x.key).join(', ')}`);
      return t;
    };

    return {
      name: 'portsip',
      handle: (req, res) => handlePortsip(ctx, req, res),
      // EMULATOR CONVENTION: the vendor's own error, used by the `vendor-error` fault: 400 with our JSON envelope.
      vendorError: (_req, res) => sendJson(res, 400, { error: 'bad_request', message: 'The PBX rejected the request' }),
      // EMULATOR CONVENTION: rate limiting is undocumented; answer 429 with Retry-After.
      budgetExceeded: (_req, res) => {
        res.setHeader('retry-after', '1');
        sendJson(res, 429, { error: 'too_many_requests', message: 'Rate limit exceeded' });
      },
      control: (path, body, method) => {
        const b = (body ?? {}) as Record<string, unknown>;
        if (path === 'token' && method === 'POST') {
          // EMULATOR CONVENTION: token issue is undocumented in the seed; this mirrors the shape of PortSIP's
          // account login (outside the seed) without offering it under a vendor-looking path.
          const t = findTenant(b.tenant);
          const token = `pst_${t.key}_issued_${++tokenSeq}_${seed}`;
          t.tokens.push(token);
          return { access_token: token, expires_in: 3600, refresh_token: `${token}_refresh`, token_type: 'Bearer' };
        }
        if (path === 'token' && method === 'DELETE') {
          let revoked = false;
          for (const t of ctx.tenants) {
            const before = t.tokens.length;
            t.tokens = t.tokens.filter((x) => x !== b.token);
            revoked ||= t.tokens.length !== before;
          }
          return { revoked };
        }
        if (path === 'calls' && method === 'POST') {
          const t = findTenant(b.tenant);
          const durationSec = typeof b.durationSec === 'number' ? b.durationSec : undefined;
          return { call: ctx.traffic.inject(t, { durationSec }) };
        }
        if (path === 'calls' && method === 'GET') {
          return Object.fromEntries(ctx.tenants.map((t) => [t.key, ctx.traffic.activeCalls(t.tenant.id)]));
        }
        if (path === 'churn' && method === 'POST') {
          if (typeof b.callsPerMinute !== 'number' || b.callsPerMinute < 0) throw new Error('callsPerMinute must be a number ≥ 0');
          callsPerMinute = b.callsPerMinute;
          ctx.traffic.setRate(callsPerMinute);
          return { callsPerMinute };
        }
        return undefined;
      },
      state: () => ({
        tenants: ctx.tenants.map((t) => ({
          key: t.key,
          tokens: t.tokens,
          // Hidden from the API: PortSIP can recharge a balance but never read it.
          balance: formatBalance(t.balanceMicros),
          avatar_file_id: t.avatarFileId,
          tenant: t.tenant,
          password_policy: t.passwordPolicy,
          custom_headers: t.customHeaders,
          voicemail: t.voicemail,
          holidays: t.holidays,
          users: t.users,
        })),
      }),
      reset: () => {
        tokenSeq = 0;
        callsPerMinute = opts.callsPerMinute ?? 2;
        build();
      },
    };
  };
}

export function startPortsipEmulator(
  opts: { port?: number; seed?: number; callsPerMinute?: number; historyDays?: number } = {},
): Promise<RunningEmulator> {
  const { port, ...rest } = opts;
  return startEmulator(createPortsipEmulator(rest), { port: port ?? PORTSIP_DEFAULT_PORT });
}
