/**
 * PBXware IVR keymaps, as pure functions (no I/O, no adapter state) so the emulator may import them too.
 *
 * The wire is asymmetric (vendor-matrix quirk 86):
 *   write  `keymap[<key>][type]=<code>&keymap[<key>][destination]=<value>`, keys 0-9 and `*`, 13 short codes;
 *   read   `"keymap": {"type": "Extension", "value": "100"}`, a human type name, `value`, and no digit.
 * The documented read shape holds one mapping. For several, the emulator answers `{"<key>": {type, value}}`
 * (EMULATOR CONVENTION, undocumented), so `readKeymap` accepts both, plus PHP's `[]` for none.
 */

export const KEYMAP_KEYS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '*'] as const;
export type KeymapKey = (typeof KEYMAP_KEYS)[number];

/** The 13 documented destination codes, in the document's order. */
export const KEYMAP_CODES = ['aa', 'qu', 'rg', 'cf', 'ex', 'vm', 'cr', 'aatree', 'dy', 'ra', 'fx', 'en', 'ari'] as const;
export type KeymapCode = (typeof KEYMAP_CODES)[number];

/**
 * Human names as the read shape shows them. Only "Extension" is documented; the rest follow the document's
 * labels for the write codes (vendor-matrix §5.4 convention).
 */
export const KEYMAP_TYPE_NAMES: Record<KeymapCode, string> = {
  aa: 'IVR',
  qu: 'Queue',
  rg: 'Ring Group',
  cf: 'Conference',
  ex: 'Extension',
  vm: 'Voicemail',
  cr: 'CRM Routing',
  aatree: 'IVR Tree',
  dy: 'Directory',
  ra: 'Remote Access',
  fx: 'Fax to E-mail',
  en: 'External Number',
  ari: 'ARI Application',
};

/** Valid destinations for `ra` (Remote Access). */
export const REMOTE_ACCESS_TARGETS = ['agentlogin', 'destinations', 'voicemail'] as const;

export interface KeymapEntry {
  key: KeymapKey;
  type: KeymapCode;
  /** Absent for `dy` (Directory), which takes no destination. */
  destination?: string;
}

export function isKeymapKey(value: string): value is KeymapKey {
  return (KEYMAP_KEYS as readonly string[]).includes(value);
}
export function isKeymapCode(value: string): value is KeymapCode {
  return (KEYMAP_CODES as readonly string[]).includes(value);
}

/** Keys in dial-pad order (0-9, then `*`), the order a keymap is written and shown in. */
export function compareKeymapKeys(a: KeymapKey, b: KeymapKey): number {
  return KEYMAP_KEYS.indexOf(a) - KEYMAP_KEYS.indexOf(b);
}

/** Why an entry is invalid by the document's rules, or undefined when it is valid. */
export function keymapEntryProblem(entry: { key: string; type: string; destination?: string }): string | undefined {
  if (!isKeymapKey(entry.key)) return `Invalid keymap key '${entry.key}'.`;
  if (!isKeymapCode(entry.type)) return `Invalid keymap destination type '${entry.type}'.`;
  const dest = entry.destination ?? '';
  if (entry.type === 'dy') return dest === '' ? undefined : 'Directory keymap must not have a destination.';
  if (dest === '') return `Keymap ${entry.key} requires a destination.`;
  if (entry.type === 'ra') {
    return (REMOTE_ACCESS_TARGETS as readonly string[]).includes(dest) ? undefined : `Invalid Remote Access destination '${dest}'.`;
  }
  if (entry.type === 'en') return /^\+?\d+$/.test(dest) ? undefined : `Invalid external number '${dest}'.`;
  // Everything else is an extension number or an ID (CRM rule, ARI app): digits.
  return /^\d+$/.test(dest) ? undefined : `Invalid keymap destination '${dest}'.`;
}

/** Form pairs for a write (`ivr.add` / `ivr.edit`), ordered by key. `dy` sends no destination. */
export function encodeKeymap(entries: readonly KeymapEntry[]): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const e of [...entries].sort((a, b) => compareKeymapKeys(a.key, b.key))) {
    pairs.push([`keymap[${e.key}][type]`, e.type]);
    if (e.type !== 'dy') pairs.push([`keymap[${e.key}][destination]`, e.destination ?? '']);
  }
  return pairs;
}

const KEYMAP_PARAM = /^keymap\[\s*([^\]]*?)\s*\]\[\s*(type|destination)\s*\]$/;

