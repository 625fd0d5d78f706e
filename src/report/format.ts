/**
 * Number, money, percentage and date formatting for the reports, per language. Indonesian follows the
 * usage of SPBE and APBD documents ("Rp 1.250.000.000", "Rp 1,25 miliar", "42,5%"); English uses
 * international grouping with the ISO code ("IDR 1,250,000,000", "IDR 1.25 billion").
 * Intl's own compact notation is not used: for id-ID it abbreviates miliar to "M", which an Indonesian
 * reader takes for "million".
 */
import type { SavingsRange } from '../types.js';
import type { Count, Dictionary } from './i18n.js';

/** U+2212, so a negative change never reads as a hyphenated word. */
const MINUS = '\u2212';

export interface Formatter {
  /** A count: "25.000" / "25,000". */
  count(value: number): string;
  /** A count for a sentence, which may need the number for an English plural. */
  n(value: number): Count;
  /** Exact rupiah: "Rp 1.250.000.000" / "IDR 1,250,000,000". */
  money(value: number): string;
  /** Rupiah scaled to juta/miliar/triliun: "Rp 1,25 miliar" / "IDR 1.25 billion". */
  moneyShort(value: number): string;
  /** "Rp 1,2 miliar – Rp 2 miliar (perkiraan Rp 1,5 miliar)". */
  savings(range: SavingsRange): string;
  /** A share in [0,1] as a percentage with at most one decimal: "42,5%". */
  percent(share: number): string;
  /** A difference of two shares, in percentage points: "12,5 poin persentase". */
  points(share: number): string;
  /** An index in [0,1] with two decimals: "0,63". */
  index(value: number): string;
  /** A date-time in UTC: "28 November 2025 pukul 10.15 UTC". */
  dateTime(iso: string): string;
  /** A signed difference, e.g. for before/after tables. */
  signed(value: number, format: (magnitude: number) => string): string;
}

export function formatter(dict: Dictionary): Formatter {
  const integer = new Intl.NumberFormat(dict.locale, { maximumFractionDigits: 0 });
  const mantissa = new Intl.NumberFormat(dict.locale, { maximumFractionDigits: 2 });
  const percent = new Intl.NumberFormat(dict.locale, { style: 'percent', maximumFractionDigits: 1 });
  const points = new Intl.NumberFormat(dict.locale, { maximumFractionDigits: 1 });
  const index = new Intl.NumberFormat(dict.locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const date = new Intl.DateTimeFormat(dict.locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });
  const scales: Array<[number, string]> = [
    [1e12, dict.scale.trillion],
    [1e9, dict.scale.billion],
    [1e6, dict.scale.million],
  ];

  const sign = (value: number, text: string): string => (value < 0 ? `${MINUS}${text}` : text);

  const money = (value: number): string => sign(value, `${dict.currency} ${integer.format(Math.abs(Math.round(value)))}`);

  const moneyShort = (value: number): string => {
    const magnitude = Math.abs(value);
    for (let i = 0; i < scales.length; i++) {
      const [size, word] = scales[i]!;
      if (magnitude < size) continue;
      const rounded = Math.round((magnitude / size) * 100) / 100;
      // 999,999,999 rounds to "1.000 juta"; say "1 miliar" instead.
      if (rounded >= 1000 && i > 0) {
        const [biggerSize, biggerWord] = scales[i - 1]!;
        return sign(value, `${dict.currency} ${mantissa.format(Math.round((magnitude / biggerSize) * 100) / 100)} ${biggerWord}`);
      }
      return sign(value, `${dict.currency} ${mantissa.format(rounded)} ${word}`);
    }
    return money(value);
  };

  return {
    count: (value) => integer.format(value),
    n: (value) => ({ n: value, text: integer.format(value) }),
    money,
    moneyShort,
    savings: (range) => dict.savingsRange(moneyShort(range.low), moneyShort(range.high), moneyShort(range.expected)),
    percent: (share) => percent.format(share),
    points: (share) => dict.percentagePoints(points.format(share * 100)),
    index: (value) => index.format(value),
    dateTime: (iso) => {
      const parsed = new Date(iso);
      return Number.isNaN(parsed.getTime()) ? iso : `${date.format(parsed)} UTC`;
    },
    signed: (value, format) => (value > 0 ? `+${format(value)}` : value < 0 ? `${MINUS}${format(-value)}` : format(0)),
  };
}
