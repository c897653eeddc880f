import { runAdapterContract } from '../contract';
import { MIRTA_DEMO_CREDENTIALS, MIRTA_DEMO_TENANT_CODES, startMirtaEmulator } from '@/server/emulators/mirta';
import { createMirtaAdapter } from './index';

const config = (baseUrl: string, password: string = MIRTA_DEMO_CREDENTIALS.password) => ({
  vendor: 'mirta' as const,
  baseUrl,
  username: MIRTA_DEMO_CREDENTIALS.username,
  password,
  userEmail: MIRTA_DEMO_CREDENTIALS.email,
  tenantCodes: { ...MIRTA_DEMO_TENANT_CODES },
});

runAdapterContract({
  vendor: 'mirta',
  startEmulator: () => startMirtaEmulator({ port: 0, seed: 3, callsPerMinute: 2 }),
  makeAdapter: (url, options) => createMirtaAdapter(config(url), options),
  makeBadAuthAdapter: (url, options) => createMirtaAdapter(config(url, 'wrong-password'), options),
  minTenants: 2,
});
