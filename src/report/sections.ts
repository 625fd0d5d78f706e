/**
 * Builds the report's content from one Analysis: headline figures, the duplicate clusters that waste the
 * most, silo findings per agency and government, recommendations by wave, the target state, systems vs
 * records, input warnings and the method. Nothing here recomputes an analysis: every figure is read from a
 * field of the Analysis (named next to it), and the few derived numbers (shares of redundant spend, sums of
 * a wave's savings) are sums or ratios of printed fields, so a reader can redo them by hand.
 */
import type {
  Analysis,
  AgencyMetrics,
  ApplicationResult,
  DuplicateCluster,
  InputIssue,
  Recommendation,
  SiloKind,
  StateMetrics,
  System,
} from '../types.js';
import { cell, code, muted, strong, type Block, type Cell, type KeyFigure, type Rich, type ReportDocument, type Section, type Span } from './document.js';
import type { Formatter } from './format.js';
import type { Dictionary, HeadlineKey, SiloBand, SiloPart, StateKey } from './i18n.js';
import { sanitizeSvg } from './svg.js';
import { countFindings } from '../analysis/silo-findings.js';
import { DistinctList } from '../analysis/text.js';

export interface ReportLimits {
  /** Duplicate clusters detailed, by redundant spend. */
  topClusters: number;
  /** Agencies and governments listed, by silo score. */
  topAgencies: number;
  /** Input warnings listed (all are counted). */
  warningsShown: number;
  /** Evidence items quoted per cluster. */
  evidencePerCluster: number;
  /** Names listed in one cell before "and n more". */
  namesPerCell: number;
  /** Recommendations listed per wave (all are counted and in recommendations.csv). */
  recommendationsPerWave: number;
  /** Rows of the other long tables (systems, keeper reasons); the rest is in analysis.json. */
  rowsPerTable: number;
}

export const DEFAULTS: {
  limits: ReportLimits;
  /** Upper bounds of the silo-index bands; siloscope's reading aid, not an SPBE predicate. */
  siloBands: ReadonlyArray<readonly [SiloBand, number]>;
  /** National systems whose Aplikasi Umum status is unconfirmed (domain brief), matched on a normalised name prefix. */
  unconfirmedPlatforms: ReadonlyArray<{ prefix: string; name: string }>;
} = {
  limits: {
    topClusters: 10,
    topAgencies: 10,
    warningsShown: 20,
    evidencePerCluster: 5,
    namesPerCell: 5,
    recommendationsPerWave: 20,
    rowsPerTable: 30,
  },
  siloBands: [
    ['integrated', 0.2],
    ['mostlyIntegrated', 0.4],
    ['partlySiloed', 0.6],
    ['siloed', 0.8],
    ['highlySiloed', Number.POSITIVE_INFINITY],
  ],
  unconfirmedPlatforms: [
    { prefix: 'sipd', name: 'SIPD' },
    { prefix: 'ekinerja', name: 'e-Kinerja' },
  ],
};

const SILO_KINDS: SiloKind[] = ['isolated-application', 'internal-only-application', 'manual-exchange', 'isolated-agency', 'organisational-community'];
const SILO_PARTS: SiloPart[] = ['isolation', 'insularity', 'organisationalAlignment', 'manualExchange'];

/** Indexes over the analysis, built once, to name applications, agencies and systems. */
class Names {
  private readonly agencies = new Map<string, AgencyMetrics>();
  private readonly applications = new Map<string, ApplicationResult>();
  private readonly systems = new Map<string, System>();

  constructor(analysis: Analysis) {
    // Indexed loops over these long lists: the report is built once per run, mostly by the interpreter,
    // where a for…of allocates an iterator result per item.
    const { governments, agencies, applications, systems } = analysis;
    for (let i = 0; i < governments.length; i++) this.agencies.set(governments[i]!.id, governments[i]!);
    // Agencies win over their government roll-up: same id, but the agency row holds its own name and level.
    for (let i = 0; i < agencies.length; i++) this.agencies.set(agencies[i]!.id, agencies[i]!);
    for (let i = 0; i < applications.length; i++) this.applications.set(applications[i]!.id, applications[i]!);
    for (let i = 0; i < systems.length; i++) this.systems.set(systems[i]!.id, systems[i]!);
  }

  agencyMetrics(id: string): AgencyMetrics | undefined {
    return this.agencies.get(id);
  }
  agency(id: string): string {
    return this.agencies.get(id)?.name ?? id;
  }
  governmentOf(agencyId: string): string {
    return this.agencies.get(agencyId)?.parentId ?? agencyId;
  }
  appName(id: string): string {
    return this.applications.get(id)?.name ?? id;
  }
  application(id: string): ApplicationResult | undefined {
    return this.applications.get(id);
  }
  system(id: string): System | undefined {
    return this.systems.get(id);
  }
  /** A name followed by its id, so the row can be found in analysis.json and the CSV exports. */
  app(id: string): Rich {
    const name = this.appName(id);
    return name === id ? [code(id)] : [name, muted(` (${id})`)];
  }
  /** A recommendation target may be an application, a system, an agency or a platform name. */
  target(target: string): string {
    return this.applications.get(target)?.name ?? this.systems.get(target)?.name ?? this.agencies.get(target)?.name ?? target;
  }
}

interface Context {
  analysis: Analysis;
  t: Dictionary;
  f: Formatter;
  names: Names;
  limits: ReportLimits;
}

