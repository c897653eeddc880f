#!/usr/bin/env node
// `npm run bench [-- <name filter>]`: runs every bench/*.bench.{ts,mjs} in sequence (never in parallel: the
// figures would disturb each other on a 2-core machine), streams their output, and ends with one table of
// every figure next to the baseline measured in the same run and their ratio.
//
// Convention for bench files: print human-readable lines freely, and one line per figure of the form
//   BENCH {"name":"…","value":123,"unit":"ms","baseline":100,"baselineLabel":"…","ratio":1.23,"limit":"≤ 2×","pass":true}
// TypeScript benches run under tsx with the react-server condition (so `server-only` imports resolve) and
// --expose-gc (heap figures are post-GC). Benchmarks are not part of `npm test`.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const filter = process.argv[2];
const files = fs
  .readdirSync('bench')
  .filter((f) => /\.bench\.(ts|mjs)$/.test(f))
  .filter((f) => !filter || f.includes(filter))
  .sort();
if (files.length === 0) {
  console.error(`No benchmarks found${filter ? ` matching "${filter}"` : ''} in bench/.`);
  process.exit(1);
}

const figures = [];
const crashed = [];

function run(file) {
  return new Promise((resolve) => {
    const full = path.join('bench', file);
    const args = file.endsWith('.ts') ? ['--conditions=react-server', '--expose-gc', '--import', 'tsx', full] : ['--expose-gc', full];
    console.log(`\n▶ ${file}`);
    const t0 = Date.now();
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'production' } });
    let buf = '';
    child.stdout.on('data', (chunk) => {
      buf += chunk;
      let nl;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        if (line.startsWith('BENCH ')) {
          try {
            figures.push({ file, ...JSON.parse(line.slice(6)) });
          } catch {
            console.log(line);
          }
        } else console.log(`  ${line}`);
      }
    });
    child.on('exit', (code) => {
      console.log(`${code === 0 ? '✔' : '✘'} ${file} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
      if (code !== 0) crashed.push(file);
      resolve();
    });
  });
}

for (const f of files) await run(f);

const fmt = (v, unit = '') => (typeof v === 'number' ? `${Number.isInteger(v) ? v : v.toFixed(v < 10 ? 3 : 1)}${unit ? ` ${unit}` : ''}` : String(v ?? '—'));
console.log('\nFigures (each with the baseline measured in the same run):\n');
const rows = figures.map((f) => [
  f.pass === false ? '✘' : f.pass === true ? '✔' : ' ',
  f.name,
  fmt(f.value, f.unit),
  `${fmt(f.baseline, f.baselineUnit ?? f.unit)}${f.baselineLabel ? ` (${f.baselineLabel})` : ''}`,
  f.ratio === undefined ? '—' : `${fmt(f.ratio)}×`,
  f.limit ?? '',
]);
const head = ['', 'figure', 'value', 'baseline', 'ratio', 'target'];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
const line = (r) => r.map((c, i) => String(c).padEnd(widths[i])).join('  ');
console.log(line(head));
console.log(widths.map((w) => '─'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));
const failed = figures.filter((f) => f.pass === false).length;
console.log(`\n${figures.length} figures, ${failed} outside target${crashed.length ? `; failed to run: ${crashed.join(', ')}` : ''}.`);
process.exit(failed || crashed.length ? 1 : 0);
