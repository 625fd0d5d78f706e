/**
 * siloscope explorer, the browser side. Loads the graph payload once, then keeps one view state (state.ts)
 * and redraws the stage from it: the overview (agencies collapsed, expandable) or an ego network, faded by
 * the filters, coloured and sized as chosen. Search and the overview lists open items in the side panel;
 * the panel's actions and double-clicks drive the graph (expand, ego network, filter to a cluster).
 *
 * When the first view is on screen the <body> gets `data-ready` and `data-first-render-ms` (navigation
 * start → overview drawn), which the browser tests and `scripts/bench-explorer.ts` wait for.
 */
import { formatCount, formatIndex, formatRupiah } from '../shared/format.js';
import type { ItemDetail, Ref, SearchHit } from '../../src/serve/protocol.js';
import { fetchGraph, fetchItem, type ItemKind } from './api.js';
import { FilterBar, renderLegend } from './controls.js';
import { decodeGraph, type ExplorerData } from './data.js';
import { byId, h } from './dom.js';
import { exportCsv, exportJson, exportPng, exportSvg, selectionRows } from './export.js';
import { renderOverview } from './overview.js';
import { renderPanel, renderPanelMessage, type PanelAction } from './panel.js';
import { egoScene, isFrame, overviewScene, type Scene, type SceneNode } from './scene.js';
import { setupSearch } from './search-ui.js';
import { Stage } from './stage.js';
import { FILTER_KEYS, Store, emptyFilters, initialState, matches, stateFromHash, stateToHash, type ColorBy, type Matches, type SizeBy, type ViewState } from './state.js';

interface Explorer {
  data: ExplorerData;
  store: Store;
  stage: Stage;
  matches: Matches;
  scene?: Scene;
  panelRequest?: AbortController;
  /** The item in the side panel, kept so its actions can be redrawn when the view changes. */
  panelDetail?: ItemDetail;
}

declare global {
  interface Window {
    /** Read-only automation hooks for tests and the bench. */
    siloscopeExplorer?: {
      locate(kind: 'agency' | 'application', id: string): { x: number; y: number; r: number } | null;
      state(): { mode: string; expanded: string[]; filters: Record<string, string>; nodes: number; faded: number; renderer: string };
    };
  }
}

function nodeId(data: ExplorerData, node: SceneNode): string {
  if (node.kind === 'application') return data.payload.applications.id[node.index];
  if (node.kind === 'government') return data.payload.agencies.id[data.payload.governments.agency[node.index]];
  return data.payload.agencies.id[node.index];
}

function describe(data: ExplorerData, node: SceneNode): { title: string; detail: string } {
  const depth = node.depth !== undefined ? ` · depth ${node.depth}` : '';
  if (node.kind === 'application') {
    const i = node.index;
    const f = data.appFunction[i];
    const fn = f >= 0 ? data.payload.dict.functions[f].code : 'unclassified';
    return { title: data.payload.applications.name[i], detail: `${data.payload.agencies.name[data.appAgency[i]]} · ${fn} · ${formatRupiah(data.appCost[i])}${depth}` };
  }
  const a = node.index;
  const parent = data.agencyParent[a];
  const level = `${data.payload.dict.levels[data.agencyLevel[a]] ?? ''}${parent >= 0 ? ` of ${data.payload.agencies.name[parent]}` : ''}`;
  return {
    title: data.payload.agencies.name[a],
    detail: `${level} · ${formatCount(data.appsOfAgency[a].length)} applications · silo score ${formatIndex(data.agencySilo[a])}${node.kind === 'group' ? ' · double-click to collapse' : ''}${depth}`,
  };
}

function caption(ex: Explorer): string {
  const { meta } = ex.data.payload;
  const f = ex.store.state.filters;
  const active = FILTER_KEYS.filter((k) => f[k] !== '').map((k) => `${k}=${f[k]}`);
  return `siloscope explorer · ${meta.source.path} · analysis of ${meta.generatedAt.slice(0, 10)} · filters: ${active.length > 0 ? active.join(', ') : 'none'}`;
}

function statusLine(ex: Explorer, scene: Scene): string {
  const parts: string[] = [];
  const total = scene.kind === 'ego' ? scene.apps.length : ex.data.nApps;
  parts.push(ex.matches.active ? `${formatCount(scene.matchedApps)} of ${formatCount(total)} applications match the filters` : `${formatCount(total)} applications`);
  parts.push(`${formatCount(scene.links.length)} links drawn`);
  if (scene.droppedLinks > 0) parts.push(`${formatCount(scene.droppedLinks)} weaker links not drawn`);
  if (scene.kind === 'overview') parts.push('double-click an agency to expand it');
  return parts.join(' · ');
}