/**
 * Reads the `keymap[<key>][<field>]` pairs of a request back into entries (the emulator's side of a write).
 * Returns the entries and the first problem found, if any; unrelated pairs are ignored.
 */
export function decodeKeymapParams(pairs: Iterable<readonly [string, string]>): { entries: KeymapEntry[]; problem?: string } {
  const byKey = new Map<string, { type?: string; destination?: string }>();
  for (const [name, value] of pairs) {
    const m = KEYMAP_PARAM.exec(name);
    if (!m) continue;
    const slot = byKey.get(m[1]!) ?? {};
    if (m[2] === 'type') slot.type = value;
    else slot.destination = value;
    byKey.set(m[1]!, slot);
  }
  const entries: KeymapEntry[] = [];
  for (const [key, slot] of byKey) {
    if (slot.type === undefined) return { entries, problem: `Keymap ${key} is missing its type.` };
    const problem = keymapEntryProblem({ key, type: slot.type, destination: slot.destination });
    if (problem) return { entries, problem };
    const entry: KeymapEntry = { key: key as KeymapKey, type: slot.type as KeymapCode };
    if (slot.type !== 'dy') entry.destination = slot.destination ?? '';
    entries.push(entry);
  }
  entries.sort((a, b) => compareKeymapKeys(a.key, b.key));
  return { entries };
}

/** A keymap as `ivr.list` shows it: documented single shape, or keyed by digit when there are several. */
export function toKeymapReadShape(entries: readonly KeymapEntry[]): unknown {
  const read = (e: KeymapEntry) => ({ type: KEYMAP_TYPE_NAMES[e.type], value: e.destination ?? '' });
  if (entries.length === 0) return [];
  if (entries.length === 1) return read(entries[0]!);
  return Object.fromEntries([...entries].sort((a, b) => compareKeymapKeys(a.key, b.key)).map((e) => [e.key, read(e)]));
}

/** The write code for a read-side type name ("Extension" → `ex`), tolerant of case and spacing. */
export function keymapCodeForTypeName(name: string): KeymapCode | undefined {
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');
  const wanted = norm(name);
  if (isKeymapCode(name)) return name;
  for (const code of KEYMAP_CODES) if (norm(KEYMAP_TYPE_NAMES[code]) === wanted) return code;
  // Labels the document uses elsewhere for the same codes.
  const aliases: Record<string, KeymapCode> = {
    dialgroupsandenhancedringgroups: 'rg',
    dialgroup: 'rg',
    enhancedringgroup: 'rg',
    callexternalnumber: 'en',
    faxtoemail: 'fx',
    ivrtree: 'aatree',
  };
  return aliases[wanted];
}

export interface ReadKeymapEntry {
  /** The digit, when the payload carries one (the documented single shape does not). */
  key?: KeymapKey;
  /** Undefined when the type name is unknown; `typeName` keeps the vendor's text. */
  type?: KeymapCode;
  typeName: string;
  destination: string;
}

/** Decodes the read shape: `{type, value}`, `{"<key>": {type, value}}`, an array of those, or `[]`. */
export function readKeymap(raw: unknown): ReadKeymapEntry[] {
  const one = (v: unknown, key?: string): ReadKeymapEntry | undefined => {
    if (!v || typeof v !== 'object') return undefined;
    const o = v as Record<string, unknown>;
    const typeName = o.type === undefined || o.type === null ? '' : String(o.type);
    const destination = o.value ?? o.destination;
    const entry: ReadKeymapEntry = { typeName, destination: destination === undefined || destination === null ? '' : String(destination) };
    const code = keymapCodeForTypeName(typeName);
    if (code) entry.type = code;
    if (key !== undefined && isKeymapKey(key)) entry.key = key;
    return entry;
  };
  if (raw === null || raw === undefined || raw === '') return [];
  if (Array.isArray(raw)) return raw.map((v) => one(v)).filter((e): e is ReadKeymapEntry => e !== undefined);
  if (typeof raw !== 'object') return [];
  const o = raw as Record<string, unknown>;
  if ('type' in o && (typeof o.type === 'string' || typeof o.type === 'number')) {
    const e = one(o);
    return e ? [e] : [];
  }
  return Object.entries(o)
    .map(([k, v]) => one(v, k))
    .filter((e): e is ReadKeymapEntry => e !== undefined)
    .sort((a, b) => (a.key && b.key ? compareKeymapKeys(a.key, b.key) : 0));
}
