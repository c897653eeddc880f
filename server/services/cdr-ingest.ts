import 'server-only';
import type { Cdr } from '@/lib/schemas/cdr';
import type { Db } from '@/server/db/client';
import { cdrs } from '@/server/db/schema';
import { noteCdrsInserted } from './cdr-store';

type CdrRow = typeof cdrs.$inferInsert;

/** A normalized CDR → its database row; the vendor's record is kept as it came. */
export function cdrToRow(connectionId: string, c: Cdr): CdrRow {
  return {
    connectionId,
    tenantId: c.tenantId,
    id: c.id,
    startedAt: new Date(c.startedAt),
    endedAt: c.endedAt ? new Date(c.endedAt) : null,
    fromNumber: c.from.number,
    fromName: c.from.name ?? null,
    toNumber: c.to.number,
    toName: c.to.name ?? null,
    forwardedTo: c.forwardedTo ?? null,
    direction: c.direction,
    directionRaw: c.directionRaw ?? null,
    disposition: c.disposition,
    dispositionRaw: c.dispositionRaw ?? null,
    durationSec: c.durationSec,
    billableSec: c.billableSec ?? null,
    costAmount: c.cost?.amount ?? null,
    costCurrency: c.cost?.currency ?? null,
    recordingRef: c.recordingRef ?? null,
    mos: c.mos ?? null,
    trunk: c.trunk ?? null,
    raw: c.raw,
  };
}

const BATCH = 1_000;

/**
 * Inserts CDRs, skipping any already stored (primary key connection + tenant + vendor ID), so a page fetched
 * twice — an overlapping window, a retried page, a resumed run — never makes a duplicate. Returns how many
 * were new.
 */
export async function insertCdrs(db: Db, rows: CdrRow[]): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < rows.length; i += BATCH) {
    const chunk = rows.slice(i, i + BATCH);
    const done = await db.insert(cdrs).values(chunk).onConflictDoNothing().returning({ seq: cdrs.seq });
    inserted += done.length;
  }
  if (inserted) noteCdrsInserted();
  return inserted;
}