export function buildReportDocument(
  analysis: Analysis,
  t: Dictionary,
  f: Formatter,
  charts: Record<string, string> | undefined,
  limits: ReportLimits,
): ReportDocument {
  const ctx: Context = { analysis, t, f, names: new Names(analysis), limits };
  const sections: Section[] = [headlineSection(ctx)];
  const chartBlocks = chartSection(ctx, charts);
  if (chartBlocks) sections.push(chartBlocks);
  sections.push(clusterSection(ctx), siloSection(ctx), recommendationSection(ctx), targetSection(ctx));
  if (analysis.systems.length > 0) sections.push(systemSection(ctx));
  sections.push(warningSection(ctx), methodSection(ctx));
  const meta = [
    t.generated(f.dateTime(analysis.meta.generatedAt), analysis.meta.tool, analysis.meta.version),
    t.source(analysis.meta.source.path, analysis.meta.source.format),
  ];
  return { lang: t.lang, title: t.title, meta, intro: t.intro, contentsTitle: t.contents, sections };
}

// ───────────────────────────── headline ─────────────────────────────

export function siloBand(value: number): SiloBand {
  for (const [band, upper] of DEFAULTS.siloBands) if (value < upper) return band;
  return 'highlySiloed';
}

function headlineSection({ analysis, t, f }: Context): Section {
  const s = analysis.summary;
  const figure = (key: HeadlineKey, value: string, raw: KeyFigure['raw'], extra: Partial<KeyFigure> = {}): KeyFigure => ({
    key,
    label: t.headline.label[key],
    value,
    raw,
    source: `summary.${key}`,
    ...extra,
  });
  const money = (key: 'totalAnnualCost' | 'redundantAnnualCost', detail?: string): KeyFigure =>
    figure(key, f.moneyShort(s[key]), s[key], { exact: f.money(s[key]), ...(detail ? { detail } : {}) });
  const savings = s.estimatedAnnualSavings;

  const items: KeyFigure[] = [
    figure('applications', f.count(s.applications), s.applications),
    figure('agencies', f.count(s.agencies), s.agencies),
    figure('exchanges', f.count(s.exchanges), s.exchanges),
    figure('datasets', f.count(s.datasets), s.datasets),
    analysis.siloIndex.measured === false
      ? figure('siloIndex', t.headline.siloIndexNotMeasured, s.siloIndex, { detail: t.headline.siloIndexNotMeasuredExplained })
      : figure('siloIndex', f.index(s.siloIndex), s.siloIndex, {
          detail: t.headline.siloIndexExplained(t.siloBand[siloBand(s.siloIndex)]),
        }),
    figure('duplicateClusters', f.count(s.duplicateClusters), s.duplicateClusters),
    figure('duplicateApplications', f.count(s.duplicateApplications), s.duplicateApplications),
    money('totalAnnualCost', s.estimatedCostApplications > 0 ? t.headline.estimatedCosts(f.n(s.estimatedCostApplications)) : undefined),
    money('redundantAnnualCost'),
    figure('estimatedAnnualSavings', f.savings(savings), savings, {
      exact: t.savingsRange(f.money(savings.low), f.money(savings.high), f.money(savings.expected)),
      ...(s.redundantAnnualCost > 0 ? { detail: t.headline.savingsOfRedundant(f.percent(savings.expected / s.redundantAnnualCost)) } : {}),
    }),
    figure('isolatedApplications', f.count(s.isolatedApplications), s.isolatedApplications),
    figure('automatedExchangeShare', f.percent(s.automatedExchangeShare), s.automatedExchangeShare),
  ];
  return { anchor: 'headline', title: t.section.headline, blocks: [{ type: 'figures', head: figureHead(t), items }] };
}

/** Anchor of the Charts section (only the HTML report carries it when both files are written). */
export const CHARTS_ANCHOR = 'charts';

function chartSection({ t }: Context, charts: Record<string, string> | undefined): Section | undefined {
  const blocks: Block[] = [];
  for (const [name, svg] of Object.entries(charts ?? {})) {
    const clean = sanitizeSvg(svg, `chart-${slug(name)}-`);
    if (clean) blocks.push({ type: 'chart', name, caption: t.charts.caption(name), svg: clean });
  }
  if (blocks.length === 0) return undefined;
  return { anchor: CHARTS_ANCHOR, title: t.section.charts, blocks: [{ type: 'paragraph', content: [t.charts.intro] }, ...blocks] };
}

// ───────────────────────────── duplicate clusters ─────────────────────────────

function byRedundantCost(a: DuplicateCluster, b: DuplicateCluster): number {
  return b.redundantAnnualCost - a.redundantAnnualCost || compareText(a.id, b.id);
}

function clusterSection(ctx: Context): Section {
  const { analysis, t, f, limits } = ctx;
  const clusters = firstInOrder(analysis.duplicateClusters, byRedundantCost, limits.topClusters);
  const section: Section = { anchor: 'clusters', title: t.section.clusters, blocks: [] };
  if (clusters.length === 0) {
    section.blocks.push({ type: 'paragraph', content: [t.clusters.none] });
    return section;
  }
  section.blocks.push({
    type: 'paragraph',
    content: [t.clusters.intro(f.n(clusters.length), f.n(analysis.duplicateClusters.length))],
  });
  for (const cluster of clusters) section.blocks.push(...clusterBlocks(ctx, cluster));
  return section;
}

