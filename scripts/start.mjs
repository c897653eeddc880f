#!/usr/bin/env node
// The README's first command: installs what is missing, builds once, starts the vendor emulators and the
// dashboard on the embedded database, and prints the demo logins. Needs nothing but Node.
//
//   npm start                       http://127.0.0.1:3000
//   PORT=8080 npm start             another port
//   SWITCHBOARD_DEMO=0 npm start    no emulators, no demo data (production use with your own PBXs)
//   --data <dir> --emulator-port-base <n> --no-build    used by the browser tests
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const port = arg('--port', process.env.PORT ?? '3000');
const host = process.env.HOST ?? '127.0.0.1';
const dataDir = path.resolve(arg('--data', process.env.SWITCHBOARD_DATA_DIR ?? './data'));
const emulatorBase = arg('--emulator-port-base', process.env.EMULATOR_PORT_BASE ?? '4101');
const demo = (process.env.SWITCHBOARD_DEMO ?? '1') === '1';
const distDir = process.env.NEXT_DIST_DIR || '.next';

function run(cmd, cmdArgs, extraEnv = {}) {
  const r = spawnSync(cmd, cmdArgs, { stdio: 'inherit', env: { ...process.env, ...extraEnv } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (!fs.existsSync(path.join(root, 'node_modules', '.bin', 'next'))) {
  console.log('Installing dependencies (npm ci)…');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}
if (!args.includes('--no-build') && !fs.existsSync(path.join(root, distDir, 'BUILD_ID'))) {
  console.log('Building the dashboard (first start only)…');
  run(process.execPath, ['node_modules/next/dist/bin/next', 'build']);
}

const children = [];
const stopAll = (code = 0) => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  setTimeout(() => process.exit(code), 300);
};
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

const env = { ...process.env, SWITCHBOARD_DATA_DIR: dataDir, SWITCHBOARD_DEMO: demo ? '1' : '0', AUTH_TRUST_HOST: 'true', PORT: port, EMULATOR_PORT_BASE: emulatorBase, NODE_ENV: 'production' };

async function main() {
  if (demo) {
    const demoFile = path.join(dataDir, 'demo', 'connections.json');
    fs.rmSync(demoFile, { force: true });
    const emu = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'server/emulators/main.ts'], { stdio: 'inherit', env });
    children.push(emu);
    emu.on('exit', (code) => {
      console.error(`vendor emulators stopped (${code})`);
      stopAll(1);
    });
    for (let i = 0; i < 300 && !fs.existsSync(demoFile); i++) await new Promise((r) => setTimeout(r, 100));
    if (!fs.existsSync(demoFile)) {
      console.error('The vendor emulators did not start within 30 s.');
      stopAll(1);
      return;
    }
  }
  const next = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-H', host, '-p', port], { stdio: 'inherit', env });
  children.push(next);
  next.on('exit', (code) => stopAll(code ?? 0));
}

main();
