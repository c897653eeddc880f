import type { AppErrorInfo } from '@/lib/result';

/** GET a configuration read route; a failure becomes an Error carrying the server's AppErrorInfo. */
export async function fetchJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(url, { signal, headers: { accept: 'application/json' }, cache: 'no-store' });
  const body = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) {
    const info = (body as { error?: AppErrorInfo } | null)?.error;
    throw Object.assign(new Error(info?.message ?? `Request failed (${res.status})`), { info });
  }
  return body as T;
}

export const refQuery = (ref: { connectionId: string; tenantId: string }) =>
  `connectionId=${encodeURIComponent(ref.connectionId)}&tenantId=${encodeURIComponent(ref.tenantId)}`;
