/**
 * The search box: queries the server as the analyst types (debounced, stale requests aborted), shows
 * hits grouped by kind in place of the overview, and opens the chosen one. Enter opens the first hit;
 * the arrow keys move between hits.
 */
import type { SearchHit, SearchKind } from '../../src/serve/protocol.js';
import { fetchSearch } from './api.js';
import { clear, debounce, h } from './dom.js';

const KIND_TITLES: Record<SearchKind, string> = {
  application: 'Applications',
  agency: 'Agencies',
  function: 'Functions',
  cluster: 'Duplicate clusters',
  recommendation: 'Recommendations',
};

export interface SearchUi {
  /** Runs a query now (as if typed). */
  run(query: string): Promise<void>;
}

export function setupSearch(input: HTMLInputElement, results: HTMLElement, overview: HTMLElement, pick: (hit: SearchHit) => void): SearchUi {
  let controller: AbortController | undefined;
  let hits: SearchHit[] = [];

  const show = (query: string, response: { hits: SearchHit[]; total: number }) => {
    hits = response.hits;
    clear(results);
    results.hidden = false;
    overview.hidden = true;
    results.dataset.query = query;
    if (hits.length === 0) {
      results.append(h('p', { class: 'muted' }, `Nothing matches “${query}”.`));
      return;
    }
    results.append(h('p', { class: 'muted search-count' }, response.total > hits.length ? `${hits.length} of ${response.total} matches` : `${hits.length} match${hits.length === 1 ? '' : 'es'}`));
    const byKind = new Map<SearchKind, SearchHit[]>();
    for (const hit of hits) (byKind.get(hit.kind) ?? byKind.set(hit.kind, []).get(hit.kind)!).push(hit);
    for (const [kind, list] of byKind) {
      const ul = h('ul', { class: 'hits' });
      for (const hit of list) {
        const button = h('button', { type: 'button', class: 'hit', 'data-kind': hit.kind, 'data-id': hit.id }, h('span', { class: 'hit-label' }, hit.label), h('span', { class: 'hit-detail' }, hit.detail), hit.via ? h('span', { class: 'hit-via' }, hit.via) : null);
        button.addEventListener('click', () => pick(hit));
        ul.append(h('li', {}, button));
      }
      results.append(h('section', { class: 'hit-group' }, h('h3', {}, KIND_TITLES[kind]), ul));
    }
  };

  const run = async (raw: string) => {
    const query = raw.trim();
    controller?.abort();
    if (query === '') {
      hits = [];
      results.hidden = true;
      overview.hidden = false;
      clear(results);
      return;
    }
    controller = new AbortController();
    try {
      show(query, await fetchSearch(query, controller.signal));
    } catch (error) {
      if ((error as Error).name === 'AbortError') return;
      clear(results);
      results.hidden = false;
      results.append(h('p', { class: 'error' }, `Search failed: ${(error as Error).message}`));
    }
  };

  const typed = debounce(150, (value: string) => void run(value));
  input.addEventListener('input', () => typed(input.value));
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      void run(input.value).then(() => hits[0] && pick(hits[0]));
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      results.querySelector<HTMLButtonElement>('button.hit')?.focus();
    } else if (e.key === 'Escape') {
      input.value = '';
      void run('');
    }
  });
  results.addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const buttons = Array.from(results.querySelectorAll<HTMLButtonElement>('button.hit'));
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    e.preventDefault();
    if (e.key === 'ArrowUp' && at === 0) input.focus();
    else buttons[Math.max(0, Math.min(buttons.length - 1, at + (e.key === 'ArrowDown' ? 1 : -1)))].focus();
  });
  return { run };
}
