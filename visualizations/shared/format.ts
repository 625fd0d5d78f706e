/**
 * Number formats for Indonesian readers: decimal comma, dot as thousands separator, and rupiah in the
 * words budget documents use (juta = 10^6, miliar = 10^9, triliun = 10^12). Short forms (jt, M, T) are
 * for cells too small for the words.
 */

const RUPIAH_UNITS = [
  { value: 1e12, long: 'triliun', short: 'T' },
  { value: 1e9, long: 'miliar', short: 'M' },
  { value: 1e6, long: 'juta', short: 'jt' },
] as const;

/** Explains the short rupiah units wherever a view uses them. */
export const RUPIAH_SHORT_NOTE = 'Rp: jt = juta, M = miliar, T = triliun';

/** Groups thousands with dots and uses a decimal comma: 25000 → "25.000", 1.5 → "1,5". */
export function formatNumber(value: number, maxFractionDigits = 0): string {
  if (!Number.isFinite(value)) return '–';
  const negative = value < 0;
  const fixed = Math.abs(value).toFixed(maxFractionDigits);
  const [whole, fraction = ''] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const trimmed = fraction.replace(/0+$/, '');
  return (negative ? '−' : '') + grouped + (trimmed ? ',' + trimmed : '');
}

/** At most three significant digits, trailing zeros dropped: 1.234 → "1,23", 12.5 → "12,5", 125.4 → "125". */
function significant(value: number): string {
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return formatNumber(value, digits);
}

/** "Rp 1,25 miliar", "Rp 350 juta", "Rp 850.000"; `short` gives "Rp 1,25 M", "Rp 350 jt". */
export function formatRupiah(value: number, options: { short?: boolean } = {}): string {
  if (!Number.isFinite(value)) return 'Rp –';
  const sign = value < 0 ? '−' : '';
  const abs = Math.abs(value);
  for (const unit of RUPIAH_UNITS) {
    // 999.6 juta rounds to "1.000 juta"; promote it to the next unit instead.
    if (abs >= unit.value * 0.9995) {
      const scaled = abs / unit.value;
      return `${sign}Rp ${significant(scaled)} ${options.short ? unit.short : unit.long}`;
    }
  }
  return `${sign}Rp ${formatNumber(abs)}`;
}

/** A whole count with thousands dots. */
export function formatCount(value: number): string {
  return formatNumber(Math.round(value));
}

/** A share in [0,1] as a percentage: 0.423 → "42%" (one decimal below 10%: 0.054 → "5,4%"). */
export function formatPercent(share: number): string {
  const pct = share * 100;
  return `${formatNumber(pct, Math.abs(pct) < 10 && pct !== 0 ? 1 : 0)}%`;
}

/** An index in [0,1] with two decimals: 0.5 → "0,50". */
export function formatIndex(value: number): string {
  if (!Number.isFinite(value)) return '–';
  return value.toFixed(2).replace('.', ',');
}

/** A signed relative change: (80, 100) → "−20%"; "±0%" when nothing changed or the base is zero. */
export function formatChange(after: number, before: number): string {
  if (before === 0 || after === before) return '±0%';
  const change = (after - before) / Math.abs(before);
  const text = formatPercent(Math.abs(change));
  return (change < 0 ? '−' : '+') + text;
}

/**
 * A count with its noun in the right number: (1, 'exchange') → "1 exchange", (3, 'agency', 'agencies')
 * → "3 agencies". English plurals are irregular enough (agency → agencies) that the plural is passed
 * when adding "s" is wrong.
 */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatCount(count)} ${Math.round(count) === 1 ? singular : pluralForm}`;
}
