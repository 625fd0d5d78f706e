/**
 * Silo analysis: how far the applications of a government work alone. Combines, over one application
 * index built once:
 *   - per-agency and per-government metrics and silo scores (silo-metrics.ts: exchanges inside and across
 *     the border, isolated and internal-only applications, manual exchanges, shared platforms, cost);
 *   - findings with evidence (silo-findings.ts: isolated and internal-only applications, manual exchanges,
 *     isolated agencies, communities that follow the organisation chart);
 *   - Louvain exchange communities and their alignment with agencies and governments (communities.ts);
 *   - bridges, articulation points and components of the exchange graph (structure.ts);
 *   - the national silo index (silo-index.ts).
 * Every formula is documented in the module that computes it and summed up in `siloIndex.formula`.
 * The SPBE frame: Perpres 95/2018 names "silo-silo" systems as the problem integration must end; the
 * measures follow what its evaluation asks of application integration and shared (Aplikasi Umum) use.
 */
import type { AgencyMetrics, Agency, Application, Community, GraphStructure, Inventory, SiloFinding, SiloFindingCounts, SiloIndex, SiloKind } from '../types.js';
import type { AppIndex, SiloGraph } from '../graph/types.js';
import { analyzeCommunities, dominantLabels, groupBy, type LouvainPartition } from './communities.js';
import { composeSiloIndex, SILO_INDEX_WEIGHTS, siloIndexMeasurement, siloIndexParts, type SiloIndexWeights } from './silo-index.js';
import { countByPartition, SILO_SCORE_WEIGHTS, toAgencyMetrics, type SiloScoreWeights } from './silo-metrics.js';
import {
  findInternalOnlyApplications,
  findIsolatedAgencies,
  findIsolatedApplications,
  countFindings,
  findManualExchanges,
  findOrganisationalCommunities,
  namesOf,
} from './silo-findings.js';
import { analyzeStructure } from './structure.js';

export const DEFAULTS = {
  /** Seed of Louvain's random walk: same inventory + same seed = same communities. */
  seed: 1,
  resolution: 1,
  /** An organisational community: at least this share of its applications in one agency (or government)… */
  communityMinShare: 0.9,
  /** …and at least this many applications. */
  communityMinApplications: 3,
  /** Bridges and articulation points listed (all are counted). */
  structureTop: 50,
  /** Shared platform instances until the duplicates analysis supplies designated Aplikasi Umum: common-category applications. */
  sharedApplication: (app: Application): string | undefined => (app.category === 'common' ? app.name : undefined),
};

export interface SiloOptions {
  seed?: number;
  resolution?: number;
  communityMinShare?: number;
  communityMinApplications?: number;
  structureTop?: number;
  /** Name of the shared platform (Aplikasi Umum) an application is an instance of, if any. National-origin applications always count as shared. */
  sharedApplication?: (app: Application) => string | undefined;
  weights?: { index?: Partial<SiloIndexWeights>; agency?: Partial<SiloScoreWeights> };
  /** The Louvain partition of this graph's index with this seed and resolution, when computed ahead (louvainInWorker). */
  partition?: LouvainPartition;
}

export interface SiloResult {
  siloIndex: SiloIndex;
  agencies: AgencyMetrics[];
  governments: AgencyMetrics[];
  silos: SiloFinding[];
  communities: Community[];
  structure: GraphStructure;
  applicationCommunity: Map<string, number>;
  /** NMI between exchange communities and agencies / parent governments (undefined: nothing exchanges). */
  alignment: { agency: number | undefined; government: number | undefined };
  /** Modularity of the Louvain partition (undefined: nothing exchanges). */
  modularity: number | undefined;
  /** The findings counted by kind (summary.siloFindings). */
  findingCounts: SiloFindingCounts;
  /** Applications with an isolated-application finding, and with an internal-only one, in finding order. */
  isolatedApplications: string[];
  internalOnlyApplications: string[];
}

