/**
 * Property names siloscope writes into models (and reads back), in one place so the exporter and the
 * importer cannot drift apart. Inventory fields use the inventory contract's column names, which the
 * importer's alias lookup maps back; analysis results carry the prefix "siloscope: " and are never read
 * back into an inventory (an analysis recomputes them).
 */

export const SILOSCOPE_PREFIX = 'siloscope:';

/** Marks a Grouping or WorkPackage siloscope wrote as a finding, with its kind as the value. */
export const FINDING_KIND_KEY = 'siloscope: kind';
export const FINDING_KINDS = { cluster: 'duplicate cluster', recommendation: 'recommendation' } as const;

/** Inventory fields as properties (the CSV contract's column names). */
export const FIELD_KEYS = {
  level: 'level',
  region: 'region',
  function: 'function',
  category: 'category',
  origin: 'origin',
  status: 'status',
  statusReason: 'status_reason',
  annualCost: 'annual_cost',
  users: 'users',
  url: 'url',
  platform: 'platform',
  year: 'year',
  mechanism: 'mechanism',
} as const;

/** Names of the relationships that carry ownership and stewardship in an exported model. */
export const OWNS = 'owns';
export const STEWARD = 'steward';

/** Analysis results written as properties. */
export const RESULT_KEYS = {
  siloScore: 'siloscope: silo score',
  community: 'siloscope: community',
  crossAgencyShare: 'siloscope: cross-agency exchange share',
  applications: 'siloscope: applications',
  function: 'siloscope: function',
  functionName: 'siloscope: function name',
  functionConfidence: 'siloscope: function confidence',
  cluster: 'siloscope: duplicate cluster',
  keeper: 'siloscope: keeper',
  keeperId: 'siloscope: keeper id',
  keeperReason: 'siloscope: keeper reason',
  annualCostUsed: 'siloscope: annual cost used',
  costEstimated: 'siloscope: cost estimated',
  time: 'siloscope: TIME',
  sharedPlatform: 'siloscope: shared platform',
  redundantCost: 'siloscope: redundant annual cost',
  totalCost: 'siloscope: total annual cost',
  savingsLow: 'siloscope: annual savings low',
  savingsExpected: 'siloscope: annual savings expected',
  savingsHigh: 'siloscope: annual savings high',
  confidence: 'siloscope: confidence',
  scope: 'siloscope: scope',
  recommendationKind: 'siloscope: recommendation',
  priority: 'siloscope: priority',
  wave: 'siloscope: wave',
  effort: 'siloscope: effort',
  target: 'siloscope: target',
  siloIndex: 'siloscope: silo index',
  generatedAt: 'siloscope: generated at',
  source: 'siloscope: source',
} as const;
