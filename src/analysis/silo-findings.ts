/**
 * Silo findings: the individual facts behind the silo metrics, each with the evidence a reader can check
 * against the inventory.
 *   isolated-application       an application that exchanges with no other application
 *   internal-only-application  an application that exchanges, but only with applications of its own agency
 *   manual-exchange            exchanges by hand or by file, where an API or the SPLP service bus would serve,
 *                              one finding per pair of agencies, listing every exchange id
 *   isolated-agency            an agency (or a parent government with its units) with applications but no
 *                              exchange across its border
 *   organisational-community   an exchange community of ≥ minApplications applications of which ≥ minShare
 *                              belong to one agency (or, failing that, to one parent government): integration
 *                              that follows the organisation chart
 * One finding per application, agency pair, agency or community; nothing is capped (evidence lists show
 * the first few items and count the rest; exchange ids are all kept).
 */
import { MECHANISMS, type AgencyMetrics, type Community, type Inventory, type SiloFinding, type SiloFindingCounts, type SiloKind } from '../types.js';
import type { AppIndex } from '../graph/types.js';
import { isManualEdge, type PartitionCounts } from './silo-metrics.js';

/** How messages name things: "name (id)" for an agency id and an application index; `agencyName` where the id is at hand already. */
export interface Names {
  agency: (id: string) => string;
  agencyName: (id: string) => string;
  app: (i: number) => string;
}

export function namesOf(inventory: Inventory): Names {
  const agencyName = new Map(inventory.agencies.map((a) => [a.id, a.name]));
  return {
    agency: (id) => {
      const name = agencyName.get(id);
      return name === undefined || name === id ? id : `${name} (${id})`;
    },
    agencyName: (id) => agencyName.get(id) ?? id,
    app: (i) => {
      const app = inventory.applications[i]!;
      return app.name === app.id ? app.id : `${app.name} (${app.id})`;
    },
  };
}

export function findIsolatedApplications(inventory: Inventory, index: AppIndex, names: Names): SiloFinding[] {
  const findings: SiloFinding[] = [];
  for (let i = 0; i < index.ids.length; i++) {
    if (index.starts[i + 1] !== index.starts[i]) continue;
    const app = inventory.applications[i]!;
    const evidence = [`no exchange names ${app.id} as source or target`, `owner: ${names.agency(index.agencies.ids[index.agencyOf[i]!]!)}`];
    if (app.status !== undefined && app.status !== 'active') evidence.push(`status: ${app.status}`);
    findings.push({
      kind: 'isolated-application',
      subject: app.id,
      agencyId: app.agencyId,
      message: `${names.app(i)} exchanges data with no other application`,
      evidence,
    });
  }
  return findings;
}

/** `agencyCounts` must be the agency partition's counts (its `outside` says who reaches beyond the agency). */
export function findInternalOnlyApplications(
  inventory: Inventory,
  index: AppIndex,
  agencyCounts: PartitionCounts,
  names: Names,
  partnersShown = 5,
): SiloFinding[] {
  const findings: SiloFinding[] = [];
  const { starts, neighbours } = index;
  for (let i = 0; i < index.ids.length; i++) {
    const degree = starts[i + 1]! - starts[i]!;
    if (degree === 0 || agencyCounts.outside[i]! > 0) continue;
    const partners = [...new Set(neighbours.subarray(starts[i]!, starts[i + 1]!))];
    const shown = partners.slice(0, partnersShown).map(names.app).join(', ');
    const more = partners.length > partnersShown ? ` and ${partners.length - partnersShown} more` : '';
    const app = inventory.applications[i]!;
    findings.push({
      kind: 'internal-only-application',
      subject: app.id,
      agencyId: app.agencyId,
      message: `${names.app(i)} exchanges data only inside ${names.agency(index.agencies.ids[index.agencyOf[i]!]!)}`,
      evidence: [`${degree} exchange${degree === 1 ? '' : 's'}, all with applications of the same agency`, `partners: ${shown}${more}`],
    });
  }
  return findings;
}

/**
 * One finding per pair of agencies that exchange by hand or by file (an agency with itself for exchanges
 * inside it): counts by mechanism and direction, the application pairs and data involved (ids, the first
 * `shown` of each) and every exchange id under `exchanges`. The finding's agency is the pair's main sender
 * (ties: the first id).
 */