function render(ex: Explorer, fit: boolean): void {
  const state = ex.store.state;
  const scene = (state.mode === 'ego' ? egoScene(ex.data, state, ex.matches) : undefined) ?? overviewScene(ex.data, state, ex.matches);
  ex.scene = scene;
  ex.stage.show(scene, fit);
  ex.stage.draw();
  renderLegend(byId('legend'), scene.legend, scene.sizeLabel);
  byId('status').textContent = statusLine(ex, scene);
  byId('view-title').textContent = scene.title;
  byId('ego-close').hidden = scene.kind !== 'ego';
  const sel = state.selected;
  (byId('ego-open') as HTMLButtonElement).disabled = !(sel && (sel.kind === 'application' || sel.kind === 'agency'));
  history.replaceState(null, '', `#${stateToHash(state)}`);
}

function focusOf(data: ExplorerData, kind: ItemKind, id: string): ViewState['ego'] | undefined {
  if (kind === 'application') {
    const index = data.appIndex.get(id);
    return index === undefined ? undefined : { kind, index };
  }
  if (kind === 'agency') {
    const index = data.agencyIndex.get(id);
    return index === undefined ? undefined : { kind, index };
  }
  return undefined;
}

function expandWith(state: ViewState, agencies: Iterable<number>): Set<number> {
  const next = new Set(state.expanded);
  for (const a of agencies) next.add(a);
  return next;
}

function panelActions(ex: Explorer, detail: ItemDetail): PanelAction[] {
  const { data, store } = ex;
  const state = store.state;
  const actions: PanelAction[] = [];
  const focus = focusOf(data, detail.kind as ItemKind, detail.id);
  if (focus) {
    actions.push({ id: 'ego', label: 'Ego network', run: () => store.update({ mode: 'ego', ego: focus }) });
  }
  if (detail.kind === 'agency' && focus) {
    const expanded = state.expanded.has(focus.index);
    actions.push({
      id: expanded ? 'collapse' : 'expand',
      label: expanded ? 'Collapse agency' : 'Expand agency',
      run: () => {
        const next = new Set(store.state.expanded);
        if (expanded) next.delete(focus.index);
        else next.add(focus.index);
        store.update({ expanded: next, mode: 'overview' });
      },
    });
  }
  if (detail.kind === 'application' && focus && state.mode === 'ego') {
    actions.push({ id: 'overview', label: 'Show in overview', run: () => showInOverview(ex, focus.index) });
  }
  if (detail.kind === 'cluster') {
    const c = data.clusterIndex.get(detail.id);
    if (c !== undefined) {
      actions.push({
        id: 'filter-cluster',
        label: 'Filter to this cluster',
        run: () => {
          const members: number[] = [];
          for (let i = 0; i < data.nApps; i++) if (data.appCluster[i] === c) members.push(data.appAgency[i]);
          store.update({ filters: { ...store.state.filters, cluster: `c:${c}` }, expanded: expandWith(store.state, members), mode: 'overview' });
        },
      });
    }
  }
  if (detail.kind === 'function') {
    const f = data.payload.dict.functions.findIndex((fn) => fn.code === detail.id);
    if (f >= 0) actions.push({ id: 'filter-function', label: 'Filter to this function', run: () => store.update({ filters: { ...store.state.filters, function: `f:${f}` } }) });
  }
  if (detail.kind === 'community') {
    actions.push({ id: 'filter-community', label: 'Filter to this community', run: () => store.update({ filters: { ...store.state.filters, community: detail.id } }) });
  }
  return actions;
}

function showPanel(ex: Explorer): void {
  if (ex.panelDetail) renderPanel(byId('panel'), ex.panelDetail, { open: (ref) => openRef(ex, ref, true), actions: (d) => panelActions(ex, d) });
}

async function loadPanel(ex: Explorer, kind: ItemKind, id: string): Promise<void> {
  const host = byId('panel');
  ex.panelRequest?.abort();
  const request = new AbortController();
  ex.panelRequest = request;
  renderPanelMessage(host, 'Loading…');
  ex.panelDetail = undefined;
  try {
    ex.panelDetail = await fetchItem(kind, id, request.signal);
    showPanel(ex);
    host.scrollTop = 0;
  } catch (error) {
    if ((error as Error).name !== 'AbortError') renderPanelMessage(host, `Could not load this item: ${(error as Error).message}`, true);
  }
}

