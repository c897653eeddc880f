/**
 * Helpers shared by the live benchmarks (not a benchmark itself: the runner picks up `*.bench.ts` only).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';

export interface Figure {
  name: string;
  value: number;
  unit?: string;
  baseline: number;
  baselineUnit?: string;
  baselineLabel?: string;
  ratio?: number;
  limit?: string;
  pass?: boolean;
}

/** Prints a figure for scripts/bench.mjs, and a readable line for whoever runs the file alone. */
export function report(f: Figure) {
  const ratio = f.ratio ?? (f.baseline ? f.value / f.baseline : undefined);
  const out = { ...f, ratio: ratio === undefined ? undefined : Math.round(ratio * 1000) / 1000 };
  console.log(`BENCH ${JSON.stringify(out)}`);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

export async function getJson<T>(url: string, init?: RequestInit): Promise<T> {
  const r = await fetch(url, init);
  return (await r.json()) as T;
}

/** Serves a web ReadableStream on a node:http response, and cancels it when the client goes away. */
export function pipeWebStream(stream: ReadableStream<Uint8Array>, res: http.ServerResponse) {
  const reader = stream.getReader();
  res.on('close', () => void reader.cancel().catch(() => {}));
  void (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true as const }));
      if (done) break;
      if (!res.write(value)) await new Promise((r) => res.once('drain', r));
    }
    res.end();
  })();
}

const root = path.resolve(import.meta.dirname, '..');

/**
 * The production app with its emulators on ports of its own (`scripts/start.mjs --no-build`), built first when
 * no build exists. Returns its URL and a stop function.
 */
export async function startApp(opts: { port: number; emulatorBase: number; dataDir: string; env?: Record<string, string> }): Promise<{ url: string; stop: () => Promise<void> }> {
  const distDir = process.env.NEXT_DIST_DIR || '.next';
  if (!fs.existsSync(path.join(root, distDir, 'BUILD_ID'))) {
    console.log(`no production build in ${distDir}: building (once)…`);
    const r = spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('next build failed');
  }
  fs.rmSync(path.join(root, opts.dataDir), { recursive: true, force: true });
  const child: ChildProcess = spawn(process.execPath, ['scripts/start.mjs', '--no-build', '--port', String(opts.port), '--data', opts.dataDir, '--emulator-port-base', String(opts.emulatorBase)], {
    cwd: root,
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${opts.port}`;
  for (let i = 0; i < 240; i++) {
    const ok = await fetch(`${url}/login`).then((r) => r.ok).catch(() => false);
    if (ok) break;
    await sleep(500);
  }
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      fs.rmSync(path.join(root, opts.dataDir), { recursive: true, force: true });
    },
  };
}

export const chromiumLaunch = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
};
