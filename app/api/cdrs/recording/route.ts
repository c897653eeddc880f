import type { NextRequest } from 'next/server';
import { getActor } from '@/server/auth/session';
import { getCdrRecording } from '@/server/services/cdr-query';
import { errorResponse } from '../../_lib/respond';
import { cdrRef } from '../_lib/cdr-ref';

/**
 * A call's recording, streamed from the vendor through this server after the scope check; the vendor's URL
 * and credentials never reach the browser.
 */
export async function GET(req: NextRequest) {
  try {
    const rec = await getCdrRecording(await getActor(), cdrRef(req.nextUrl.searchParams));
    const headers: Record<string, string> = { 'content-type': rec.contentType, 'cache-control': 'private, no-store' };
    if (rec.contentLength !== undefined) headers['content-length'] = String(rec.contentLength);
    return new Response(rec.body, { headers });
  } catch (err) {
    return errorResponse(err);
  }
}
