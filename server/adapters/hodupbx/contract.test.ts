import { describe } from 'vitest';
import { HODUPBX_DEMO_CREDENTIALS as C, startHodupbxEmulator } from '@/server/emulators/hodupbx';
import { runAdapterContract } from '../contract';
import { createHodupbxAdapter } from './index';

// A TENANT token: one tenant, the full tenant manual (live calls, extensions, DIDs, IVRs).
// No `samples.extension`: the contract's update step renames the extension, and HoduPBX has no name parameter
// (adapter.test.ts round-trips extensions instead).
describe('TENANT token', () =>
runAdapterContract({
  vendor: 'hodupbx',
  startEmulator: () => startHodupbxEmulator({ port: 0 }),
  makeAdapter: (url, options) => createHodupbxAdapter({ baseUrl: url, token: C.tenantTokens['1000']!, userType: 'TENANT' }, options),
  makeBadAuthAdapter: (url, options) => createHodupbxAdapter({ baseUrl: url, token: 'NotAValidToken00', userType: 'TENANT' }, options),
  minTenants: 1,
}));

// The platform's ADMIN token: every tenant, balances, call logs, recordings, the DID pool.
describe('ADMIN token', () =>
runAdapterContract({
  vendor: 'hodupbx',
  startEmulator: () => startHodupbxEmulator({ port: 0 }),
  makeAdapter: (url, options) => createHodupbxAdapter({ baseUrl: url, token: C.adminToken, userType: 'ADMIN' }, options),
  makeBadAuthAdapter: (url, options) => createHodupbxAdapter({ baseUrl: url, token: 'NotAValidToken00', userType: 'ADMIN' }, options),
  minTenants: 3,
}));