function clusterBlocks({ t, f, names, limits }: Context, cluster: DuplicateCluster): Block[] {
  const keeper = names.application(cluster.keeper);
  const fields: Array<{ label: string; content: Rich }> = [
    { label: t.clusters.function, content: [code(cluster.function), ...(cluster.functionName ? [` ${cluster.functionName}`] : [])] },
    { label: t.clusters.scope, content: [t.clusters.scopeValue[cluster.scope]] },
  ];
  if (cluster.sharedPlatform) fields.push({ label: t.clusters.sharedPlatform, content: [cluster.sharedPlatform] });
  fields.push(
    {
      label: t.clusters.keeper,
      content: [...names.app(cluster.keeper), ...(keeper ? [', ', names.agency(keeper.agencyId)] : [])],
    },
    { label: t.clusters.keeperReason, content: [cluster.keeperReason] },
    { label: t.clusters.totalCost, content: moneyWithExact(f, cluster.totalAnnualCost) },
    { label: t.clusters.redundantCost, content: moneyWithExact(f, cluster.redundantAnnualCost) },
    { label: t.clusters.savings, content: [f.savings(cluster.estimatedAnnualSavings)] },
    { label: t.clusters.confidence, content: [f.percent(cluster.confidence)] },
  );

  // Records of the keeper's system are its adoption by other units: they stay with it, never "consolidate".
  const keeperSystem = names.application(cluster.keeper)?.systemId;
  const members: Cell[][] = cluster.applications.map((id) => {
    const app = names.application(id);
    const keeps = id === cluster.keeper || (keeperSystem !== undefined && app?.systemId === keeperSystem);
    const cost: Rich = app ? [f.moneyShort(app.annualCost), ...(app.costEstimated ? [muted(` (${t.clusters.estimatedMark})`)] : [])] : ['–'];
    return [
      cell(names.app(id)),
      cell(app ? names.agency(app.agencyId) : '–'),
      cell(cost, app?.annualCost),
      cell(keeps ? strong(t.clusters.role.keeper) : t.clusters.role.redundant),
    ];
  });
  const m = t.clusters.members;

  const evidence = [...cluster.evidence].sort((a, b) => (b.weight ?? 0) - (a.weight ?? 0));
  const quoted: Rich[] = evidence
    .slice(0, limits.evidencePerCluster)
    .map((item) => [strong(t.clusters.evidenceKind[item.kind] ?? item.kind), `: ${item.detail}`]);
  if (evidence.length > limits.evidencePerCluster) quoted.push([t.clusters.moreEvidence(f.n(evidence.length - limits.evidencePerCluster))]);

  return [
    { type: 'subheading', content: [code(cluster.id), ' ', cluster.label], anchor: `cluster-${slug(cluster.id)}` },
    { type: 'fields', items: fields },
    { type: 'table', head: [m.application, m.agency, m.cost, m.role], rows: members, numeric: [2] },
    ...(quoted.length > 0 ? [{ type: 'paragraph', content: [strong(t.clusters.evidence)] } as Block, { type: 'list', items: quoted } as Block] : []),
  ];
}

function moneyWithExact(f: Formatter, value: number): Rich {
  const short = f.moneyShort(value);
  const exact = f.money(value);
  return short === exact ? [exact] : [short, muted(` (${exact})`)];
}

// ───────────────────────────── silos ─────────────────────────────

function bySiloScore(a: AgencyMetrics, b: AgencyMetrics): number {
  return b.siloScore - a.siloScore || b.applications - a.applications || compareText(a.id, b.id);
}

function agencyTable({ t, f }: Context, agencies: AgencyMetrics[]): Block {
  const c = t.silos.columns;
  return {
    type: 'table',
    head: [c.agency, c.level, c.applications, c.isolated, c.internalOnly, c.crossAgencyShare, c.manualExchanges, c.siloScore],
    numeric: [2, 3, 4, 5, 6, 7],
    rows: agencies.map((a) => [
      cell([a.name, muted(` (${a.id})`)]),
      cell(t.level[a.level]),
      cell(f.count(a.applications), a.applications),
      cell(f.count(a.isolatedApplications), a.isolatedApplications),
      cell(f.count(a.internalOnlyApplications), a.internalOnlyApplications),
      cell(f.percent(a.crossAgencyShare), a.crossAgencyShare),
      cell(f.count(a.manualExchanges), a.manualExchanges),
      cell(f.index(a.siloScore), a.siloScore),
    ]),
  };
}

