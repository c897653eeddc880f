import type { Page } from '@playwright/test';
import { emulatorUrl } from '../fixtures';

/** Starts a call on the PBXware emulator now (tenant 2 = northwind, 7 = contoso, 9 = harbor). */
export async function injectPbxwareCall(call: { tenantId: string; from: string; to: string; direction?: string; durationSec?: number }) {
  const r = await fetch(`${emulatorUrl('pbxware')}/__emulator/calls`, { method: 'POST', body: JSON.stringify(call) });
  if (!r.ok) throw new Error(`emulator refused the call: ${r.status}`);
  return ((await r.json()) as { call: { id: string } }).call.id;
}

export async function setPbxwareFaults(faults: Record<string, unknown> | null) {
  await fetch(`${emulatorUrl('pbxware')}/__emulator/faults`, { method: faults ? 'POST' : 'DELETE', body: faults ? JSON.stringify(faults) : undefined });
}

/** A number nobody else dials in this run, so the row we wait for is ours. */
export const uniqueNumber = () => `+1555${String(Date.now()).slice(-7)}`;

/**
 * Opens the live SSE route from the page (with its cookies) and returns the HTTP status and, when it streams,
 * the first message (the hello). The stream is cancelled right after.
 */
export async function probeLiveStream(page: Page, query: string): Promise<{ status: number; hello?: { keys: string[]; tenants: { connectionId: string; tenantId: string }[] } }> {
  return page.evaluate(async (q) => {
    const res = await fetch(`/api/live/stream?${q}`);
    if (!res.ok || !res.body) return { status: res.status };
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buf = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buf += value;
      const m = /data: (\{"t":"hello".*)\n/.exec(buf);
      if (m) {
        await reader.cancel();
        return { status: res.status, hello: JSON.parse(m[1]!) };
      }
    }
    return { status: res.status };
  }, query);
}
