import { describe, expect, it } from 'vitest';
import { compareDecimal, formatDuration, formatMoney } from './format';

describe('money', () => {
  it('formats exact decimal strings in the currency, rounding half up without floats', () => {
    expect(formatMoney({ amount: '244.45999', currency: 'USD' })).toBe('$244.46');
    expect(formatMoney({ amount: '1736.845', currency: 'GBP' })).toBe('£1,736.85');
    expect(formatMoney({ amount: '-12.4', currency: 'EUR' })).toBe('-€12.40');
    expect(formatMoney({ amount: '1000', currency: 'JPY' })).toBe('¥1,000');
    // 0.1 + 0.2 style float errors cannot happen: the digits are never parsed into a float.
    expect(formatMoney({ amount: '9007199254740993.015', currency: 'USD' })).toBe('$9,007,199,254,740,993.02');
  });
  it('compares decimal strings exactly', () => {
    expect(compareDecimal('10.00', '10')).toBe(0);
    expect(compareDecimal('9.99999', '10')).toBe(-1);
    expect(compareDecimal('-1', '-0.5')).toBe(-1);
    expect(compareDecimal('0.30000000000000001', '0.3')).toBe(1);
  });
});

describe('durations', () => {
  it('formats seconds as m:ss or h:mm:ss', () => {
    expect(formatDuration(5)).toBe('0:05');
    expect(formatDuration(75)).toBe('1:15');
    expect(formatDuration(3725)).toBe('1:02:05');
  });
});