function siloSection(ctx: Context): Section {
  const { analysis, t, f, limits } = ctx;
  const s = analysis.summary;
  const blocks: Block[] = [
    {
      type: 'paragraph',
      content: [
        t.silos.isolatedSummary(f.n(s.isolatedApplications), f.n(s.applications), f.percent(s.applications > 0 ? s.isolatedApplications / s.applications : 0)),
      ],
    },
  ];
  const withApplications = (a: AgencyMetrics) => a.applications > 0;
  const agencies = firstInOrder(analysis.agencies, bySiloScore, limits.topAgencies, withApplications);
  const governments = firstInOrder(analysis.governments, bySiloScore, limits.topAgencies, withApplications);
  if (agencies.length === 0 && governments.length === 0) blocks.push({ type: 'paragraph', content: [t.silos.none] });
  if (agencies.length > 0) blocks.push({ type: 'subheading', content: [t.silos.agencies] }, agencyTable(ctx, agencies));
  if (governments.length > 0) {
    blocks.push(
      { type: 'subheading', content: [t.silos.governments] },
      { type: 'paragraph', content: [t.silos.governmentsNote] },
      agencyTable(ctx, governments),
    );
  }

  // The summary counts them (an analysis.json from before it did: counted here).
  const counts = s.siloFindings ?? countFindings(analysis.silos);
  const kinds = SILO_KINDS.filter((kind) => counts[kind] !== undefined);
  if (kinds.length > 0) {
    const c = t.silos.findingsColumns;
    blocks.push(
      { type: 'subheading', content: [t.silos.findings] },
      {
        type: 'table',
        head: [c.kind, c.count, c.agencies],
        numeric: [1, 2],
        rows: kinds.map((kind) => {
          const entry = counts[kind]!;
          return [cell(t.silos.kind[kind]), cell(f.count(entry.findings), entry.findings), cell(f.count(entry.agencies), entry.agencies)];
        }),
      },
    );
  }
  return { anchor: 'silos', title: t.section.silos, blocks };
}

// ───────────────────────────── recommendations ─────────────────────────────

function recommendationSection(ctx: Context): Section {
  const { analysis, t, f } = ctx;
  const section: Section = { anchor: 'recommendations', title: t.section.recommendations, blocks: [] };
  if (analysis.recommendations.length === 0) {
    section.blocks.push({ type: 'paragraph', content: [t.recommendations.none] });
    return section;
  }
  // Analysis order is kept inside a wave: the engine already ranks; re-sorting here would second-guess it.
  const waves = new Map<number, Recommendation[]>();
  for (const rec of analysis.recommendations) {
    const list = waves.get(rec.wave) ?? [];
    list.push(rec);
    waves.set(rec.wave, list);
  }
  section.blocks.push({
    type: 'paragraph',
    content: [t.recommendations.intro(f.n(analysis.recommendations.length), f.n(waves.size))],
  });
  for (const wave of [...waves.keys()].sort((a, b) => a - b)) section.blocks.push(...waveBlocks(ctx, wave, waves.get(wave)!));
  return section;
}

function waveBlocks({ t, f, names, limits }: Context, wave: number, all: Recommendation[]): Block[] {
  const r = t.recommendations;
  const expected = all.reduce((sum, rec) => sum + rec.estimatedAnnualSavings.expected, 0);
  const recs = all.slice(0, limits.recommendationsPerWave);
  const rows: Cell[][] = recs.map((rec) => {
    const s = rec.estimatedAnnualSavings;
    return [
      cell([code(rec.id), ...(rec.clusterId ? [' ', code(rec.clusterId)] : [])]),
      cell(r.kind[rec.kind]),
      cell(rec.title),
      cell(rec.target ? names.target(rec.target) : '–'),
      cell([f.moneyShort(s.expected), ...(s.low !== s.high ? [muted(` (${f.moneyShort(s.low)} – ${f.moneyShort(s.high)})`)] : [])], s.expected),
      cell(r.effort[rec.effort]),
      cell(f.count(rec.priority), rec.priority),
    ];
  });
  const rationale: Rich[] = recs.map((rec) => [
    code(rec.id),
    ` ${r.scope(f.n(rec.applications.length), f.n(rec.agencies.length))}: `,
    listNames(t, f, rec.applications, limits.namesPerCell, (id) => names.appName(id)),
    '. ',
    rec.rationale.join(' '),
  ]);
  const c = r.columns;
  return [
    { type: 'subheading', content: [r.wave(f.count(wave))], anchor: `wave-${wave}` },
    { type: 'paragraph', content: [r.waveSummary(f.n(all.length), f.moneyShort(expected))] },
    { type: 'table', head: [c.id, c.kind, c.title, c.target, c.savings, c.effort, c.priority], rows, numeric: [4, 6] },
    ...moreRows({ t, f }, recs.length, all.length, 'recommendations.csv'),
    { type: 'paragraph', content: [strong(r.rationale)] },
    { type: 'list', items: rationale },
  ];
}

/** The note under a truncated table: how many rows were left out and where they are. */
function moreRows({ t, f }: Pick<Context, 't' | 'f'>, shown: number, total: number, where: string): Block[] {
  return total > shown ? [{ type: 'paragraph', content: [t.moreRows(f.n(shown), f.n(total - shown), where)] }] : [];
}

/** The first `limit` items, named (only those: a recommendation may list thousands), then "and n more". */
function listNames(t: Dictionary, f: Formatter, list: string[], limit: number, name: (item: string) => string = (item) => item): string {
  let shown = '';
  for (let k = 0; k < list.length && k < limit; k++) shown += k === 0 ? name(list[k]!) : `, ${name(list[k]!)}`;
  return list.length > limit ? `${shown} ${t.listMore(f.n(list.length - limit))}` : shown;
}

// ───────────────────────────── target state ─────────────────────────────

