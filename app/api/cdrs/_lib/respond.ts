import 'server-only';
import { NextResponse } from 'next/server';
import { statusOf, toAppErrorInfo } from '@/server/errors';

/** Runs a read for a GET handler: JSON on success, the coded error (with its HTTP status) otherwise. */
export async function respond<T>(read: () => Promise<T>): Promise<Response> {
  try {
    return NextResponse.json(await read(), { headers: { 'cache-control': 'no-store' } });
  } catch (err) {
    return errorResponse(err);
  }
}

export function errorResponse(err: unknown): Response {
  const info = toAppErrorInfo(err);
  return NextResponse.json({ error: info }, { status: statusOf(info), headers: { 'cache-control': 'no-store' } });
}

/** The CDR key from `?conn=&tenant=&id=` (vendor IDs may hold `/`, `#`, `~`, so not path segments). */
export function cdrRef(params: URLSearchParams) {
  return { connectionId: params.get('conn') ?? '', tenantId: params.get('tenant') ?? '', id: params.get('id') ?? '' };
}