export function findManualExchanges(inventory: Inventory, index: AppIndex, names: Names, shown = 5): SiloFinding[] {
  const groups = groupManualEdges(index);
  const n = index.ids.length;
  // One set of counters, cleared per pair: there are tens of thousands of pairs, most with one exchange.
  const mechanisms = new Map<string, number>();
  const pairs = new Map<number, number>();
  const data = new Set<string>();
  const findings: SiloFinding[] = [];
  for (let g = 0; g + 1 < groups.starts.length; g++) {
    mechanisms.clear();
    pairs.clear();
    data.clear();
    const first = groups.edges[groups.starts[g]!]!;
    const x = index.agencies.ids[index.agencyOf[index.src[first]!]!]!;
    const y = index.agencies.ids[index.agencyOf[index.dst[first]!]!]!;
    const [a, b] = x <= y ? [x, y] : [y, x];
    const exchanges: string[] = [];
    let fromA = 0;
    for (let k = groups.starts[g]!; k < groups.starts[g + 1]!; k++) {
      const e = groups.edges[k]!;
      exchanges.push(index.exchangeIds[e]!);
      const mechanism = MECHANISMS[index.mechanism[e]!]!;
      mechanisms.set(mechanism, (mechanisms.get(mechanism) ?? 0) + 1);
      const pair = index.src[e]! * n + index.dst[e]!;
      pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
      const text = inventory.exchanges[index.exchangeAt[e]!]!.data;
      if (text) data.add(text);
      if (index.agencies.ids[index.agencyOf[index.src[e]!]!] === a) fromA++;
    }
    const count = exchanges.length;
    const how = mechanisms.size > 1 ? 'by file or by hand' : mechanisms.has('file') ? 'by file transfer' : 'by hand';
    const where = a === b ? `inside ${names.agencyName(a)}` : `between ${names.agencyName(a)} and ${names.agencyName(b)}`;
    const what = count === 1 ? `Exchange ${exchanges[0]} ${where} moves` : `${count} exchanges ${where} move`;
    const evidence = [mechanisms.size === 1 ? `mechanism: ${mechanisms.keys().next().value}` : `mechanisms: ${[...mechanisms].map(([m, k]) => `${k} ${m}`).join(', ')}`];
    if (a !== b) {
      const directions = [fromA > 0 ? `${fromA} ${a} → ${b}` : '', fromA < count ? `${count - fromA} ${b} → ${a}` : ''];
      evidence.push(`direction: ${directions.filter(Boolean).join(', ')}`);
    }
    const pairText = ([pair, k]: [number, number]) => `${index.ids[Math.floor(pair / n)]!} → ${index.ids[pair % n]!}${k > 1 ? ` (${k})` : ''}`;
    evidence.push(`applications: ${listFirst(pairs, shown, pairText)}`);
    if (data.size > 0) evidence.push(`data: ${listFirst(data, shown, (text) => text, '; ')}`);
    findings.push({
      kind: 'manual-exchange',
      subject: a === b ? a : `${a}--${b}`,
      agencyId: fromA * 2 >= count ? a : b,
      message: `${what} data ${how}, not over an API or the SPLP service bus`,
      evidence,
      exchanges,
    });
  }
  return findings;
}

/** Manual and file edges grouped by unordered agency pair (CSR: group g is `edges[starts[g] .. starts[g+1])`), groups in order of first edge. */
function groupManualEdges(index: AppIndex): { starts: Int32Array; edges: Int32Array } {
  const agencies = index.agencies.ids.length;
  const groupOf = new Map<number, number>();
  const manual: number[] = [];
  const groupOfEdge: number[] = [];
  for (let e = 0; e < index.src.length; e++) {
    if (!isManualEdge(index, e)) continue;
    const a = index.agencyOf[index.src[e]!]!;
    const b = index.agencyOf[index.dst[e]!]!;
    const key = a < b ? a * agencies + b : b * agencies + a;
    let g = groupOf.get(key);
    if (g === undefined) groupOf.set(key, (g = groupOf.size));
    manual.push(e);
    groupOfEdge.push(g);
  }
  const starts = new Int32Array(groupOf.size + 1);
  for (const g of groupOfEdge) starts[g + 1]++;
  for (let g = 0; g < groupOf.size; g++) starts[g + 1] += starts[g]!;
  const fill = starts.slice(0, groupOf.size);
  const edges = new Int32Array(manual.length);
  for (let k = 0; k < manual.length; k++) edges[fill[groupOfEdge[k]!]!++] = manual[k]!;
  return { starts, edges };
}