function targetSection({ analysis, t, f }: Context): Section {
  const section: Section = { anchor: 'target', title: t.section.target, blocks: [] };
  const state = analysis.targetState;
  if (!state) {
    section.blocks.push({ type: 'paragraph', content: [t.target.none] });
    return section;
  }
  const measures: Array<[StateKey, (v: number) => string, (d: number) => string]> = [
    ['applications', f.count, (d) => f.signed(d, f.count)],
    ['annualCost', f.moneyShort, (d) => f.signed(d, f.moneyShort)],
    ['duplicateClusters', f.count, (d) => f.signed(d, f.count)],
    ['siloIndex', f.index, (d) => f.signed(d, f.index)],
    ['automatedExchangeShare', f.percent, (d) => f.signed(d, f.points)],
  ];
  const c = t.target.columns;
  const value = (metrics: StateMetrics, key: StateKey): number => metrics[key];
  section.blocks.push(
    { type: 'paragraph', content: [t.target.intro] },
    {
      type: 'table',
      head: [c.measure, c.before, c.after, c.change],
      numeric: [1, 2, 3],
      rows: measures.map(([key, format, change]) => {
        const before = value(state.before, key);
        const after = value(state.after, key);
        return [cell(t.target.measure[key]), cell(format(before), before), cell(format(after), after), cell(change(after - before), after - before)];
      }),
    },
  );
  // The simulation's assumptions are the method's assumptions too: listed once, under the method.
  if (state.assumptions.length > 0) section.blocks.push({ type: 'paragraph', content: [t.target.assumptions] });
  return section;
}

// ───────────────────────────── systems vs records ─────────────────────────────

interface DuplicatingSystem {
  government: string;
  system: System;
  counterpart: string;
  clusterId: string;
}

/**
 * A non-national system duplicates a national one when it sits in a duplicate cluster that also holds a
 * national system, or whose members include an instance of a designated shared platform.
 */
function duplicatingSystems(analysis: Analysis, names: Names): DuplicatingSystem[] {
  const found: DuplicatingSystem[] = [];
  // A row is listed once per (government, system, cluster). Inside one cluster the systems are distinct and
  // so are each system's governments: a row can only repeat under a cluster id that occurs twice, and only
  // those rows are remembered by key.
  const clusterIds = new Set<string>();
  const repeatedIds = new Set<string>();
  const clusters = analysis.duplicateClusters;
  for (let c = 0; c < clusters.length; c++) {
    const id = clusters[c]!.id;
    if (clusterIds.has(id)) repeatedIds.add(id);
    else clusterIds.add(id);
  }
  const seen = new Set<string>();
  // Record → its module, for the records of platform families' systems (a national SIPD holds thousands);
  // built on the first cluster that holds a national system.
  let moduleOf: Map<string, string> | undefined;
  for (let c = 0; c < clusters.length; c++) {
    const cluster = clusters[c]!;
    const systemIds = new DistinctList();
    if (cluster.systems !== undefined) for (let k = 0; k < cluster.systems.length; k++) systemIds.add(cluster.systems[k]!);
    for (let k = 0; k < cluster.applications.length; k++) {
      const systemId = names.application(cluster.applications[k]!)?.systemId;
      if (systemId) systemIds.add(systemId);
    }
    const systems: System[] = [];
    let nationals = 0;
    for (const id of systemIds.items) {
      const system = names.system(id);
      if (system === undefined) continue;
      systems.push(system);
      if (system.origin === 'national') nationals++;
    }
    let counterpart: string | undefined;
    if (nationals > 0) {
      moduleOf ??= recordModules(analysis);
      const modules = new Set<string>();
      for (let k = 0; k < cluster.applications.length; k++) {
        const m = moduleOf.get(cluster.applications[k]!);
        if (m !== undefined) modules.add(m);
      }
      counterpart = systems
        .filter((s) => s.origin === 'national')
        .map((s) => nameInCluster(s, modules))
        .join(', ');
    } else {
      counterpart = cluster.sharedPlatform;
      for (let k = 0; counterpart === undefined && k < cluster.applications.length; k++) counterpart = names.application(cluster.applications[k]!)?.sharedPlatform || undefined;
    }
    if (!counterpart) continue;
    const repeated = repeatedIds.has(cluster.id);
    for (let k = 0; k < systems.length; k++) {
      const system = systems[k]!;
      if (system.origin === 'national') continue;
      const governments = new DistinctList();
      for (let u = 0; u < system.usedBy.length; u++) governments.add(names.governmentOf(system.usedBy[u]!));
      for (let g = 0; g < governments.items.length; g++) {
        const government = governments.items[g]!;
        if (repeated) {
          const key = `${government}\u0000${system.id}\u0000${cluster.id}`;
          if (seen.has(key)) continue;
          seen.add(key);
        }
        found.push({ government, system, counterpart, clusterId: cluster.id });
      }
    }
  }
  // By government name, system name, cluster id: the government's name looked up once per row, not per comparison.
  const governmentName = found.map((d) => names.agency(d.government));
  const order = found.map((_, k) => k);
  order.sort(
    (a, b) =>
      compareText(governmentName[a]!, governmentName[b]!) ||
      compareText(found[a]!.system.name, found[b]!.system.name) ||
      compareText(found[a]!.clusterId, found[b]!.clusterId),
  );
  return order.map((k) => found[k]!);
}

/** Record → the platform of its module, over the platform families' systems. */
function recordModules(analysis: Analysis): Map<string, string> {
  const moduleOf = new Map<string, string>();
  for (const system of analysis.systems) {
    if (system.modules) for (const m of system.modules) for (let k = 0; k < m.records.length; k++) moduleOf.set(m.records[k]!, m.platform);
  }
  return moduleOf;
}

/**
 * A system as a cluster involves it: a platform family's system by the modules whose records are in the
 * cluster (a regional finance system duplicates SIPD Penatausahaan, not SIPD's planning module);
 * `inCluster` holds the modules (platform ids) of the cluster's records.
 */
