import 'server-only';
import type { CdrFilters } from '@/lib/cdr-filters';
import type { Actor } from '@/server/auth/actor';
import { rowsBySeq, scopedMatches } from './cdr-query';

export const CSV_COLUMNS = [
  'started_at',
  'ended_at',
  'connection_id',
  'tenant_id',
  'id',
  'direction',
  'direction_raw',
  'disposition',
  'disposition_raw',
  'from',
  'from_name',
  'to',
  'to_name',
  'forwarded_to',
  'duration_sec',
  'billable_sec',
  'cost_amount',
  'cost_currency',
  'has_recording',
  'mos',
  'trunk',
] as const;

const CHUNK = 2_000;

/**
 * A spreadsheet must not run a cell as a formula (CSV injection), yet "+15551234567" must stay a number a
 * program can read: only a leading = or @, or + / - followed by something other than a digit, gets a quote.
 */
function cell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  let s = String(v);
  if (/^[=@\t\r]/.test(s) || /^[+-](?![\d.])/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export interface CsvExport {
  total: number;
  filename: string;
  stream: ReadableStream<Uint8Array>;
}

/**
 * The whole filtered result as CSV, in the table's order, streamed: rows are read from the database 2,000 at a
 * time as the client takes them (pull + backpressure), so memory stays flat however large the export. The
 * caller's scope is applied inside, as for the table.
 */
export async function exportCdrsCsv(actor: Actor | null, filters: CdrFilters): Promise<CsvExport> {
  const { cols, match, total } = await scopedMatches(actor, filters);
  // The order is captured now: rows synced during the export are not half-included.
  const order = cols.order(filters.sort);
  const n = order.length;
  let k = 0;
  const enc = new TextEncoder();
  const next = () => {
    const out: number[] = [];
    while (k < n && out.length < CHUNK) {
      const i = order[filters.order === 'asc' ? k : n - 1 - k]!;
      k++;
      if (match[i] !== 0) out.push(i);
    }
    return out;
  };
  const stream = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(enc.encode(CSV_COLUMNS.join(',') + '\n'));
      },
      async pull(controller) {
        const indexes = next();
        if (indexes.length === 0) return controller.close();
        const rows = await rowsBySeq(cols, indexes);
        let text = '';
        for (const r of rows)
          text +=
            [
              r.startedAt.toISOString(),
              r.endedAt?.toISOString(),
              r.connectionId,
              r.tenantId,
              r.id,
              r.direction,
              r.directionRaw,
              r.disposition,
              r.dispositionRaw,
              r.fromNumber,
              r.fromName,
              r.toNumber,
              r.toName,
              r.forwardedTo,
              r.durationSec,
              r.billableSec,
              r.costAmount,
              r.costCurrency,
              r.recordingRef ? 'yes' : 'no',
              r.mos,
              r.trunk,
            ]
              .map(cell)
              .join(',') + '\n';
        controller.enqueue(enc.encode(text));
      },
    },
    { highWaterMark: 1 },
  );
  const stamp = new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-');
  return { total, filename: `cdrs-${stamp}.csv`, stream };
}
