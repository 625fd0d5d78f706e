import { describe, expect, it } from 'vitest';
import { formatChange, formatCount, formatIndex, formatNumber, formatPercent, formatRupiah } from '../../visualizations/shared/format.js';
import { estimateTextWidth, truncateText, wrapText } from '../../visualizations/shared/text.js';

describe('rupiah and number formats', () => {
  it('writes rupiah in juta, miliar and triliun with a decimal comma', () => {
    expect(formatRupiah(0)).toBe('Rp 0');
    expect(formatRupiah(850_000)).toBe('Rp 850.000');
    expect(formatRupiah(1_500_000)).toBe('Rp 1,5 juta');
    expect(formatRupiah(350_000_000)).toBe('Rp 350 juta');
    expect(formatRupiah(1_234_000_000)).toBe('Rp 1,23 miliar');
    expect(formatRupiah(12_500_000_000)).toBe('Rp 12,5 miliar');
    expect(formatRupiah(6.2e12)).toBe('Rp 6,2 triliun');
    expect(formatRupiah(-2e9)).toBe('−Rp 2 miliar');
  });

  it('promotes a value that would round to 1.000 of a unit to the next unit', () => {
    expect(formatRupiah(999_800_000)).toBe('Rp 1 miliar');
  });

  it('has short units for small cells', () => {
    expect(formatRupiah(1_200_000_000, { short: true })).toBe('Rp 1,2 M');
    expect(formatRupiah(45_000_000, { short: true })).toBe('Rp 45 jt');
    expect(formatRupiah(2.5e12, { short: true })).toBe('Rp 2,5 T');
  });

  it('groups thousands with dots and formats shares and indexes', () => {
    expect(formatCount(25_000)).toBe('25.000');
    expect(formatNumber(1234567.891, 2)).toBe('1.234.567,89');
    expect(formatPercent(0.423)).toBe('42%');
    expect(formatPercent(0.054)).toBe('5,4%');
    expect(formatIndex(0.5)).toBe('0,50');
    expect(formatChange(5, 8)).toBe('−38%');
    expect(formatChange(12, 10)).toBe('+20%');
    expect(formatChange(3, 0)).toBe('±0%');
  });
});

describe('text estimates', () => {
  it('estimates wider text for wider characters', () => {
    expect(estimateTextWidth('iiii', 10)).toBeLessThan(estimateTextWidth('mmmm', 10));
    expect(estimateTextWidth('abc', 20)).toBeCloseTo(2 * estimateTextWidth('abc', 10));
  });

  it('truncates with an ellipsis only when the text does not fit', () => {
    expect(truncateText('Dinas', 200, 10)).toBe('Dinas');
    const cut = truncateText('Dinas Kependudukan dan Pencatatan Sipil', 80, 10);
    expect(cut.endsWith('…')).toBe(true);
    expect(estimateTextWidth(cut, 10)).toBeLessThanOrEqual(80);
    expect(truncateText('Dinas', 2, 10)).toBe('');
  });

  it('wraps words into at most the given number of lines', () => {
    const lines = wrapText('Consolidate personnel systems onto SIMPEG Dinkes for the whole city', 120, 10, 2);
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(estimateTextWidth(line, 10)).toBeLessThanOrEqual(120);
    expect(lines[1].endsWith('…')).toBe(true);
    expect(wrapText('short', 120, 10, 2)).toEqual(['short']);
    expect(wrapText('one two', 1000, 10, 1)).toEqual(['one two']);
  });
});
