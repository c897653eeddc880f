/**
 * Emulator of the MiRTA-style JSON API of seed 003: HTTP Basic auth on every call, `/<resource>/<method>`
 * paths, `{"status":"success","data":…}` / `{"status":"failed","message":…}` envelopes, string-typed columns
 * with two-letter table prefixes. See vendor-matrix §1.3 and §5.3.
 */
import { startEmulator, type EmulatorClock, type EmulatorDefinition, type Party, type RunningEmulator } from '../kit';
import { MirtaCallHistory } from './cdr';
import { createMirtaFixtures, type MirtaState } from './fixtures';
import { ROUTES } from './routes';
import { MESSAGES, basicCredentials, failed, readParams, send, unauthorized } from './wire';

export { MIRTA_DEMO_CREDENTIALS, MIRTA_DEMO_TENANT_CODES, MIRTA_TENANT_USER } from './fixtures';

export const MIRTA_DEFAULT_PORT = 4103;

export interface MirtaEmulatorOptions {
  seed?: number;
  /** New calls per minute across all tenants; they join the call history when they end. */
  callsPerMinute?: number;
  /** Days of seeded call history before start-up. */
  historyDays?: number;
}

export function createMirtaEmulator(opts: MirtaEmulatorOptions = {}): (clock: EmulatorClock) => EmulatorDefinition {
  const seed = opts.seed ?? 3;
  return (clock) => {
    let state: MirtaState;
    let history: MirtaCallHistory;
    const parties = (): Party[] => state.extensions.map((e) => ({ tenantId: e.ex_te_id, extension: e.ex_number, name: e.ex_name }));
    const init = () => {
      state = createMirtaFixtures(seed);
      history = new MirtaCallHistory({
        seed,
        clock,
        historyDays: opts.historyDays ?? 90,
        callsPerMinute: opts.callsPerMinute ?? 2,
        parties,
        didsOf: (teId) => state.dids.filter((d) => d.di_te_id === teId).map((d) => d.di_number),
      });
    };
    init();

    return {
      name: 'mirta',
      handle(req, res) {
        const creds = basicCredentials(req.headers);
        const user = creds && state.users.find((u) => u.us_username === creds.username && u.password === creds.password);
        if (!user) return send(res, unauthorized());
        const route = ROUTES[req.url.pathname];
        // EMULATOR CONVENTION: unknown paths (404) and wrong methods (405) carry the generic error body.
        if (!route) return send(res, failed(MESSAGES.unauthorized, 404));
        if (route.method !== req.method) return send(res, failed(MESSAGES.unauthorized, 405));
        send(res, route.handle({ state, params: readParams(req), user, history }));
      },
      // The doc's one generic error: "Whenever there is an error it will return as follows".
      vendorError: (_req, res) => send(res, failed(MESSAGES.unauthorized)),
      // EMULATOR CONVENTION: no rate limit is documented; answer 429 with the failed envelope.
      budgetExceeded: (_req, res) => send(res, failed('Too Many Requests.', 429)),
      control(path, body, method) {
        // POST /__emulator/call {tenantId, from, to, direction?, durationSec?}: a call that lands in the history.
        if (path === 'call' && method === 'POST') {
          const b = body as { tenantId?: string; from?: string; to?: string; direction?: 'inbound' | 'outbound' | 'internal'; durationSec?: number };
          if (!b.tenantId || !b.from || !b.to) return { error: 'tenantId, from and to are required' };
          return history.inject({
            tenantId: b.tenantId,
            direction: b.direction ?? 'outbound',
            from: { number: b.from },
            to: { number: b.to },
            answeredAt: clock.now(),
            durationSec: b.durationSec ?? 30,
          });
        }
        return undefined;
      },
      state: () => state,
      reset: init,
    };
  };
}

export function startMirtaEmulator(
  opts: MirtaEmulatorOptions & { port?: number } = {},
): Promise<RunningEmulator> {
  return startEmulator(createMirtaEmulator(opts), { port: opts.port ?? MIRTA_DEFAULT_PORT });
}
