/**
 * Small builders for the hand-made inventories and clusters of the spend, recommendation and target-state
 * tests: each fills the contract's required fields with plain defaults so a test states only what matters.
 */
import type { Agency, AgencyLevel, Application, DuplicateCluster, Exchange, Mechanism } from '../../src/types.js';

export function agency(id: string, level: AgencyLevel, parentId?: string): Agency {
  return { id, name: `Agency ${id}`, level, parentId, properties: {} };
}

export function app(id: string, agencyId: string, extra: Partial<Application> = {}): Application {
  return { id, agencyId, name: `App ${id}`, datasets: [], properties: {}, ...extra };
}

export function x(id: string, sourceId: string, targetId: string, mechanism: Mechanism): Exchange {
  return { id, sourceId, targetId, mechanism, properties: {} };
}

/** A duplicate cluster as the duplicates stage hands it on: costs still zero, for the spend stage to fill. */
export function cluster(id: string, applications: string[], keeper: string, extra: Partial<DuplicateCluster> = {}): DuplicateCluster {
  return {
    id,
    function: 'F',
    label: id,
    applications,
    agencies: [],
    keeper,
    keeperReason: 'most users',
    scope: 'cross-agency',
    totalAnnualCost: 0,
    redundantAnnualCost: 0,
    estimatedAnnualSavings: { low: 0, expected: 0, high: 0 },
    confidence: 0.9,
    evidence: [],
    ...extra,
  };
}
