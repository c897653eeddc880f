import 'server-only';

/** Serialized form of each item, kept beside the items so a poll is compared without re-serializing the old side. */
export type Signatures = Map<string, string>;

export function signaturesOf(items: Record<string, unknown>): Signatures {
  const out: Signatures = new Map();
  for (const [id, v] of Object.entries(items)) out.set(id, JSON.stringify(v));
  return out;
}

/** Items added or changed, and IDs gone, between two snapshots. */
export function diffItems(prev: Signatures, next: Record<string, unknown>): { upserts: Record<string, unknown>; removes: string[]; sigs: Signatures; changed: boolean } {
  const upserts: Record<string, unknown> = {};
  const sigs: Signatures = new Map();
  let changed = false;
  for (const [id, v] of Object.entries(next)) {
    const s = JSON.stringify(v);
    sigs.set(id, s);
    if (prev.get(id) !== s) {
      upserts[id] = v;
      changed = true;
    }
  }
  const removes: string[] = [];
  for (const id of prev.keys()) if (!sigs.has(id)) removes.push(id);
  if (removes.length) changed = true;
  return { upserts, removes, sigs, changed };
}
