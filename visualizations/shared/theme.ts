/**
 * One look for every view. The font stack starts with DejaVu Sans because that is what the PNG renderer
 * finds on a bare Linux machine, and the text-width estimates in text.ts are tuned to its metrics; Verdana
 * has near-identical widths, so browser renderings keep the same fit.
 */
export const FONT_FAMILY = 'DejaVu Sans, Verdana, Arial, Helvetica, sans-serif';

export const COLORS = {
  background: '#ffffff',
  text: '#1f2933',
  muted: '#52606d',
  faint: '#9aa5b1',
  grid: '#e4e7eb',
  panel: '#f5f7fa',
  link: '#7b8794',
  highlight: '#c81e1e',
  before: '#9aa5b1',
  after: '#1b7f79',
  good: '#1b7f79',
  bad: '#c81e1e',
} as const;

export const FONT_SIZE = {
  title: 18,
  subtitle: 12,
  label: 11,
  small: 10,
  legend: 10,
} as const;

/** Height taken by the title and subtitle at the top of every view. */
export const HEADER_HEIGHT = 58;

export const DEFAULT_SIZE = { width: 960, height: 640 } as const;

/** WCAG relative luminance of a #rrggbb or rgb(r, g, b) colour. */
function luminance(color: string): number {
  const hex = /^#([0-9a-f]{6})$/i.exec(color);
  const rgb = /^rgb\(\s*(\d+),\s*(\d+),\s*(\d+)\s*\)$/i.exec(color);
  const channels = hex ? [0, 2, 4].map((i) => parseInt(hex[1].slice(i, i + 2), 16)) : rgb ? rgb.slice(1, 4).map(Number) : [255, 255, 255];
  const [r, g, b] = channels.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio between two colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * The text colour (dark or white) with the higher contrast on `fill`. Deciding by the fill itself rather
 * than by a threshold on the data keeps labels legible whatever colour scale a view uses.
 */
export function textOn(fill: string): string {
  return contrastRatio(fill, COLORS.text) >= contrastRatio(fill, COLORS.background) ? COLORS.text : COLORS.background;
}