function nameInCluster(system: System, inCluster: ReadonlySet<string>): string {
  const modules = system.modules?.filter((m) => inCluster.has(m.platform));
  return modules !== undefined && modules.length > 0 ? modules.map((m) => m.name).join(', ') : system.name;
}

function systemSection({ analysis, t, f, names, limits }: Context): Section {
  const s = t.systems;
  const national = analysis.systems.filter((system) => system.origin === 'national').sort((a, b) => b.usedBy.length - a.usedBy.length || compareText(a.name, b.name));
  const duplicating = duplicatingSystems(analysis, names);
  const duplicatingCount = new Set(duplicating.map((d) => d.system.id)).size;
  const figures: KeyFigure[] = [
    { key: 'records', label: s.records, value: f.count(analysis.summary.applications), raw: analysis.summary.applications, source: 'summary.applications' },
    { key: 'systems', label: s.distinct, value: f.count(analysis.systems.length), raw: analysis.systems.length, source: 'systems' },
    { key: 'nationalSystems', label: s.nationalAdopted, value: f.count(national.length), raw: national.length, source: 'systems[origin=national]' },
    { key: 'duplicatingSystems', label: s.duplicatingNational, value: f.count(duplicatingCount), raw: duplicatingCount, source: 'duplicateClusters[].systems' },
  ];
  const blocks: Block[] = [{ type: 'paragraph', content: [s.intro] }, { type: 'figures', head: figureHead(t), items: figures }];
  if (national.length > 0) {
    const c = s.nationalColumns;
    blocks.push(
      { type: 'subheading', content: [s.nationalTable] },
      {
        type: 'table',
        head: [c.system, c.owner, c.agencies, c.records],
        numeric: [2, 3],
        rows: national.slice(0, limits.rowsPerTable).map((system) => [
          cell([system.name, muted(` (${system.id})`), ...moduleNote(system, s.modules, f)]),
          cell(system.owner ? names.agency(system.owner) : '–'),
          cell(f.count(system.usedBy.length), system.usedBy.length),
          cell(f.count(system.records.length), system.records.length),
        ]),
      },
      ...moreRows({ t, f }, Math.min(national.length, limits.rowsPerTable), national.length, 'analysis.json'),
    );
  }
  blocks.push({ type: 'subheading', content: [s.duplicatingTable] });
  if (duplicating.length === 0) {
    blocks.push({ type: 'paragraph', content: [s.noneDuplicating] });
  } else {
    const c = s.duplicatingColumns;
    blocks.push({
      type: 'table',
      head: [t.silos.columns.agency, c.system, c.counterpart, c.cluster],
      rows: duplicating.slice(0, limits.rowsPerTable).map((d) => [
        cell(names.agency(d.government)),
        cell([d.system.name, muted(` (${s.origin[d.system.origin]})`)]),
        cell(d.counterpart),
        cell(code(d.clusterId)),
      ]),
    });
    blocks.push(...moreRows({ t, f }, Math.min(duplicating.length, limits.rowsPerTable), duplicating.length, 'analysis.json'));
  }
  blocks.push(...governmentBlocks({ analysis, t, f, names, limits }, duplicating), ...skippedRowBlocks({ analysis, t, f, names, limits }));
  return { anchor: 'systems', title: t.section.systems, blocks };
}

/**
 * The modules of a platform family's system with their records ("modules: SIPD 6, SIPD Penatausahaan 3"),
 * unless its one module is the main platform itself (the name says it all).
 */
function moduleNote(system: System, label: string, f: Formatter): Span[] {
  const modules = system.modules;
  if (modules === undefined || (modules.length === 1 && modules[0]!.platform === system.sharedPlatform)) return [];
  return [muted(` — ${label}: ${modules.map((m) => `${m.name} ${f.count(m.records.length)}`).join(', ')}`)];
}

type SkippedOutcome = 'placeholder' | 'unparseable';

function isSkippedRow(w: InputIssue): w is InputIssue & { outcome: SkippedOutcome } {
  return w.outcome === 'placeholder' || w.outcome === 'unparseable';
}

/**
 * Per government: its records (governments[].applications), distinct systems (governments[].systemsUsed),
 * the national systems its units use and its regional systems duplicating one (counted over `systems` and
 * the duplicating rows above), and its catalogue rows that were placeholders or unparseable (`warnings`
 * with that outcome, by the unit's government).
 */