function showInOverview(ex: Explorer, app: number): void {
  const { data, store } = ex;
  store.update({ mode: 'overview', expanded: expandWith(store.state, [data.appAgency[app]]) });
  ex.stage.centreOn(data.appX[app], data.appY[app], 12 / data.payload.layout.spacing);
}

/** Selects an item; `focus` also brings it into view (from search, the overview and panel links). */
function openRef(ex: Explorer, ref: Ref | { kind: ItemKind; id: string }, focus: boolean): void {
  const { data, store } = ex;
  const kind = ref.kind as ItemKind;
  const patch: Partial<ViewState> = { selected: { kind, id: ref.id } };
  if (focus && store.state.mode === 'overview') {
    if (kind === 'application') {
      const i = data.appIndex.get(ref.id);
      if (i !== undefined) patch.expanded = expandWith(store.state, [data.appAgency[i]]);
    } else if (kind === 'cluster') {
      const c = data.clusterIndex.get(ref.id);
      if (c !== undefined) {
        const agencies: number[] = [];
        for (let i = 0; i < data.nApps; i++) if (data.appCluster[i] === c) agencies.push(data.appAgency[i]);
        patch.expanded = expandWith(store.state, agencies.slice(0, 40));
      }
    }
  }
  store.update(patch);
  if (focus && store.state.mode === 'overview') {
    if (kind === 'application') {
      const i = data.appIndex.get(ref.id);
      if (i !== undefined) ex.stage.centreOn(data.appX[i], data.appY[i], 12 / data.payload.layout.spacing);
    } else if (kind === 'agency') {
      const a = data.agencyIndex.get(ref.id);
      if (a !== undefined) ex.stage.centreOn(data.agencyX[a], data.agencyY[a], Math.min(4, 120 / Math.max(10, data.agencyR[a])));
    }
  }
  void loadPanel(ex, kind, ref.id);
}

function setupToolbar(ex: Explorer): void {
  const { store, data } = ex;
  const color = byId<HTMLSelectElement>('color-by');
  const size = byId<HTMLSelectElement>('size-by');
  const depth = byId<HTMLSelectElement>('ego-depth');
  color.value = store.state.colorBy;
  size.value = store.state.sizeBy;
  depth.value = String(store.state.depth);
  color.addEventListener('change', () => store.update({ colorBy: color.value as ColorBy }));
  size.addEventListener('change', () => store.update({ sizeBy: size.value as SizeBy }));
  depth.addEventListener('change', () => store.update({ depth: Number(depth.value) as 1 | 2 | 3 }));
  byId('expand-all').addEventListener('click', () => store.update({ expanded: new Set(data.appsOfAgency.map((_a, i) => i)), mode: 'overview' }));
  byId('collapse-all').addEventListener('click', () => store.update({ expanded: new Set(), mode: 'overview' }));
  byId('fit').addEventListener('click', () => ex.stage.fit());
  byId('ego-open').addEventListener('click', () => {
    const sel = store.state.selected;
    const focus = sel ? focusOf(data, sel.kind, sel.id) : undefined;
    if (focus) store.update({ mode: 'ego', ego: focus });
  });
  byId('ego-close').addEventListener('click', () => store.update({ mode: 'overview' }));
  byId('filter-clear').addEventListener('click', () => store.update({ filters: emptyFilters() }));

  const current = () => {
    const scene = ex.scene!;
    const { width, height } = ex.stage.size;
    return { scene, t: ex.stage.transform, width, height };
  };
  const idOf = (n: SceneNode) => nodeId(data, n);
  byId('export-svg').addEventListener('click', () => {
    const { scene, t, width, height } = current();
    exportSvg(scene, t, width, height, caption(ex), idOf);
  });
  byId('export-png').addEventListener('click', () => {
    const { scene, t, width, height } = current();
    void exportPng(scene, t, width, height, caption(ex));
  });
  byId('export-csv').addEventListener('click', () => exportCsv(ex.scene!, selectionRows(data, ex.scene!, ex.matches)));
  byId('export-json').addEventListener('click', () => exportJson(data, ex.scene!, store.state, selectionRows(data, ex.scene!, ex.matches)));
}

