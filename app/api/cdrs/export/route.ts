import type { NextRequest } from 'next/server';
import { getActor } from '@/server/auth/session';
import { exportCdrsCsv } from '@/server/services/cdr-export';
import { filtersFromParams } from '@/server/services/cdr-query';
import { errorResponse } from '../../_lib/respond';

/** The whole filtered result as CSV, streamed; `X-Total-Rows` lets the page show progress. */
export async function GET(req: NextRequest) {
  try {
    const actor = await getActor();
    const { stream, total, filename } = await exportCdrsCsv(actor, filtersFromParams(req.nextUrl.searchParams));
    return new Response(stream, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${filename}"`,
        'cache-control': 'no-store',
        'x-total-rows': String(total),
      },
    });
  } catch (err) {
    return errorResponse(err);
  }
}
