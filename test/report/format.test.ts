import { describe, it, expect } from 'vitest';
import { formatter } from '../../src/report/format.js';
import { dictionary } from '../../src/report/i18n.js';

const id = formatter(dictionary('id'));
const en = formatter(dictionary('en'));

describe('rupiah', () => {
  it('writes exact amounts with the grouping of each language', () => {
    expect(id.money(1_250_000_000)).toBe('Rp 1.250.000.000');
    expect(en.money(1_250_000_000)).toBe('IDR 1,250,000,000');
    expect(id.money(0)).toBe('Rp 0');
  });

  it('scales large amounts to juta, miliar, triliun / million, billion, trillion', () => {
    expect(id.moneyShort(1_250_000_000)).toBe('Rp 1,25 miliar');
    expect(en.moneyShort(1_250_000_000)).toBe('IDR 1.25 billion');
    expect(id.moneyShort(670_000_000)).toBe('Rp 670 juta');
    expect(en.moneyShort(670_000_000)).toBe('IDR 670 million');
    // Rp 6.2 trillion: the 2024 budget for new applications in the domain brief.
    expect(id.moneyShort(6_200_000_000_000)).toBe('Rp 6,2 triliun');
    expect(en.moneyShort(6_200_000_000_000)).toBe('IDR 6.2 trillion');
  });

  it('keeps amounts under a million exact', () => {
    expect(id.moneyShort(850_000)).toBe('Rp 850.000');
    expect(en.moneyShort(850_000)).toBe('IDR 850,000');
  });

  it('moves up a scale instead of writing "1.000 juta"', () => {
    // 999,999,999 / 1e6 = 999.999999, which rounds to 1000.00 juta.
    expect(id.moneyShort(999_999_999)).toBe('Rp 1 miliar');
    expect(en.moneyShort(999_999_999)).toBe('IDR 1 billion');
  });

  it('writes negative amounts with a minus sign before the currency', () => {
    expect(id.moneyShort(-550_000_000)).toBe('\u2212Rp 550 juta');
    expect(en.signed(-536_000_000, en.moneyShort)).toBe('\u2212IDR 536 million');
    expect(id.signed(3, id.count)).toBe('+3');
  });

  it('writes a savings range with its expected value', () => {
    const range = { low: 402_000_000, expected: 536_000_000, high: 670_000_000 };
    expect(id.savings(range)).toBe('Rp 402 juta – Rp 670 juta (perkiraan Rp 536 juta)');
    expect(en.savings(range)).toBe('IDR 402 million – IDR 670 million (expected IDR 536 million)');
  });
});

describe('counts, shares and dates', () => {
  it('groups counts', () => {
    expect(id.count(27_400)).toBe('27.400');
    expect(en.count(27_400)).toBe('27,400');
  });

  it('writes percentages with one decimal at most and the local decimal mark', () => {
    expect(id.percent(0.425)).toBe('42,5%');
    expect(en.percent(0.425)).toBe('42.5%');
    expect(id.percent(0.4)).toBe('40%');
  });

  it('writes a change of shares in percentage points', () => {
    expect(id.signed(0.6 - 0.4, id.points)).toBe('+20 poin persentase');
    expect(en.signed(0.6 - 0.4, en.points)).toBe('+20 percentage points');
  });

  it('writes indexes with two decimals', () => {
    expect(id.index(0.61875)).toBe('0,62');
    expect(en.index(0.61875)).toBe('0.62');
  });

  it('writes dates in UTC, in the words of each language', () => {
    expect(id.dateTime('2025-11-28T10:15:00.000Z')).toBe('28 November 2025 pukul 10.15 UTC');
    expect(en.dateTime('2025-11-28T10:15:00.000Z')).toBe('28 November 2025 at 10:15 UTC');
    expect(en.dateTime('not a date')).toBe('not a date');
  });
});
