/**
 * Silo findings: the individual facts behind the silo metrics, each with the evidence a reader can check
 * against the inventory.
 *   isolated-application       an application that exchanges with no other application
 *   internal-only-application  an application that exchanges, but only with applications of its own agency
 *   manual-exchange            an exchange by hand or by file, where an API or the SPLP service bus would serve
 *   isolated-agency            an agency (or a parent government with its units) with applications but no
 *                              exchange across its border
 *   organisational-community   an exchange community of ≥ minApplications applications of which ≥ minShare
 *                              belong to one agency (or, failing that, to one parent government): integration
 *                              that follows the organisation chart
 * One finding per application, exchange, agency or community; nothing is capped.
 */
import type { AgencyMetrics, Community, Inventory, SiloFinding } from '../types.js';
import type { AppIndex } from '../graph/types.js';
import { isManualEdge, type PartitionCounts } from './silo-metrics.js';

/** How messages name things: "name (id)" for an agency id and an application index. */
export interface Names {
  agency: (id: string) => string;
  app: (i: number) => string;
}

export function namesOf(inventory: Inventory): Names {
  const agencyName = new Map(inventory.agencies.map((a) => [a.id, a.name]));
  return {
    agency: (id) => {
      const name = agencyName.get(id);
      return name === undefined || name === id ? id : `${name} (${id})`;
    },
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

export function findManualExchanges(inventory: Inventory, index: AppIndex, names: Names): SiloFinding[] {
  const findings: SiloFinding[] = [];
  for (let e = 0; e < index.src.length; e++) {
    if (!isManualEdge(index, e)) continue;
    const exchange = inventory.exchanges[index.exchangeAt[e]!]!;
    const s = index.src[e]!;
    const t = index.dst[e]!;
    const a = index.agencies.ids[index.agencyOf[s]!]!;
    const b = index.agencies.ids[index.agencyOf[t]!]!;
    const how = exchange.mechanism === 'file' ? 'by file transfer' : 'by hand';
    const evidence = [
      `mechanism: ${exchange.mechanism}`,
      `${names.app(s)} → ${names.app(t)}`,
      a === b ? `within ${names.agency(a)}` : `across agencies: ${names.agency(a)} → ${names.agency(b)}`,
    ];
    if (exchange.data) evidence.push(`data: ${exchange.data}`);
    findings.push({
      kind: 'manual-exchange',
      subject: exchange.id,
      agencyId: a,
      message: `Exchange ${exchange.id} moves data ${how}; an API or the SPLP service bus would serve`,
      evidence,
    });
  }
  return findings;
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
