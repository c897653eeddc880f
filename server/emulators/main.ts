/**
 * Starts every vendor emulator for the demo and the browser tests, and writes the demo connections (URLs and
 * credentials) to `<data dir>/demo/connections.json`, from which the app seeds its database on an empty start.
 * The app never imports emulator code; this file is the only bridge, and it passes data, not code.
 *
 *   tsx server/emulators/main.ts            ports 4101–4104 (EMULATOR_PORT_BASE to move them)
 */
import fs from 'node:fs';
import path from 'node:path';
import { HODUPBX_DEMO_CREDENTIALS } from './hodupbx/fixtures';
import { startHodupbxEmulator } from './hodupbx';
import { MIRTA_DEMO_CREDENTIALS, MIRTA_DEMO_TENANT_CODES } from './mirta/fixtures';
import { startMirtaEmulator } from './mirta';
import { PBXWARE_DEMO_CREDENTIALS, startPbxwareEmulator } from './pbxware';
import { PORTSIP_DEMO_CREDENTIALS } from './portsip/fixtures';
import { startPortsipEmulator } from './portsip';

const base = Number(process.env.EMULATOR_PORT_BASE ?? 4101);
const callsPerMinute = process.env.EMULATOR_CALLS_PER_MINUTE ? Number(process.env.EMULATOR_CALLS_PER_MINUTE) : undefined;
const dataDir = path.resolve(process.env.SWITCHBOARD_DATA_DIR ?? './data');

async function main() {
  const [pbxware, hodupbx, mirta, portsip] = await Promise.all([
    startPbxwareEmulator({ port: base, callsPerMinute }),
    // The demo turns on the call-log `callid` (a newer HoduPBX field) so recordings can be opened.
    startHodupbxEmulator({ port: base + 1, callsPerMinute, callLogCallId: true }),
    startMirtaEmulator({ port: base + 2 }),
    startPortsipEmulator({ port: base + 3, callsPerMinute }),
  ]);
  const connections = [
    { key: 'pbxware', name: 'Bicom PBXware (demo)', config: { vendor: 'pbxware', baseUrl: pbxware.url, apiKey: PBXWARE_DEMO_CREDENTIALS.apiKey } },
    { key: 'hodupbx', name: 'HoduPBX platform (demo)', config: { vendor: 'hodupbx', baseUrl: hodupbx.url, token: HODUPBX_DEMO_CREDENTIALS.adminToken, userType: 'ADMIN', timezone: 'UTC' } },
    // A tenant token too: HoduPBX gives live calls and extensions only to tenant tokens.
    { key: 'hodupbx-1000', name: 'HoduPBX · Northwind Dental (demo)', config: { vendor: 'hodupbx', baseUrl: hodupbx.url, token: HODUPBX_DEMO_CREDENTIALS.tenantTokens['1000'], userType: 'TENANT', timezone: 'UTC' } },
    {
      key: 'mirta',
      name: 'MiRTA hosted (demo)',
      config: { vendor: 'mirta', baseUrl: mirta.url, username: MIRTA_DEMO_CREDENTIALS.username, password: MIRTA_DEMO_CREDENTIALS.password, userEmail: MIRTA_DEMO_CREDENTIALS.email, tenantCodes: { ...MIRTA_DEMO_TENANT_CODES }, timezone: 'UTC', currency: 'USD' },
    },
    ...PORTSIP_DEMO_CREDENTIALS.slice(0, 2).map((c) => ({ key: `portsip-${c.key}`, name: `PortSIP · ${c.tenantName} (demo)`, config: { vendor: 'portsip', baseUrl: portsip.url, token: c.token } })),
  ];
  const demo = {
    connections,
    // The demo tenant user is bound to this tenant.
    tenantUser: { connectionKey: 'pbxware', tenantId: '2' },
    emulators: { pbxware: pbxware.url, hodupbx: hodupbx.url, mirta: mirta.url, portsip: portsip.url },
  };
  fs.mkdirSync(path.join(dataDir, 'demo'), { recursive: true });
  fs.writeFileSync(path.join(dataDir, 'demo', 'connections.json'), JSON.stringify(demo, null, 2), { mode: 0o600 });
  console.log(`emulators ready: PBXware ${pbxware.url} · HoduPBX ${hodupbx.url} · MiRTA ${mirta.url} · PortSIP ${portsip.url}`);

  const stop = async () => {
    await Promise.all([pbxware, hodupbx, mirta, portsip].map((e) => e.close()));
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