async function boot(): Promise<void> {
  const stageHost = byId('stage');
  let payload;
  try {
    payload = await fetchGraph();
  } catch (error) {
    stageHost.append(h('p', { class: 'error' }, `Could not load the graph: ${(error as Error).message}`));
    return;
  }
  const data = decodeGraph(payload);
  byId('source').textContent = `${payload.meta.source.path} · ${formatCount(data.nApps)} applications · ${formatCount(data.nAgencies)} agencies · ${formatCount(data.nExchanges)} exchanges`;
  const store = new Store(stateFromHash(location.hash, initialState()));
  const ex: Explorer = { data, store, matches: matches(data, store.state.filters), stage: undefined as unknown as Stage };
  ex.stage = new Stage(stageHost, {
    onSelect: (node) => {
      if (!node) return;
      const kind = node.kind === 'application' ? 'application' : 'agency';
      openRef(ex, { kind, id: nodeId(data, node) }, false);
    },
    onOpen: (node) => {
      if (node.kind === 'application') store.update({ mode: 'ego', ego: { kind: 'application', index: node.index } });
      else if (store.state.mode === 'ego') store.update({ ego: { kind: 'agency', index: node.index } });
      else {
        const next = new Set(store.state.expanded);
        if (node.kind === 'group') next.delete(node.index);
        else next.add(node.index);
        store.update({ expanded: next });
      }
    },
    describe: (node) => describe(data, node),
    idOf: (node) => nodeId(data, node),
    onDrawn: (scene) => {
      let faded = 0;
      for (const n of scene.nodes) if (n.faded && !isFrame(n)) faded++;
      stageHost.dataset.scene = scene.kind;
      stageHost.dataset.renderer = scene.renderer;
      stageHost.dataset.nodes = String(scene.nodes.filter((n) => !isFrame(n)).length);
      stageHost.dataset.faded = String(faded);
    },
  });

  const filterBar = new FilterBar(byId('filters'), data, (key, value) => store.update({ filters: { ...store.state.filters, [key]: value } }));
  filterBar.sync(store.state.filters);
  renderOverview(byId('overview'), data, (ref) => openRef(ex, ref, true));
  const search = byId<HTMLInputElement>('search');
  setupSearch(search, byId('results'), byId('overview'), (hit: SearchHit) => openRef(ex, hit, true));
  setupToolbar(ex);
  document.addEventListener('keydown', (e) => {
    if (document.activeElement instanceof HTMLInputElement || document.activeElement instanceof HTMLSelectElement) return;
    if (e.key === '/') {
      e.preventDefault();
      search.focus();
    } else if (e.key === 'Escape' && store.state.mode === 'ego') store.update({ mode: 'overview' });
  });

  store.subscribe((state, previous) => {
    if (state.filters !== previous.filters) {
      ex.matches = matches(data, state.filters);
      filterBar.sync(state.filters);
    }
    const refit = state.mode !== previous.mode || (state.mode === 'ego' && (state.ego !== previous.ego || state.depth !== previous.depth));
    render(ex, refit);
    // The panel's actions depend on expansion and mode (Expand or Collapse, Show in overview).
    if (state.expanded !== previous.expanded || state.mode !== previous.mode) {
      const panel = byId('panel');
      const scroll = panel.scrollTop;
      showPanel(ex);
      panel.scrollTop = scroll;
    }
  });

  window.siloscopeExplorer = {
    locate: (kind, id) => {
      const index = kind === 'application' ? data.appIndex.get(id) : data.agencyIndex.get(id);
      if (index === undefined) return null;
      return ex.stage.screenPosition(kind === 'application' ? data.nAgencies + index : index) ?? null;
    },
    state: () => {
      const s = store.state;
      const scene = ex.scene;
      return {
        mode: s.mode,
        expanded: [...s.expanded].map((a) => data.payload.agencies.id[a]),
        filters: { ...s.filters },
        nodes: scene ? scene.nodes.filter((n) => !isFrame(n)).length : 0,
        faded: scene ? scene.nodes.filter((n) => n.faded && !isFrame(n)).length : 0,
        renderer: scene?.renderer ?? '',
      };
    },
  };

  render(ex, true);
  document.body.dataset.firstRenderMs = String(Math.round(performance.now()));
  document.body.dataset.ready = 'true';
  search.focus();
}

void boot();
