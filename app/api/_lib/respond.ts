import 'server-only';
import { NextResponse } from 'next/server';
import { statusOf, toAppErrorInfo } from '@/server/errors';

/** The one way route handlers answer. Runs a read for a GET handler: JSON on success, the coded error (with its HTTP status) otherwise. */
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
