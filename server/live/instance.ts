import 'server-only';
import { LiveHub } from './hub';
import { intervalsFromEnv } from './config';
import { localCoordinator } from './coordinator';
import { PgCoordinator } from './pg-coordinator';
import { adapterSource } from './source';

// One hub per server process, kept on globalThis so dev-mode module reloads do not start a second set of pollers.
const g = globalThis as unknown as { __switchboardLiveHub?: LiveHub };

/**
 * The process's live hub. In-process by default (embedded mode needs neither Postgres nor Redis); with
 * DATABASE_URL set, instances share one poller per stream through Postgres (advisory lock + NOTIFY).
 */
export function getLiveHub(): LiveHub {
  if (!g.__switchboardLiveHub) {
    const url = process.env.DATABASE_URL;
    g.__switchboardLiveHub = new LiveHub({
      source: adapterSource,
      coordinator: url && process.env.SWITCHBOARD_LIVE_SHARED !== '0' ? new PgCoordinator(url) : localCoordinator(),
      intervals: intervalsFromEnv(),
    });
  }
  return g.__switchboardLiveHub;
}
