import 'server-only';
import type { LiveEntries } from '@/lib/live-protocol';

/** Serialized form of each item, kept beside the items so a poll is compared without re-serializing the old side. */
export type Signatures = Map<string, string>;

export function signaturesOf(items: LiveEntries): Signatures {
  const out: Signatures = new Map();
  for (const [id, v] of items) out.set(id, JSON.stringify(v));
  return out;
}

/** Items added or changed, and IDs gone, between two snapshots (pairs and Maps only: see LiveEntries). */
export function diffItems(prev: Signatures, next: LiveEntries): { upserts: LiveEntries; removes: string[]; sigs: Signatures; changed: boolean } {
  const upserts: LiveEntries = [];
  const sigs: Signatures = new Map();
  let changed = false;
  for (const entry of next) {
    const id = entry[0];
    const s = JSON.stringify(entry[1]);
    sigs.set(id, s);
    if (prev.get(id) !== s) {
      upserts.push(entry);
      changed = true;
    }
  }
  const removes: string[] = [];
  for (const id of prev.keys()) if (!sigs.has(id)) removes.push(id);
  if (removes.length) changed = true;
  return { upserts, removes, sigs, changed };
}
