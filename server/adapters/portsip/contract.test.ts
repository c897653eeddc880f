import { runAdapterContract } from '../contract';
import { PORTSIP_DEMO_CREDENTIALS, startPortsipEmulator } from '@/server/emulators/portsip';
import { createPortsipAdapter } from './index';

runAdapterContract({
  vendor: 'portsip',
  startEmulator: () => startPortsipEmulator({ port: 0, seed: 3 }),
  makeAdapter: (url, options) => createPortsipAdapter({ baseUrl: url, token: PORTSIP_DEMO_CREDENTIALS[0].token }, options),
  makeBadAuthAdapter: (url, options) => createPortsipAdapter({ baseUrl: url, token: 'pst_not_a_real_token' }, options),
  // One connection is one tenant token.
  minTenants: 1,
});
