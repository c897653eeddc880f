// Client side of bench/live-fanout.bench.ts, in its own process so the server's figures (latency, heap,
// handles) are not disturbed by 1,000 client sockets. Driven over IPC.
import http from 'node:http';

let conns = [];
let latencies = null;
const SENT_AT = /"sentAt":(\d+)/;

function open(url, onFirst) {
  const u = new URL(url);
  let first = true;
  const req = http.get({ host: u.hostname, port: u.port, path: u.pathname + u.search, agent: false }, (res) => {
    res.setEncoding('utf8');
    res.on('data', (chunk) => {
      if (latencies) {
        const now = Date.now();
        for (const part of chunk.split('\n\n')) {
          const m = SENT_AT.exec(part);
          if (m) latencies.push(now - Number(m[1]));
        }
      }
      if (first && chunk.includes('data: ')) {
        first = false;
        onFirst?.();
      }
    });
    res.on('error', () => {});
  });
  req.on('error', () => {});
  return req;
}

const pct = (a, p) => {
  const s = [...a].sort((x, y) => x - y);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};

process.on('message', async (m) => {
  if (m.cmd === 'connect') {
    let ready = 0;
    await new Promise((resolve) => {
      for (let i = 0; i < m.n; i++) conns.push(open(m.url, () => ++ready === m.n && resolve()));
    });
    process.send({ connected: conns.length });
  } else if (m.cmd === 'measure') {
    latencies = [];
    await new Promise((r) => setTimeout(r, m.ms));
    const l = latencies;
    latencies = null;
    process.send({ count: l.length, p50: pct(l, 50), p99: pct(l, 99), max: Math.max(...l) });
  } else if (m.cmd === 'close') {
    for (const c of conns) c.destroy();
    conns = [];
    process.send({ closed: true });
  } else if (m.cmd === 'cycles') {
    const t0 = Date.now();
    let started = 0;
    let done = 0;
    await new Promise((resolve) => {
      const next = () => {
        if (started >= m.total) return;
        started++;
        const req = open(m.url, () => {
          req.destroy();
          done++;
          if (done === m.total) resolve();
          else next();
        });
      };
      for (let i = 0; i < m.concurrency; i++) next();
    });
    process.send({ cycles: done, ms: Date.now() - t0 });
  } else if (m.cmd === 'exit') process.exit(0);
});
process.send({ ready: true });
