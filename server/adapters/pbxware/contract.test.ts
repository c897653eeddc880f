import { runAdapterContract } from '../contract';
import { PBXWARE_DEMO_CREDENTIALS, startPbxwareEmulator } from '@/server/emulators/pbxware';
import { createPbxwareAdapter } from './index';

runAdapterContract({
  vendor: 'pbxware',
  startEmulator: () => startPbxwareEmulator({ port: 0, seed: 11 }),
  makeAdapter: (url, options) => createPbxwareAdapter({ baseUrl: url, apiKey: PBXWARE_DEMO_CREDENTIALS.apiKey, connectionId: 'conn-pbxware' }, options),
  makeBadAuthAdapter: (url, options) => createPbxwareAdapter({ baseUrl: url, apiKey: 'not-the-key-123' }, options),
  minTenants: 2,
  samples: {
    extension: {
      number: '150',
      name: 'Contract Tester',
      email: 'contract.tester@northwind.example',
      fields: { ua: '61', secret: 'Sup3r-Secret-9', pin: '2468' },
    },
    did: { number: '12125550177', destination: { type: 'extension', target: '100' }, description: 'Contract DID', fields: {} },
    ivr: {
      name: 'ContractMenu',
      extension: '175',
      greeting: 'greeting-contract',
      enabled: true,
      keymap: [
        { key: '1', destination: { type: 'extension', target: '100' } },
        { key: '2', destination: { type: 'queue', target: '190' } },
        { key: '*', destination: { type: 'directory', target: '' } },
      ],
    },
  },
});
