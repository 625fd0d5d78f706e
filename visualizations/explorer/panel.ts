/**
 * The side panel: one item's facts, the evidence behind what the engine says about it, its duplicate
 * cluster, the recommendations touching it, silo findings, exchanges and related items. Every value is
 * inventory or analysis text and goes in through textContent (see dom.ts); the only link is an http(s)
 * address the server has already vetted, and it is checked again here.
 */
import { formatIndex, formatRupiah } from '../shared/format.js';
import type { ItemDetail, Ref } from '../../src/serve/protocol.js';
import { clear, h } from './dom.js';

export interface PanelAction {
  label: string;
  id: string;
  run(): void;
}

export interface PanelHandlers {
  open(ref: Ref): void;
  actions(detail: ItemDetail): PanelAction[];
}

const KIND_LABEL: Record<ItemDetail['kind'], string> = {
  application: 'Application',
  agency: 'Agency',
  function: 'Function',
  cluster: 'Duplicate cluster',
  recommendation: 'Recommendation',
  community: 'Community',
};

function section(title: string, ...children: Array<Node | null>): HTMLElement | null {
  const content = children.filter((c): c is Node => c !== null);
  if (content.length === 0) return null;
  return h('section', { class: 'panel-section' }, h('h3', {}, title), ...content);
}

function refButton(ref: Ref, open: (ref: Ref) => void): HTMLElement {
  const button = h('button', { type: 'button', class: 'ref', 'data-kind': ref.kind, 'data-id': ref.id }, ref.label);
  button.addEventListener('click', () => open(ref));
  return h('li', {}, button, ref.detail ? h('span', { class: 'muted' }, ` ${ref.detail}`) : null);
}

function more(shown: number, total: number): HTMLElement | null {
  return total > shown ? h('p', { class: 'muted' }, `… and ${total - shown} more`) : null;
}

function httpUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

export function renderPanelMessage(host: HTMLElement, message: string, error = false): void {
  clear(host);
  host.append(h('p', { class: error ? 'panel-message error' : 'panel-message' }, message));
}

export function renderPanel(host: HTMLElement, detail: ItemDetail, handlers: PanelHandlers): void {
  clear(host);
  host.dataset.kind = detail.kind;
  host.dataset.id = detail.id;
  const header = h(
    'header',
    { class: 'panel-header' },
    h('p', { class: 'panel-kind' }, KIND_LABEL[detail.kind]),
    h('h2', { id: 'panel-title' }, detail.title),
    detail.subtitle ? h('p', { class: 'panel-subtitle' }, detail.subtitle) : null,
  );
  const actions = handlers.actions(detail);
  const actionBar = actions.length > 0 ? h('div', { class: 'panel-actions' }) : null;
  for (const action of actions) {
    const button = h('button', { type: 'button', 'data-action': action.id }, action.label);
    button.addEventListener('click', action.run);
    actionBar?.append(button);
  }

  const facts = h('dl', { class: 'facts' });
  for (const f of detail.facts) facts.append(h('dt', {}, f.label), h('dd', {}, f.value));
  const url = httpUrl(detail.url);
  if (url) facts.append(h('dt', {}, 'Open'), h('dd', {}, h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, url)));

  const evidence =
    detail.evidence.length > 0
      ? h(
          'ul',
          { class: 'evidence', id: 'panel-evidence' },
          ...detail.evidence.map((e) =>
            h(
              'li',
              {},
              h('span', { class: 'badge' }, e.kind),
              ' ',
              h('span', { class: 'evidence-detail' }, e.detail),
              e.weight !== undefined ? h('span', { class: 'muted' }, ` weight ${formatIndex(e.weight)}`) : null,
              h('span', { class: 'evidence-source' }, e.source),
            ),
          ),
        )
      : h('p', { class: 'muted', id: 'panel-evidence' }, 'No evidence recorded for this item.');

  const c = detail.cluster;
  const cluster = c
    ? h(
        'div',
        { class: 'cluster' },
        h('p', {}, h('button', { type: 'button', class: 'ref', 'data-kind': 'cluster', 'data-id': c.id }, c.label), ` · ${c.scope} · confidence ${formatIndex(c.confidence)}`),
        h('p', {}, `Redundant ${formatRupiah(c.redundantAnnualCost)} a year of ${formatRupiah(c.totalAnnualCost)}; savings ${formatRupiah(c.estimatedAnnualSavings.low)}–${formatRupiah(c.estimatedAnnualSavings.high)}.`),
        h('p', {}, `Keeper: ${c.keeper.label} — ${c.keeperReason}`),
        h('ul', { class: 'refs' }, ...c.members.slice(0, 40).map((m) => refButton(m, handlers.open))),
        more(Math.min(40, c.members.length), c.members.length),
      )
    : null;
  cluster?.querySelector('button.ref')?.addEventListener('click', () => c && handlers.open({ kind: 'cluster', id: c.id, label: c.label }));

  const recommendations =
    detail.recommendations.length > 0
      ? h(
          'ol',
          { class: 'recommendations' },
          ...detail.recommendations.map((r) => {
            const title = h('button', { type: 'button', class: 'ref', 'data-kind': 'recommendation', 'data-id': r.id }, r.title);
            title.addEventListener('click', () => handlers.open({ kind: 'recommendation', id: r.id, label: r.title }));
            return h(
              'li',
              {},
              title,
              h('p', { class: 'muted' }, `${r.kind} · wave ${r.wave} · effort ${r.effort} · saves ${formatRupiah(r.estimatedAnnualSavings.expected)} a year (${formatRupiah(r.estimatedAnnualSavings.low)}–${formatRupiah(r.estimatedAnnualSavings.high)})`),
              h('ul', {}, ...r.rationale.map((line) => h('li', {}, line))),
            );
          }),
        )
      : null;

  const silos = detail.silos.length > 0 ? h('ul', { class: 'silos' }, ...detail.silos.map((s) => h('li', {}, h('span', { class: 'badge' }, s.kind), ' ', s.message))) : null;

  const x = detail.exchanges;
  const exchangeList = (list: NonNullable<ItemDetail['exchanges']>['outgoing'], arrow: string) =>
    h(
      'ul',
      { class: 'refs' },
      ...list.map((e) => {
        const li = refButton(e.other, handlers.open);
        li.prepend(`${arrow} `);
        li.append(h('span', { class: 'muted' }, ` ${[e.mechanism ?? 'mechanism not given', e.data].filter(Boolean).join(' · ')}`));
        return li;
      }),
    );
  const exchanges = x
    ? h(
        'div',
        {},
        h('p', {}, `${x.outgoingTotal} outgoing, ${x.incomingTotal} incoming`),
        x.outgoing.length > 0 ? exchangeList(x.outgoing, '→') : null,
        more(x.outgoing.length, x.outgoingTotal),
        x.incoming.length > 0 ? exchangeList(x.incoming, '←') : null,
        more(x.incoming.length, x.incomingTotal),
      )
    : null;

  host.append(
    header,
    ...[
      actionBar,
      facts,
      section('Evidence', evidence),
      c ? section('Duplicate cluster', cluster) : null,
      recommendations ? section('Recommendations', recommendations) : null,
      silos ? section('Silo findings', silos) : null,
      exchanges ? section('Exchanges', exchanges) : null,
      ...detail.related.map((r) => section(r.heading, h('ul', { class: 'refs' }, ...r.items.map((item) => refButton(item, handlers.open))), more(r.items.length, r.total))),
    ].filter((n): n is HTMLElement => n !== null),
  );
}
