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
  // An agency's "owner: …" line, made once per agency: ten thousand isolated applications share a few thousand owners.
  const owners = new Array<string | undefined>(index.agencies.ids.length);
  for (let i = 0; i < index.ids.length; i++) {
    if (index.starts[i + 1] !== index.starts[i]) continue;
    const app = inventory.applications[i]!;
    const a = index.agencyOf[i]!;
    const none = `no exchange names ${app.id} as source or target`;
    const owner = (owners[a] ??= `owner: ${names.agency(index.agencies.ids[a]!)}`);
    // At its exact length (see findManualExchanges).
    const evidence = app.status !== undefined && app.status !== 'active' ? [none, owner, `status: ${app.status}`] : [none, owner];
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
  const { src, dst, agencyOf, mechanism, exchangeAt, exchangeIds, ids } = index;
  const agencyIds = index.agencies.ids;
  // One set of counters, cleared per pair: there are tens of thousands of pairs, most with one exchange.
  // Mechanisms are counted by code, in the order first met (the evidence lists them in that order).
  const mechanismCount = new Int32Array(MECHANISMS.length);
  const mechanismOrder: number[] = [];
  const pairs = new Map<number, number>();
  const data = new Set<string>();
  /** Agency names by agency index, looked up once each (a busy agency is in hundreds of pairs). */
  const agencyNames = new Array<string | undefined>(agencyIds.length);
  const findings: SiloFinding[] = [];
  for (let g = 0; g + 1 < groups.starts.length; g++) {
    const begin = groups.starts[g]!;
    const end = groups.starts[g + 1]!;
    const first = groups.edges[begin]!;
    // Agencies as indexes (each index has its own id), ordered by id as the subject is.
    const x = agencyOf[src[first]!]!;
    const y = agencyOf[dst[first]!]!;
    const ordered = agencyIds[x]! <= agencyIds[y]!;
    const aIndex = ordered ? x : y;
    const a = agencyIds[aIndex]!;
    const b = agencyIds[ordered ? y : x]!;
    const count = end - begin;
    const exchanges = new Array<string>(count);
    let fromA = 0;
    for (let k = begin; k < end; k++) {
      const e = groups.edges[k]!;
      exchanges[k - begin] = exchangeIds[e]!;
      const code = mechanism[e]!;
      if (mechanismCount[code]++ === 0) mechanismOrder.push(code);
      const pair = src[e]! * n + dst[e]!;
      pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
      const text = inventory.exchanges[exchangeAt[e]!]!.data;
      if (text) data.add(text);
      if (agencyOf[src[e]!] === aIndex) fromA++;
    }
    const single = mechanismOrder.length === 1;
    const how = !single ? 'by file or by hand' : MECHANISMS[mechanismOrder[0]!] === 'file' ? 'by file transfer' : 'by hand';
    const aName = (agencyNames[aIndex] ??= names.agencyName(a));
    const where = a === b ? `inside ${aName}` : `between ${aName} and ${(agencyNames[ordered ? y : x] ??= names.agencyName(b))}`;
    const what = count === 1 ? `Exchange ${exchanges[0]} ${where} moves` : `${count} exchanges ${where} move`;
    let mechanisms = single ? 'mechanism: ' : 'mechanisms: ';
    for (let m = 0; m < mechanismOrder.length; m++) {
      const code = mechanismOrder[m]!;
      mechanisms += single ? MECHANISMS[code]! : `${m > 0 ? ', ' : ''}${mechanismCount[code]} ${MECHANISMS[code]!}`;
      mechanismCount[code] = 0;
    }
    mechanismOrder.length = 0;
    const applications = `applications: ${listPairs(pairs, n, ids, shown)}`;
    const dataLine = data.size > 0 ? `data: ${listTexts(data, shown)}` : undefined;
    let evidence: string[];
    // Evidence lists made at their exact length: an array grown by push keeps room for 17 items, and
    // twenty thousand of them stay in the result.
    if (a === b) evidence = dataLine === undefined ? [mechanisms, applications] : [mechanisms, applications, dataLine];
    else {
      const forward = fromA > 0 ? `${fromA} ${a} → ${b}` : '';
      const backward = fromA < count ? `${count - fromA} ${b} → ${a}` : '';
      const direction = `direction: ${forward}${forward && backward ? ', ' : ''}${backward}`;
      evidence = dataLine === undefined ? [mechanisms, direction, applications] : [mechanisms, direction, applications, dataLine];
    }
    pairs.clear();
    data.clear();
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

/**
 * The first `shown` application pairs (keyed source · n + target, valued by their exchanges) described,
 * then how many more. Written out rather than through a describing callback: it runs once per agency pair.
 */
function listPairs(pairs: Map<number, number>, n: number, ids: readonly string[], shown: number): string {
  let out = '';
  let listed = 0;
  for (const [pair, k] of pairs) {
    if (listed === shown) break;
    const s = Math.floor(pair / n);
    out += `${listed > 0 ? ', ' : ''}${ids[s]!} → ${ids[pair - s * n]!}${k > 1 ? ` (${k})` : ''}`;
    listed++;
  }
  return pairs.size <= shown ? out : `${out} and ${pairs.size - shown} more`;
}

/** The first `shown` texts joined by "; ", then how many more. */
function listTexts(texts: Set<string>, shown: number): string {
  let out = '';
  let listed = 0;
  for (const text of texts) {
    if (listed === shown) break;
    out += listed > 0 ? `; ${text}` : text;
    listed++;
  }
  return texts.size <= shown ? out : `${out} and ${texts.size - shown} more`;
}

/** Manual and file edges grouped by unordered agency pair (CSR: group g is `edges[starts[g] .. starts[g+1])`), groups in order of first edge. */
function groupManualEdges(index: AppIndex): { starts: Int32Array; edges: Int32Array } {
  const agencies = index.agencies.ids.length;
  const { src, dst, agencyOf } = index;
  const groupOf = new Map<number, number>();
  // Manual edges and their groups in typed arrays sized for every edge: no growing number arrays.
  const manual = new Int32Array(src.length);
  const groupOfEdge = new Int32Array(src.length);
  let count = 0;
  for (let e = 0; e < src.length; e++) {
    if (!isManualEdge(index, e)) continue;
    const a = agencyOf[src[e]!]!;
    const b = agencyOf[dst[e]!]!;
    const key = a < b ? a * agencies + b : b * agencies + a;
    let g = groupOf.get(key);
    if (g === undefined) groupOf.set(key, (g = groupOf.size));
    manual[count] = e;
    groupOfEdge[count++] = g;
  }
  const starts = new Int32Array(groupOf.size + 1);
  for (let k = 0; k < count; k++) starts[groupOfEdge[k]! + 1]++;
  for (let g = 0; g < groupOf.size; g++) starts[g + 1] += starts[g]!;
  const fill = starts.slice(0, groupOf.size);
  const edges = new Int32Array(count);
  for (let k = 0; k < count; k++) edges[fill[groupOfEdge[k]!]!++] = manual[k]!;
  return { starts, edges };
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
