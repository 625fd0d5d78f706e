/**
 * The filter bar and the legend. Each filter is a select over the values present in the data, with how
 * many applications carry each value; clusters and communities list the largest ones (a national
 * inventory has thousands) plus whichever one is currently chosen.
 */
import { formatCount } from '../shared/format.js';
import type { Legend } from './colors.js';
import type { ExplorerData } from './data.js';
import { clear, h } from './dom.js';
import { FILTER_KEYS, type FilterKey, type Filters } from './state.js';

export const CONTROL_DEFAULTS = { listedClusters: 150, listedCommunities: 60 };

interface Option {
  value: string;
  label: string;
  group?: string;
}

const FILTER_LABELS: Record<FilterKey, string> = {
  level: 'Level',
  region: 'Region',
  function: 'Function',
  status: 'Status',
  category: 'Category',
  origin: 'Origin',
  mechanism: 'Exchange',
  cluster: 'Duplicates',
  community: 'Community',
};

function countBy(values: ArrayLike<number>, size: number): { counts: Int32Array; none: number } {
  const counts = new Int32Array(Math.max(1, size));
  let none = 0;
  for (let i = 0; i < values.length; i++) {
    if (values[i] >= 0) counts[values[i]]++;
    else none++;
  }
  return { counts, none };
}

function dictionaryOptions(names: string[], values: ArrayLike<number>, noneLabel: string): Option[] {
  const { counts, none } = countBy(values, names.length);
  const options = names.map((name, i) => ({ value: String(i), label: `${name} (${formatCount(counts[i])})`, count: counts[i] })).filter((o) => o.count > 0);
  if (none > 0) options.push({ value: 'none', label: `${noneLabel} (${formatCount(none)})`, count: none });
  return options;
}

export function filterOptions(data: ExplorerData, key: FilterKey, current: string): Option[] {
  const dict = data.payload.dict;
  switch (key) {
    case 'level': {
      const perApp = Int32Array.from(data.appAgency, (a) => data.agencyLevel[a]);
      return dictionaryOptions(dict.levels, perApp, 'not given');
    }
    case 'region': {
      const perApp = Int32Array.from(data.appAgency, (a) => data.agencyRegion[a]);
      return dictionaryOptions(dict.regions, perApp, 'no region').sort((a, b) => (a.value === 'none' ? 1 : b.value === 'none' ? -1 : a.label.localeCompare(b.label)));
    }
    case 'function': {
      const sectors = countBy(data.appSector, dict.sectors.length);
      const functions = countBy(data.appFunction, dict.functions.length);
      const options: Option[] = [];
      const order = dict.sectors.map((_s, i) => i).sort((a, b) => dict.sectors[a].code.localeCompare(dict.sectors[b].code));
      for (const s of order) {
        if (sectors.counts[s] === 0) continue;
        const sector = dict.sectors[s];
        const group = `${sector.code} ${sector.name}`;
        options.push({ value: `s:${s}`, label: `all of ${sector.code} (${formatCount(sectors.counts[s])})`, group });
        dict.functions
          .map((f, i) => ({ f, i }))
          .filter(({ f, i }) => f.sector === s && functions.counts[i] > 0)
          .sort((a, b) => a.f.code.localeCompare(b.f.code))
          .forEach(({ f, i }) => options.push({ value: `f:${i}`, label: `${f.code}${f.name ? ` ${f.name}` : ''} (${formatCount(functions.counts[i])})`, group }));
      }
      if (functions.none > 0) options.push({ value: 'none', label: `unclassified (${formatCount(functions.none)})` });
      return options;
    }
    case 'status':
      return dictionaryOptions(dict.statuses, data.appStatus, 'not given');
    case 'category':
      return dictionaryOptions(dict.categories, data.appCategory, 'not given');
    case 'origin':
      return dictionaryOptions(dict.origins, data.appOrigin, 'not given');
    case 'mechanism': {
      const counts = dict.mechanisms.map(() => 0);
      let isolated = 0;
      for (const mask of data.appMechanisms) {
        if (mask === 0) isolated++;
        for (let m = 0; m < counts.length; m++) if (mask & (1 << m)) counts[m]++;
      }
      const options = dict.mechanisms.map((m, i) => ({ value: String(i), label: `${m.replace('_', ' ')} (${formatCount(counts[i])} apps)` })).filter((_o, i) => counts[i] > 0);
      if (isolated > 0) options.push({ value: 'none', label: `no exchange at all (${formatCount(isolated)})` });
      return options;
    }
    case 'cluster': {
      const { counts, none } = countBy(data.appCluster, data.payload.clusters.id.length);
      const inAny = data.nApps - none;
      const C = data.payload.clusters;
      const listed = C.id
        .map((_id, i) => i)
        .sort((a, b) => C.redundantAnnualCost[b] - C.redundantAnnualCost[a] || a - b)
        .slice(0, CONTROL_DEFAULTS.listedClusters);
      const chosen = current.startsWith('c:') ? Number(current.slice(2)) : -1;
      if (chosen >= 0 && !listed.includes(chosen)) listed.unshift(chosen);
      return [
        { value: 'in', label: `in a duplicate cluster (${formatCount(inAny)})` },
        { value: 'out', label: `in no cluster (${formatCount(none)})` },
        ...listed.map((c) => ({ value: `c:${c}`, label: `${C.label[c]} (${counts[c]})`, group: 'Costliest clusters' })),
      ];
    }
    case 'community': {
      const sizes = new Map<number, number>();
      for (const c of data.appCommunity) if (c >= 0) sizes.set(c, (sizes.get(c) ?? 0) + 1);
      const listed = [...sizes].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, CONTROL_DEFAULTS.listedCommunities);
      const chosen = current === '' ? NaN : Number(current);
      if (!Number.isNaN(chosen) && !listed.some(([c]) => c === chosen)) listed.unshift([chosen, sizes.get(chosen) ?? 0]);
      return listed.map(([c, n]) => ({ value: String(c), label: `community ${c} (${formatCount(n)})` }));
    }
  }
}