function governmentBlocks({ analysis, t, f, names, limits }: Context, duplicating: DuplicatingSystem[]): Block[] {
  const national = new Map<string, Set<string>>();
  for (const system of analysis.systems) {
    if (system.origin !== 'national') continue;
    // A national system's users come in runs of one government: its set is looked up when that changes.
    let government: string | undefined;
    for (let k = 0; k < system.usedBy.length; k++) {
      const next = names.governmentOf(system.usedBy[k]!);
      if (next === government) continue;
      government = next;
      let set = national.get(government);
      if (set === undefined) national.set(government, (set = new Set<string>()));
      set.add(system.id);
    }
  }
  const duplicatingOf = new Map<string, Set<string>>();
  for (const d of duplicating) {
    const set = duplicatingOf.get(d.government) ?? new Set<string>();
    set.add(d.system.id);
    duplicatingOf.set(d.government, set);
  }
  const skipped = new Map<string, Record<SkippedOutcome, number>>();
  for (const w of analysis.warnings) {
    if (!isSkippedRow(w) || w.agencyId === undefined) continue;
    const government = names.governmentOf(w.agencyId);
    const counts = skipped.get(government) ?? { placeholder: 0, unparseable: 0 };
    counts[w.outcome]++;
    skipped.set(government, counts);
  }
  const governments = analysis.governments
    .filter((g) => g.applications > 0 || skipped.has(g.id))
    .sort((a, b) => b.applications - a.applications || compareText(a.name, b.name));
  if (governments.length === 0) return [];
  const c = t.systems.governmentColumns;
  const count = (n: number | undefined): Cell => (n === undefined ? cell('–') : cell(f.count(n), n));
  const shown = governments.slice(0, limits.rowsPerTable);
  return [
    { type: 'subheading', content: [t.systems.governmentsTable] },
    {
      type: 'table',
      head: [c.government, c.records, c.systems, c.national, c.duplicating, c.placeholders, c.unparseable],
      numeric: [1, 2, 3, 4, 5, 6],
      rows: shown.map((g) => [
        cell([g.name, muted(` (${g.id})`)]),
        count(g.applications),
        count(g.systemsUsed),
        count(national.get(g.id)?.size ?? 0),
        count(duplicatingOf.get(g.id)?.size ?? 0),
        count(skipped.get(g.id)?.placeholder ?? 0),
        count(skipped.get(g.id)?.unparseable ?? 0),
      ]),
    },
    ...moreRows({ t, f }, shown.length, governments.length, 'analysis.json'),
  ];
}

/** The catalogue rows that were placeholders or could not be read, each with its unit and why. */
function skippedRowBlocks({ analysis, t, f, names, limits }: Context): Block[] {
  const rows = analysis.warnings.filter(isSkippedRow);
  if (rows.length === 0) return analysis.warnings.some((w) => w.outcome !== undefined) ? [{ type: 'paragraph', content: [t.systems.noneSkipped] }] : [];
  const shown = rows.slice(0, limits.rowsPerTable);
  const c = t.warnings.columns;
  return [
    { type: 'subheading', content: [t.systems.skippedTable] },
    { type: 'paragraph', content: [t.systems.skippedIntro] },
    {
      type: 'table',
      head: [c.file, c.row, t.silos.columns.agency, t.systems.outcomeColumn, c.message],
      numeric: [1],
      rows: shown.map((w) => [
        cell(w.file),
        w.row !== undefined ? cell(f.count(w.row), w.row) : cell('–'),
        cell(w.agencyId !== undefined ? names.agency(w.agencyId) : '–'),
        cell(t.systems.outcome[w.outcome]),
        cell(w.message),
      ]),
    },
    ...moreRows({ t, f }, shown.length, rows.length, 'analysis.json'),
  ];
}

// ───────────────────────────── warnings ─────────────────────────────

function warningSection({ analysis, t, f, limits }: Context): Section {
  const section: Section = { anchor: 'warnings', title: t.section.warnings, blocks: [] };
  const warnings = analysis.warnings;
  if (warnings.length === 0) {
    section.blocks.push({ type: 'paragraph', content: [t.warnings.none] });
    return section;
  }
  const c = t.warnings.columns;
  const shown = warnings.slice(0, limits.warningsShown);
  section.blocks.push(
    { type: 'paragraph', content: [t.warnings.count(f.n(warnings.length))] },
    {
      type: 'table',
      head: [c.file, c.row, c.column, c.message, c.fix],
      numeric: [1],
      rows: shown.map((w: InputIssue) => [
        cell(w.file),
        w.row !== undefined ? cell(f.count(w.row), w.row) : cell('–'),
        cell(w.column ?? '–'),
        cell(w.message),
        cell(w.fix ?? '–'),
      ]),
    },
  );
  if (warnings.length > shown.length) section.blocks.push({ type: 'paragraph', content: [t.warnings.shown(f.n(shown.length))] });
  return section;
}

// ───────────────────────────── method ─────────────────────────────

