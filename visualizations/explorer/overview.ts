/**
 * The aggregated overview the explorer opens with, beside the search box: national totals, the most
 * siloed agencies, the costliest duplicate clusters, the first recommendations and the largest
 * communities. Each entry opens its item.
 */
import { formatCount, formatIndex, formatPercent, formatRupiah } from '../shared/format.js';
import type { Ref } from '../../src/serve/protocol.js';
import type { ExplorerData } from './data.js';
import { clear, h } from './dom.js';

function card(label: string, value: string, note?: string): HTMLElement {
  return h('div', { class: 'card' }, h('div', { class: 'card-value' }, value), h('div', { class: 'card-label' }, label), note ? h('div', { class: 'card-note' }, note) : null);
}

function list(title: string, items: Array<{ ref: Ref; value: string }>, open: (ref: Ref) => void): HTMLElement | null {
  if (items.length === 0) return null;
  const ol = h('ol', { class: 'overview-list' });
  for (const item of items) {
    const button = h('button', { type: 'button', class: 'ref', 'data-kind': item.ref.kind, 'data-id': item.ref.id }, item.ref.label);
    button.addEventListener('click', () => open(item.ref));
    ol.append(h('li', {}, button, h('span', { class: 'overview-value' }, item.value)));
  }
  return h('section', { class: 'overview-section' }, h('h3', {}, title), ol);
}

export function renderOverview(host: HTMLElement, data: ExplorerData, open: (ref: Ref) => void): void {
  clear(host);
  const p = data.payload;
  const s = p.summary;
  const cards = h(
    'div',
    { class: 'cards' },
    card('applications', formatCount(s.applications), `${formatCount(s.isolatedApplications)} isolated`),
    card('agencies', formatCount(s.agencies)),
    card('exchanges', formatCount(s.exchanges), `${formatPercent(s.automatedExchangeShare)} automated`),
    card('silo index', formatIndex(s.siloIndex), '0 integrated · 1 islands'),
    card('duplicate clusters', formatCount(s.duplicateClusters), `${formatCount(s.duplicateApplications)} applications`),
    card('annual cost', formatRupiah(s.totalAnnualCost, { short: true }), s.estimatedCostApplications > 0 ? `${formatCount(s.estimatedCostApplications)} costs estimated` : undefined),
    card('redundant a year', formatRupiah(s.redundantAnnualCost, { short: true })),
    card('savings a year', formatRupiah(s.estimatedAnnualSavings.expected, { short: true }), `${formatRupiah(s.estimatedAnnualSavings.low, { short: true })}–${formatRupiah(s.estimatedAnnualSavings.high, { short: true })}`),
  );
  const A = p.agencies;
  const C = p.clusters;
  const sections = [
    list(
      'Most siloed agencies',
      p.overview.siloedAgencies.map((a) => ({ ref: { kind: 'agency', id: A.id[a], label: A.name[a] }, value: `${formatIndex(A.siloScore[a])} · ${formatCount(A.applications[a])} apps` })),
      open,
    ),
    list(
      'Costliest duplicate clusters',
      p.overview.costlyClusters.map((c) => ({ ref: { kind: 'cluster', id: C.id[c], label: C.label[c] }, value: `${formatRupiah(C.redundantAnnualCost[c], { short: true })} · ${C.size[c]} apps` })),
      open,
    ),
    list(
      'First recommendations',
      p.overview.recommendations.map((r) => ({ ref: { kind: 'recommendation', id: r.id, label: r.title }, value: `wave ${r.wave} · ${formatRupiah(r.expected, { short: true })}` })),
      open,
    ),
    list(
      'Largest communities',
      p.overview.communities.map((c) => ({
        ref: { kind: 'community', id: String(c.id), label: `Community ${c.id}${c.dominantAgency >= 0 ? `: ${A.name[c.dominantAgency]}` : ''}` },
        value: `${formatCount(c.applications)} apps · ${formatCount(c.agencies)} agencies`,
      })),
      open,
    ),
  ].filter((x): x is HTMLElement => x !== null);
  host.append(h('h2', { class: 'overview-title' }, 'Overview'), cards, ...sections);
}