function fillSelect(select: HTMLSelectElement, options: Option[], current: string): void {
  clear(select);
  select.append(h('option', { value: '' }, 'any'));
  const groups = new Map<string, HTMLOptGroupElement>();
  for (const o of options) {
    const option = h('option', { value: o.value }, o.label);
    if (o.group) {
      let group = groups.get(o.group);
      if (!group) {
        group = h('optgroup', { label: o.group });
        groups.set(o.group, group);
        select.append(group);
      }
      group.append(option);
    } else select.append(option);
  }
  select.value = options.some((o) => o.value === current) ? current : '';
}

export class FilterBar {
  private readonly selects = new Map<FilterKey, HTMLSelectElement>();

  constructor(host: HTMLElement, private readonly data: ExplorerData, onChange: (key: FilterKey, value: string) => void) {
    for (const key of FILTER_KEYS) {
      const select = h('select', { id: `filter-${key}`, name: key });
      select.addEventListener('change', () => onChange(key, select.value));
      this.selects.set(key, select);
      host.append(h('label', { class: 'filter' }, h('span', {}, FILTER_LABELS[key]), select));
    }
  }

  sync(filters: Filters): void {
    for (const key of FILTER_KEYS) {
      const select = this.selects.get(key)!;
      const listed = select.options.length > 0 && Array.from(select.options).some((o) => o.value === filters[key]);
      if (!listed || select.options.length === 0) fillSelect(select, filterOptions(this.data, key, filters[key]), filters[key]);
      select.value = filters[key];
      select.classList.toggle('active', filters[key] !== '');
    }
  }
}

export function renderLegend(host: HTMLElement, legend: Legend, sizeLabel: string): void {
  clear(host);
  host.append(h('div', { class: 'legend-title' }, legend.title));
  if (legend.ramp) {
    const ramp = h('div', { class: 'legend-ramp' });
    ramp.style.background = `linear-gradient(to right, ${legend.ramp.stops.join(', ')})`;
    host.append(ramp, h('div', { class: 'legend-ends' }, h('span', {}, legend.ramp.low), h('span', {}, legend.ramp.high)));
  } else {
    const ul = h('ul', {});
    for (const entry of legend.entries) {
      const swatch = h('span', { class: 'swatch' });
      swatch.style.background = entry.color;
      ul.append(h('li', {}, swatch, entry.label));
    }
    host.append(ul);
  }
  const links = h('div', { class: 'legend-links' });
  const automated = h('span', { class: 'line automated' });
  const manual = h('span', { class: 'line manual' });
  links.append(automated, 'automated exchange ', manual, 'mostly manual or file');
  host.append(links, h('div', { class: 'muted' }, `size: ${sizeLabel}`));
}
