import type { Money } from './schemas/common';

interface CurrencyStyle {
  digits: number;
  decimal: string;
  symbol: string;
  symbolFirst: boolean;
  grouping: Intl.NumberFormat;
}

// Intl formatters are costly to build and money is formatted on every render of live screens (a wallboard
// re-renders every second for weeks): build each locale × currency style once. Bounded, currencies are few.
const currencyStyles = new Map<string, CurrencyStyle>();

function currencyStyle(locale: string, currency: string): CurrencyStyle {
  const key = `${locale}|${currency}`;
  let style = currencyStyles.get(key);
  if (style) return style;
  const digits = new Intl.NumberFormat(locale, { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  const parts = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits }).formatToParts(1);
  style = {
    digits,
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
    symbol: parts.find((p) => p.type === 'currency')?.value ?? currency,
    symbolFirst: parts.findIndex((p) => p.type === 'currency') < parts.findIndex((p) => p.type === 'integer'),
    grouping: new Intl.NumberFormat(locale, { useGrouping: true, maximumFractionDigits: 0 }),
  };
  if (currencyStyles.size >= 64) currencyStyles.clear();
  currencyStyles.set(key, style);
  return style;
}

/** Money in its own currency, exactly: the decimal string is split, never parsed into a float. */
export function formatMoney(m: Money, locale = 'en-US'): string {
  const negative = m.amount.startsWith('-');
  const [intPart, frac = ''] = m.amount.replace(/^-/, '').split('.');
  const { digits, decimal, symbol, symbolFirst, grouping } = currencyStyle(locale, m.currency);
  // Round half up on the decimal string to the currency's digits.
  let units = BigInt(intPart || '0') * 10n ** BigInt(digits) + BigInt((frac + '0'.repeat(digits)).slice(0, digits) || '0');
  if ((frac[digits] ?? '0') >= '5') units += 1n;
  const whole = units / 10n ** BigInt(digits);
  const cents = (units % 10n ** BigInt(digits)).toString().padStart(digits, '0');
  const body = grouping.format(whole) + (digits ? decimal + cents : '');
  const text = symbolFirst ? `${symbol}${body}` : `${body} ${symbol}`;
  return negative ? `-${text}` : text;
}

/** Compares two decimal strings exactly: -1, 0 or 1. */
export function compareDecimal(a: string, b: string): number {
  const scale = (s: string) => (s.split('.')[1] ?? '').length;
  const digits = Math.max(scale(a), scale(b));
  const toInt = (s: string) => {
    const neg = s.startsWith('-');
    const [i, f = ''] = s.replace(/^-/, '').split('.');
    const v = BigInt(i || '0') * 10n ** BigInt(digits) + BigInt((f + '0'.repeat(digits)).slice(0, digits) || '0');
    return neg ? -v : v;
  };
  const x = toInt(a);
  const y = toInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** 75 → "1:15", 3725 → "1:02:05". */
export function formatDuration(totalSec: number): string {
  const s = Math.max(0, Math.floor(totalSec));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/** Age of data in words: "12 s", "4 min", "3 h". */
export function formatAge(fromIso: string, now = Date.now()): string {
  const s = Math.max(0, Math.round((now - Date.parse(fromIso)) / 1000));
  if (s < 90) return `${s} s`;
  if (s < 5400) return `${Math.round(s / 60)} min`;
  return `${Math.round(s / 3600)} h`;
}

export function formatInstant(iso: string, timeZone?: string, locale = 'en-GB'): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium', timeZone }).format(new Date(iso));
}