export function analyzeSilos(inventory: Inventory, g: SiloGraph, options: SiloOptions = {}): SiloResult {
  const opts = { ...DEFAULTS, ...options };
  const indexWeights = { ...SILO_INDEX_WEIGHTS, ...options.weights?.index };
  const agencyWeights = { ...SILO_SCORE_WEIGHTS, ...options.weights?.agency };
  const { index } = g;

  const communities = analyzeCommunities(inventory, index, { seed: opts.seed, resolution: opts.resolution }, options.partition);
  const siloIndex = composeSiloIndex(
    siloIndexParts(index, communities.alignment.agency),
    indexWeights,
    agencyWeights,
    siloIndexMeasurement(inventory.exchanges.length),
  );

  const { shared, cost } = applicationFlags(inventory, opts.sharedApplication);
  const parts = index.agencies.ids.length;
  const agencyCounts = countByPartition(index, index.agencyOf, parts, shared, cost);
  const governmentCounts = countByPartition(index, index.governmentOf, parts, shared, cost);

  const declared = uniqueAgencies(inventory.agencies);
  const topLevel = declared.filter((a) => {
    const p = index.agencies.indexOf.get(a.id)!;
    return index.agencies.governmentOf[p] === p;
  });
  const agencies = toAgencyMetrics(declared, index, agencyCounts, dominantCommunity(index, index.agencyOf, communities.communityOf), agencyWeights, false);
  const governments = toAgencyMetrics(topLevel, index, governmentCounts, dominantCommunity(index, index.governmentOf, communities.communityOf), agencyWeights, true);

  const names = namesOf(inventory);
  const unitsOf = unitCounts(index);
  // concat copies each list in one go into a result of the final length; spreading 30,000 findings
  // appended them one by one.
  const silos = findIsolatedAgencies(agencies, governments, unitsOf).concat(
    findOrganisationalCommunities(communities.communities, names, unitsOf, opts.communityMinShare, opts.communityMinApplications),
    findIsolatedApplications(inventory, index, names),
    findInternalOnlyApplications(inventory, index, agencyCounts, names),
    findManualExchanges(inventory, index, names),
  );

  return {
    siloIndex,
    agencies,
    governments,
    silos,
    communities: communities.communities,
    structure: analyzeStructure(index, { top: opts.structureTop }),
    applicationCommunity: communities.applicationCommunity,
    alignment: communities.alignment,
    modularity: communities.modularity,
    findingCounts: countFindings(silos),
    isolatedApplications: subjects(silos, 'isolated-application'),
    internalOnlyApplications: subjects(silos, 'internal-only-application'),
  };
}

function subjects(silos: readonly SiloFinding[], kind: SiloKind): string[] {
  const ids: string[] = [];
  for (const finding of silos) if (finding.kind === kind) ids.push(finding.subject);
  return ids;
}

function applicationFlags(inventory: Inventory, sharedApplication: (app: Application) => string | undefined) {
  const n = inventory.applications.length;
  const shared = new Uint8Array(n);
  const cost = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const app = inventory.applications[i]!;
    shared[i] = app.origin === 'national' || sharedApplication(app) !== undefined ? 1 : 0;
    cost[i] = app.annualCost !== undefined && Number.isFinite(app.annualCost) ? app.annualCost : Number.NaN;
  }
  return { shared, cost };
}

/** Dominant community (0 = none) of each part's applications; ties go to the larger (lower-numbered) community. */
function dominantCommunity(index: AppIndex, partOf: Int32Array, communityOf: Int32Array): Int32Array {
  const zeroBased = new Int32Array(communityOf.length);
  let count = 0;
  for (let i = 0; i < communityOf.length; i++) {
    const c = communityOf[i]!;
    zeroBased[i] = c - 1;
    if (c > count) count = c;
  }
  const { label } = dominantLabels(groupBy(partOf, index.agencies.ids.length), zeroBased, count);
  // In place: the labels are this function's own array.
  for (let p = 0; p < label.length; p++) label[p]! += 1;
  return label;
}

/** Agencies whose government is another agency, counted per government id. */
function unitCounts(index: AppIndex): Map<string, number> {
  const units = new Map<string, number>();
  const { ids, governmentOf } = index.agencies;
  for (let a = 0; a < index.agencies.declared; a++) {
    const gov = governmentOf[a]!;
    if (gov !== a) units.set(ids[gov]!, (units.get(ids[gov]!) ?? 0) + 1);
  }
  return units;
}

/** The loader rejects repeated agency ids; should one slip through, the first declaration is the agency. */
function uniqueAgencies(agencies: Agency[]): Agency[] {
  const seen = new Set<string>();
  return agencies.filter((a) => (seen.has(a.id) ? false : (seen.add(a.id), true)));
}