function methodSection(ctx: Context): Section {
  const { analysis, t, f } = ctx;
  const m = t.method;
  const s = analysis.summary;
  const index = analysis.siloIndex;
  const blocks: Block[] = [
    { type: 'subheading', content: [m.siloIndexTitle] },
    { type: 'paragraph', content: [m.siloIndexText] },
    { type: 'code', text: index.formula },
    {
      type: 'table',
      head: [m.partsColumns.part, m.partsColumns.value, m.partsColumns.weight],
      numeric: [1, 2],
      rows: SILO_PARTS.map((part) => [cell(m.part[part]), cell(f.index(index.parts[part]), index.parts[part]), cell(f.index(index.weights[part]), index.weights[part])]),
    },
    { type: 'paragraph', content: [m.bandsText] },
    { type: 'list', items: bandItems(ctx) },
    { type: 'subheading', content: [m.duplicatesTitle] },
    { type: 'paragraph', content: [m.duplicatesText] },
    { type: 'subheading', content: [m.keeperTitle] },
  ];
  const reasons = keeperReasons(analysis.duplicateClusters);
  if (reasons.length === 0) blocks.push({ type: 'paragraph', content: [m.keeperReasonsNone] });
  else {
    blocks.push(
      { type: 'paragraph', content: [m.keeperText] },
      {
        type: 'list',
        items: reasons
          .slice(0, ctx.limits.rowsPerTable)
          .map(([reason, ids]) => [reason, muted(` (${m.clusterList(listNames(t, f, ids, ctx.limits.namesPerCell))})`)]),
      },
      ...moreRows(ctx, Math.min(reasons.length, ctx.limits.rowsPerTable), reasons.length, 'analysis.json'),
    );
  }
  blocks.push(
    { type: 'subheading', content: [m.costTitle] },
    { type: 'paragraph', content: [m.costText(f.n(s.estimatedCostApplications), f.n(s.applications))] },
    { type: 'paragraph', content: [m.redundantText] },
    { type: 'subheading', content: [m.savingsTitle] },
  );
  const r = s.redundantAnnualCost;
  const savings = s.estimatedAnnualSavings;
  blocks.push({
    type: 'paragraph',
    content: [r > 0 ? m.savingsText(f.percent(savings.low / r), f.percent(savings.expected / r), f.percent(savings.high / r)) : m.savingsNoRedundant],
  });
  const assumptions = analysis.targetState?.assumptions ?? [];
  blocks.push(
    { type: 'subheading', content: [m.assumptionsTitle] },
    assumptions.length > 0 ? { type: 'list', items: assumptions.map((a) => [a]) } : { type: 'paragraph', content: [m.assumptionsNone] },
  );
  const options = Object.entries(analysis.meta.options);
  if (options.length > 0) {
    blocks.push(
      { type: 'subheading', content: [m.optionsTitle] },
      { type: 'list', items: options.map(([key, value]) => [code(key), `: ${typeof value === 'string' ? value : JSON.stringify(value)}`]) },
    );
  }
  const unconfirmed = unconfirmedPlatforms(analysis);
  if (unconfirmed.length > 0) {
    blocks.push({ type: 'subheading', content: [m.referenceTitle] }, { type: 'list', items: unconfirmed.map((name) => [m.unconfirmedPlatform(name)]) });
  }
  return { anchor: 'method', title: t.section.method, blocks };
}

function bandItems({ t, f }: Context): Rich[] {
  let from = 0;
  return DEFAULTS.siloBands.map(([band, upper]) => {
    const range = t.method.bandRange(f.index(from), Number.isFinite(upper) ? f.index(upper) : undefined);
    from = upper;
    return [strong(t.siloBand[band]), `: ${range}`];
  });
}

/** Distinct keeper reasons, most frequent first, with the clusters that give them. */
function keeperReasons(clusters: DuplicateCluster[]): Array<[string, string[]]> {
  const byReason = new Map<string, string[]>();
  for (const cluster of clusters) {
    if (!cluster.keeperReason) continue;
    const ids = byReason.get(cluster.keeperReason) ?? [];
    ids.push(cluster.id);
    byReason.set(cluster.keeperReason, ids);
  }
  return [...byReason.entries()].sort((a, b) => b[1].length - a[1].length || compareText(a[0], b[0]));
}

/** Platforms the analysis relies on whose Aplikasi Umum status the domain brief marks unconfirmed. */
function unconfirmedPlatforms(analysis: Analysis): string[] {
  // Distinct names first: thousands of records name the same few platforms, each normalised once.
  const referenced = new Set<string>();
  const { duplicateClusters: clusters, recommendations, systems } = analysis;
  for (let c = 0; c < clusters.length; c++) if (clusters[c]!.sharedPlatform) referenced.add(clusters[c]!.sharedPlatform!);
  let last: string | undefined;
  for (let i = 0; i < analysis.applications.length; i++) {
    // Neighbouring records often name the same platform: a repeat of the previous one is not added again.
    const platform = analysis.applications[i]!.sharedPlatform;
    if (platform && platform !== last) referenced.add((last = platform));
  }
  for (let r = 0; r < recommendations.length; r++) if (recommendations[r]!.target) referenced.add(recommendations[r]!.target!);
  for (let k = 0; k < systems.length; k++) {
    const system = systems[k]!;
    if (system.sharedPlatform) referenced.add(system.sharedPlatform);
    if (system.origin === 'national') referenced.add(system.name);
  }
  const normalised = new Set<string>();
  referenced.forEach((name) => normalised.add(name.toLowerCase().replace(/[^a-z0-9]/g, '')));
  return DEFAULTS.unconfirmedPlatforms
    .filter(({ prefix }) => [...normalised].some((name) => name.startsWith(prefix)))
    .map(({ name }) => name);
}

// ───────────────────────────── helpers ─────────────────────────────

function figureHead(t: Dictionary): [string, string, string] {
  const c = t.headline.columns;
  return [c.figure, c.value, c.source];
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * `items.filter(keep).sort(order).slice(0, k)` without sorting them all: the first k kept items by
 * `order`, ties in input order as the stable sort leaves them (each item goes after those it ties with).
 */
function firstInOrder<T>(items: readonly T[], order: (a: T, b: T) => number, k: number, keep?: (item: T) => boolean): T[] {
  if (!Number.isInteger(k) || k < 0) return items.filter((item) => keep === undefined || keep(item)).sort(order).slice(0, k);
  const top: T[] = [];
  if (k === 0) return top;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (keep !== undefined && !keep(item)) continue;
    if (top.length === k && order(top[k - 1]!, item) <= 0) continue;
    let j = top.length;
    while (j > 0 && order(top[j - 1]!, item) > 0) j--;
    top.splice(j, 0, item);
    if (top.length > k) top.pop();
  }
  return top;
}

export function slug(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]+/g, '-');
}
