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