/** The first `shown` items of a map or set, described, then how many more. */
function listFirst<T>(items: Iterable<T> & { size: number }, shown: number, describe: (item: T) => string, separator = ', '): string {
  const out: string[] = [];
  for (const entry of items) {
    if (out.length === shown) break;
    out.push(describe(entry));
  }
  return items.size <= shown ? out.join(separator) : `${out.join(separator)} and ${items.size - shown} more`;
}

/**
 * Agencies with applications and no cross-border exchange, then parent governments (only those with units,
 * as a government without units is the agency already reported) with no exchange beyond the government.
 */
export function findIsolatedAgencies(agencies: AgencyMetrics[], governments: AgencyMetrics[], unitsOf: Map<string, number>): SiloFinding[] {
  const findings: SiloFinding[] = [];
  for (const row of agencies) {
    if (row.applications === 0 || row.exchangesCrossAgency > 0) continue;
    findings.push({
      kind: 'isolated-agency',
      subject: row.id,
      agencyId: row.id,
      message: `${row.name} exchanges no data with any other agency`,
      evidence: isolatedAgencyEvidence(row, 'agency'),
    });
  }
  for (const row of governments) {
    const units = unitsOf.get(row.id) ?? 0;
    if (units === 0 || row.applications === 0 || row.exchangesCrossAgency > 0) continue;
    findings.push({
      kind: 'isolated-agency',
      subject: row.id,
      agencyId: row.id,
      message: `${row.name} with its ${units} unit${units === 1 ? '' : 's'} exchanges no data with any other government`,
      evidence: isolatedAgencyEvidence(row, 'government'),
    });
  }
  return findings;
}

function isolatedAgencyEvidence(row: AgencyMetrics, scope: 'agency' | 'government'): string[] {
  return [
    `${row.applications} application${row.applications === 1 ? '' : 's'}, ${row.exchangesInternal} exchange${row.exchangesInternal === 1 ? '' : 's'} inside the ${scope}, none across its border`,
    `${row.isolatedApplications} of its applications exchange nothing at all`,
  ];
}

export function findOrganisationalCommunities(
  communities: Community[],
  names: Pick<Names, 'agency'>,
  unitsOf: Map<string, number>,
  minShare: number,
  minApplications: number,
): SiloFinding[] {
  const findings: SiloFinding[] = [];
  for (const c of communities) {
    if (c.applications < minApplications) continue;
    const functions = c.topFunctions.length > 0 ? [`most common functions: ${c.topFunctions.join(', ')}`] : [];
    if (c.dominantAgencyShare >= minShare) {
      findings.push({
        kind: 'organisational-community',
        subject: String(c.id),
        agencyId: c.dominantAgencyId,
        message: `Exchange community ${c.id} lies within ${names.agency(c.dominantAgencyId)}: integration follows the organisation chart`,
        evidence: [
          `${Math.round(c.dominantAgencyShare * c.applications)} of ${c.applications} applications belong to ${names.agency(c.dominantAgencyId)}`,
          `${c.agencies} agenc${c.agencies === 1 ? 'y' : 'ies'} in the community`,
          ...functions,
        ],
      });
      continue;
    }
    const government = c.dominantGovernmentId;
    const share = c.dominantGovernmentShare ?? 0;
    if (government === undefined || share < minShare || (unitsOf.get(government) ?? 0) === 0) continue;
    findings.push({
      kind: 'organisational-community',
      subject: String(c.id),
      agencyId: government,
      message: `Exchange community ${c.id} lies within ${names.agency(government)} and its units: integration stops at the government border`,
      evidence: [
        `${Math.round(share * c.applications)} of ${c.applications} applications belong to ${names.agency(government)} or its units`,
        `${c.agencies} agencies in the community; the largest, ${names.agency(c.dominantAgencyId)}, holds ${Math.round(c.dominantAgencyShare * 100)} %`,
        ...functions,
      ],
    });
  }
  return findings;
}

/** Findings per kind and the distinct agencies they name, kinds in order of first finding. */
export function countFindings(silos: readonly SiloFinding[]): SiloFindingCounts {
  const agencies = new Map<SiloKind, Set<string>>();
  const counts: SiloFindingCounts = {};
  for (const finding of silos) {
    const entry = (counts[finding.kind] ??= { findings: 0, agencies: 0 });
    entry.findings++;
    let seen = agencies.get(finding.kind);
    if (seen === undefined) agencies.set(finding.kind, (seen = new Set()));
    if (finding.agencyId && !seen.has(finding.agencyId)) {
      seen.add(finding.agencyId);
      entry.agencies++;
    }
  }
  return counts;
}
