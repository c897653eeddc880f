import { NextResponse, type NextRequest } from 'next/server';
import { allowCallback, receiveHoduRing } from '@/server/services/crm-events';
import { errorResponse } from '../../../_lib/respond';

/**
 * HoduPBX's CRM "Ring" callback: `GET /api/crm/hodupbx/<hook>?uuid&extension_number&caller_name&caller_number
 * &call_status=Ring`. The PBX sends no credentials: the secret hook token in the path is the authentication
 * (unknown → 404). Rate-limited per client address.
 */
export async function GET(req: NextRequest, { params }: { params: Promise<{ hook: string }> }) {
  const client = req.headers.get('x-forwarded-for')?.split(',')[0]?.trim() || req.headers.get('x-real-ip') || 'direct';
  if (!allowCallback(client)) return NextResponse.json({ error: { code: 'rate_limited', message: 'Too many callbacks; slow down.' } }, { status: 429, headers: { 'retry-after': '10' } });
  try {
    const { hook } = await params;
    const outcome = await receiveHoduRing(hook, req.nextUrl.searchParams);
    return NextResponse.json(outcome.stored ? { ok: true } : { ok: true, ignored: outcome.reason }, { headers: { 'cache-control': 'no-store' } });
  } catch (err) {
    return errorResponse(err);
  }
}
