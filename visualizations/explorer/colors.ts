/**
 * Colour and size encodings of the explorer, shared with the static views: communities in the exchange
 * matrix's categorical scheme, silo scores on the agency network's sequential ramp. Functions are
 * coloured by sector (tier 1 of the SPBE business reference), the ten most common sectors each their own
 * hue and the rest grey, since a categorical scale stops being readable past ten.
 */
import { schemeTableau10 } from 'd3';
import { communityColor } from '../exchange-matrix.js';
import { siloColor } from '../agency-network.js';
import { COLORS } from '../shared/theme.js';
import { formatIndex } from '../shared/format.js';
import type { ExplorerData } from './data.js';
import type { ColorBy, SizeBy } from './state.js';

export { COLORS };

export interface LegendEntry {
  label: string;
  color: string;
}

export interface Legend {
  title: string;
  entries: LegendEntry[];
  /** For a continuous encoding: colours from 0 to 1 and the end labels. */
  ramp?: { stops: string[]; low: string; high: string };
}

export interface Palette {
  app(i: number): string;
  agency(a: number): string;
  legend: Legend;
}

const OTHER = '#b8bfc7';

function sectorColors(data: ExplorerData): string[] {
  const counts = data.payload.dict.sectors.map(() => 0);
  for (const s of data.appSector) if (s >= 0) counts[s]++;
  const order = counts.map((_c, i) => i).sort((a, b) => counts[b] - counts[a] || a - b);
  const colors = counts.map(() => OTHER);
  order.slice(0, schemeTableau10.length).forEach((s, rank) => (colors[s] = schemeTableau10[rank]));
  return colors;
}

export function palette(data: ExplorerData, colorBy: ColorBy): Palette {
  if (colorBy === 'silo') {
    return {
      app: (i) => siloColor(data.agencySilo[data.appAgency[i]]),
      agency: (a) => siloColor(data.agencySilo[a]),
      legend: {
        title: 'Silo score of the agency',
        entries: [],
        ramp: { stops: [0, 0.25, 0.5, 0.75, 1].map(siloColor), low: `${formatIndex(0)} integrated`, high: `${formatIndex(1)} island` },
      },
    };
  }
  if (colorBy === 'function') {
    const colors = sectorColors(data);
    const sectors = data.payload.dict.sectors;
    const present = new Set<number>();
    for (const s of data.appSector) if (s >= 0) present.add(s);
    const named = [...present].filter((s) => colors[s] !== OTHER).sort((a, b) => sectors[a].code.localeCompare(sectors[b].code));
    const entries: LegendEntry[] = named.map((s) => ({ label: `${sectors[s].code} ${sectors[s].name}`, color: colors[s] }));
    if (named.length < present.size) entries.push({ label: 'other sectors', color: OTHER });
    entries.push({ label: 'unclassified', color: COLORS.faint });
    return {
      app: (i) => (data.appSector[i] >= 0 ? colors[data.appSector[i]] : COLORS.faint),
      agency: (a) => (data.agencySector[a] >= 0 ? colors[data.agencySector[a]] : COLORS.faint),
      legend: { title: 'Function (sector)', entries },
    };
  }
  const sizes = new Map<number, number>();
  for (const c of data.appCommunity) if (c >= 0) sizes.set(c, (sizes.get(c) ?? 0) + 1);
  const top = [...sizes].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, 10);
  const entries: LegendEntry[] = top.map(([c, n]) => ({ label: `community ${c} (${n})`, color: communityColor(c) }));
  if (sizes.size > top.length) entries.push({ label: `${sizes.size - top.length} more communities (colours repeat)`, color: OTHER });
  entries.push({ label: 'no exchange, no community', color: communityColor(undefined) });
  return {
    app: (i) => communityColor(data.appCommunity[i] >= 0 ? data.appCommunity[i] : undefined),
    agency: (a) => communityColor(data.agencyCommunity[a] >= 0 ? data.agencyCommunity[a] : undefined),
    legend: { title: 'Exchange community', entries },
  };
}

export interface Sizer {
  app(i: number): number;
  /** Radius of a collapsed agency node; never larger than its layout radius. */
  agency(a: number): number;
  label: string;
}

export function sizer(data: ExplorerData, sizeBy: SizeBy): Sizer {
  const { spacing, step, minRadius } = data.payload.layout;
  const dot = spacing * 0.42;
  if (sizeBy === 'uniform') return { app: () => dot, agency: (a) => Math.min(data.agencyR[a], minRadius + 1), label: 'same size' };
  if (sizeBy === 'applications') {
    return {
      app: () => dot,
      agency: (a) => Math.min(data.agencyR[a], Math.max(minRadius, step * Math.sqrt(data.appsOfAgency[a].length) + spacing * 0.6)),
      label: 'area ∝ applications',
    };
  }
  let maxAgencyCost = 0;
  let maxR = minRadius;
  for (let a = 0; a < data.nAgencies; a++) {
    maxAgencyCost = Math.max(maxAgencyCost, data.agencyCost[a]);
    maxR = Math.max(maxR, data.agencyR[a]);
  }
  let maxAppCost = 0;
  for (const c of data.appCost) maxAppCost = Math.max(maxAppCost, c);
  // The layout reserved max(radius by count, radius by cost) per agency; the cost radius uses the same scale.
  let maxCountR = minRadius;
  for (let a = 0; a < data.nAgencies; a++) maxCountR = Math.max(maxCountR, step * Math.sqrt(data.appsOfAgency[a].length) + spacing * 0.6);
  return {
    app: (i) => (maxAppCost > 0 ? Math.max(dot * 0.35, spacing * 0.8 * Math.sqrt(data.appCost[i] / maxAppCost)) : dot),
    agency: (a) => (maxAgencyCost > 0 ? Math.min(data.agencyR[a], Math.max(2.5, maxCountR * Math.sqrt(data.agencyCost[a] / maxAgencyCost))) : data.agencyR[a]),
    label: 'area ∝ annual cost',
  };
}
