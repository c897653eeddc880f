import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cdrRangeArgs, cdrRangeBounds, formatPbxDate, parsePbxDate, zonedParts } from './dates';
import { decodeKeymapParams, encodeKeymap, KEYMAP_CODES, KEYMAP_KEYS, readKeymap, REMOTE_ACCESS_TARGETS, toKeymapReadShape, type KeymapEntry } from './keymap';

const digits = fc.stringMatching(/^\d{1,8}$/);
type Mapping = Omit<KeymapEntry, 'key'>;
const entryArb: fc.Arbitrary<Mapping> = fc.constantFrom(...KEYMAP_CODES).chain((type): fc.Arbitrary<Mapping> => {
  if (type === 'dy') return fc.constant({ type });
  if (type === 'ra') return fc.constantFrom(...REMOTE_ACCESS_TARGETS).map((destination) => ({ type, destination }));
  if (type === 'en') return fc.tuple(fc.boolean(), digits).map(([plus, n]) => ({ type, destination: `${plus ? '+' : ''}${n}` }));
  return digits.map((destination) => ({ type, destination }));
});
/** A keymap: distinct keys, each with a valid destination. */
const keymapArb = fc
  .uniqueArray(fc.constantFrom(...KEYMAP_KEYS), { minLength: 1, maxLength: KEYMAP_KEYS.length })
  .chain((keys) => fc.tuple(...keys.map((key) => entryArb.map((e) => ({ key, ...e }) as KeymapEntry))));

const byKey = (a: KeymapEntry, b: KeymapEntry) => KEYMAP_KEYS.indexOf(a.key) - KEYMAP_KEYS.indexOf(b.key);

describe('keymap encode/decode', () => {
  it('decode(encode(k)) = k, through a real form encoding', () => {
    fc.assert(
      fc.property(keymapArb, (entries) => {
        const body = new URLSearchParams(encodeKeymap(entries)).toString();
        // '+' must travel as %2B (004:L4518), never as a bare '+' that a form decoder reads as a space.
        expect(body.includes('+')).toBe(false);
        const { entries: back, problem } = decodeKeymapParams(new URLSearchParams(body));
        expect(problem).toBeUndefined();
        expect(back).toEqual([...entries].sort(byKey));
      }),
    );
  });

  it('encodes keymap[key][type|destination] and no destination for Directory', () => {
    fc.assert(
      fc.property(keymapArb, (entries) => {
        const pairs = encodeKeymap(entries);
        for (const [name] of pairs) expect(name).toMatch(/^keymap\[[0-9*]\]\[(type|destination)\]$/);
        expect(pairs.filter(([n]) => n.endsWith('[type]'))).toHaveLength(entries.length);
        expect(pairs.filter(([n]) => n.endsWith('[destination]'))).toHaveLength(entries.filter((e) => e.type !== 'dy').length);
      }),
    );
  });

  it('reads back the read shape: types and destinations kept, digits kept when more than one', () => {
    fc.assert(
      fc.property(keymapArb, (entries) => {
        const read = readKeymap(JSON.parse(JSON.stringify(toKeymapReadShape(entries))));
        const sorted = [...entries].sort(byKey);
        expect(read.map((r) => [r.type, r.destination])).toEqual(sorted.map((e) => [e.type, e.destination ?? '']));
        if (entries.length > 1) expect(read.map((r) => r.key)).toEqual(sorted.map((e) => e.key));
      }),
    );
  });

  it('rejects keys and codes outside the document', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 3 }).filter((k) => !(KEYMAP_KEYS as readonly string[]).includes(k) && !/[\]\s]/.test(k)), (key) => {
        expect(decodeKeymapParams([[`keymap[${key}][type]`, 'ex'], [`keymap[${key}][destination]`, '100']]).problem).toBeDefined();
      }),
    );
    expect(decodeKeymapParams([['keymap[1][type]', 'xx'], ['keymap[1][destination]', '1']]).problem).toMatch(/type/);
    expect(decodeKeymapParams([['keymap[1][type]', 'dy'], ['keymap[1][destination]', '100']]).problem).toMatch(/Directory/);
  });
});

describe('CDR date filters (mmm-dd-YYYY)', () => {
  const instant = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2090, 11, 31) });
  const zone = fc.constantFrom('UTC', 'America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Chatham');

  it('formats every calendar day as mmm-dd-YYYY and parses it back', () => {
    fc.assert(
      fc.property(instant, (ms) => {
        const d = new Date(ms);
        const parts = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
        const text = formatPbxDate(parts);
        expect(text).toMatch(/^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)-\d{2}-\d{4}$/);
        expect(parsePbxDate(text)).toEqual(parts);
        expect(parsePbxDate(text.toUpperCase())).toEqual(parts);
      }),
    );
    expect(formatPbxDate({ year: 2009, month: 2, day: 1 })).toBe('Feb-01-2009');
    expect(parsePbxDate('Feb-29-2009')).toBeUndefined();
    expect(parsePbxDate('2009-02-01')).toBeUndefined();
  });

  it('range arguments denote the same instants in any zone (to the second)', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 40 * 86_400_000 }), zone, (from, span, tz) => {
        const to = from + span;
        const args = cdrRangeArgs(from, to, tz);
        expect(args.timezone).toBe(tz);
        expect(args.starttime).toMatch(/^\d{2}:\d{2}:\d{2}$/);
        const back = cdrRangeBounds(args, tz)!;
        // A wall time inside a DST fold names two instants; the earlier is chosen, so allow exactly that case.
        const sameWall = (a: number, b: number) => JSON.stringify(zonedParts(a, tz)) === JSON.stringify(zonedParts(b, tz));
        expect(back.fromMs === Math.floor(from / 1000) * 1000 || sameWall(back.fromMs, from)).toBe(true);
        expect(back.toMs === Math.floor(to / 1000) * 1000 || sameWall(back.toMs, to)).toBe(true);
        expect(back.fromMs).toBeLessThanOrEqual(back.toMs + 3_600_000);
      }),
    );
  });
});
