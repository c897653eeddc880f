/**
 * PBXware arguments: the query string and an `application/x-www-form-urlencoded` POST body, mixed, with the
 * body winning for a name given in both (vendor-matrix §5.4). Bracket arrays (`open_days[]`, `keymap[1][type]`)
 * stay as flat pairs; `name[ ]` (the document's wrapped example) is read as `name[]`.
 */
import type { EmulatorRequest } from '../kit';

export class PbxArgs {
  readonly pairs: Array<[string, string]>;

  constructor(pairs: Array<[string, string]>) {
    this.pairs = pairs.map(([k, v]) => [k.replace(/\[\s+\]/g, '[]'), v]);
  }

  static from(req: EmulatorRequest): PbxArgs {
    const pairs: Array<[string, string]> = [...req.url.searchParams];
    const type = String(req.headers['content-type'] ?? '');
    // EMULATOR CONVENTION: a POST body without a content type is read as a form too (PHP's $_POST would not).
    if (req.rawBody && (type === '' || type.includes('application/x-www-form-urlencoded'))) {
      pairs.push(...new URLSearchParams(req.rawBody));
    }
    return new PbxArgs(pairs);
  }

  /** Last value wins, so POST fields override the query. Empty strings count as given. */
  get(name: string): string | undefined {
    let out: string | undefined;
    for (const [k, v] of this.pairs) if (k === name) out = v;
    return out;
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  /** Values of `name[]`, in order. */
  list(name: string): string[] {
    return this.pairs.filter(([k]) => k === `${name}[]`).map(([, v]) => v);
  }

  /** The first name in `names` that is missing or empty. */
  missing(...names: string[]): string | undefined {
    return names.find((n) => (this.get(n) ?? '') === '');
  }

  /** Every single-valued argument (no brackets), last value winning. */
  plain(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of this.pairs) if (!k.includes('[')) out[k] = v;
    return out;
  }
}
