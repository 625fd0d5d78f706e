/**
 * The two contracts of siloscope, in one place: the Inventory (what the loaders produce from files, a
 * Neo4j store or an ArchiMate model) and the Analysis (the one JSON document every output reads).
 * Everything else imports these types; nothing downstream re-derives an analysis.
 */

// ───────────────────────────── Inventory (input) ─────────────────────────────

export const AGENCY_LEVELS = ['central', 'province', 'regency', 'city', 'unit'] as const;
export type AgencyLevel = (typeof AGENCY_LEVELS)[number];

export const CATEGORIES = ['common', 'specific'] as const;
export type Category = (typeof CATEGORIES)[number];

export const ORIGINS = ['local', 'national'] as const;
export type Origin = (typeof ORIGINS)[number];

export const APPLICATION_STATUSES = ['active', 'development', 'retired'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const MECHANISMS = ['api', 'service_bus', 'file', 'database', 'manual'] as const;
export type Mechanism = (typeof MECHANISMS)[number];

/** Columns the contract does not know, kept verbatim (header → cell text). */
export type Properties = Record<string, string>;

export interface Agency {
  id: string;
  name: string;
  level: AgencyLevel;
  region?: string;
  /** An OPD's parent government (a regency, city or province agency id). */
  parentId?: string;
  properties: Properties;
}

export interface Application {
  id: string;
  agencyId: string;
  name: string;
  description?: string;
  /** A reference code (RAB/RAA style) or any opaque code the inventory uses. */
  function?: string;
  category?: Category;
  origin?: Origin;
  status?: ApplicationStatus;
  /** Why an application is not active, when the inventory says (e.g. "Penyebab Tidak Aktif"). */
  statusReason?: string;
  /** Annual cost in IDR. */
  annualCost?: number;
  users?: number;
  url?: string;
  platform?: string;
  year?: number;
  /** Dataset ids this application keeps or uses. */
  datasets: string[];
  properties: Properties;
}

export interface Exchange {
  /** Stable id: given by the inventory or `x<row>` from the loader. */
  id: string;
  sourceId: string;
  targetId: string;
  data?: string;
  mechanism?: Mechanism;
  properties: Properties;
}

export interface Dataset {
  id: string;
  name: string;
  stewardAgencyId?: string;
  properties: Properties;
}

/** A problem found while loading: file-level ones stop the run, row-level ones skip the row or value. */
export interface InputIssue {
  level: 'error' | 'warning';
  file: string;
  /** 1-based data row as a spreadsheet user sees it (the header is row 1), when the issue is row-level. */
  row?: number;
  column?: string;
  message: string;
  /** What the user should do about it. */
  fix?: string;
  /**
   * Flat catalogues: what became of the row — `placeholder` (it names no application, e.g. "tidak ada"),
   * `unparseable` (skipped, or read with values dropped), `repaired`, `split` (one cell listed several
   * applications), `repeated` (an exact copy of an earlier row, skipped).
   */
  outcome?: 'placeholder' | 'unparseable' | 'repaired' | 'split' | 'repeated';
  /** The agency (unit) the row belongs to, when known. */
  agencyId?: string;
}

export type InventoryFormat = 'csv-folder' | 'json' | 'xlsx' | 'flat-csv' | 'flat-xlsx' | 'archimate' | 'archi-csv' | 'neo4j';

export interface Inventory {
  source: { path: string; format: InventoryFormat };
  agencies: Agency[];
  applications: Application[];
  exchanges: Exchange[];
  datasets: Dataset[];
  /** Row-level problems that were skipped; the rest of the inventory is intact. */
  warnings: InputIssue[];
}

// ───────────────────────────── Analysis (output) ─────────────────────────────

export interface SavingsRange {
  low: number;
  expected: number;
  high: number;
}

export interface Summary {
  agencies: number;
  applications: number;
  exchanges: number;
  datasets: number;
  /** National silo index in [0,1]; 0 = fully integrated, 1 = every unit an island. See `siloIndex`. */
  siloIndex: number;
  duplicateClusters: number;
  /** Applications that are members of some duplicate cluster. */
  duplicateApplications: number;
  totalAnnualCost: number;
  redundantAnnualCost: number;
  estimatedAnnualSavings: SavingsRange;
  /** Applications whose cost was missing and estimated (never counted as zero). */
  estimatedCostApplications: number;
  isolatedApplications: number;
  /** Share of exchanges that are automated (api, service_bus, database). */
  automatedExchangeShare: number;
  warnings: number;
  /**
   * The silo findings (`silos`) counted by kind: how many, and how many distinct agencies they name
   * (`agencyId`). Kinds without findings are left out. Always written by `analyze`.
   */
  siloFindings?: SiloFindingCounts;
}

export type SiloFindingCounts = Partial<Record<SiloKind, { findings: number; agencies: number }>>;

/** How the national silo index was composed; every part in [0,1], higher = more siloed. */
export interface SiloIndex {
  value: number;
  parts: {
    /** Share of applications with no exchange at all. */
    isolation: number;
    /** 1 − share of exchanges that cross agency borders (among applications that exchange). */
    insularity: number;
    /** How much communities follow organisational lines (normalised mutual information, agency vs community). */
    organisationalAlignment: number;
    /** Share of exchanges that are manual or file-based. */
    manualExchange: number;
  };
  weights: { isolation: number; insularity: number; organisationalAlignment: number; manualExchange: number };
  formula: string;
  /**
   * False when the inventory lists no exchange at all (a flat catalogue): the exchange-based parts could not
   * be measured and `value` says nothing about integration. Absent on analyses made before this field.
   */
  measured?: boolean;
  /** Why the index is not measured, when it is not. */
  note?: string;
}

export interface AgencyMetrics {
  id: string;
  name: string;
  level: AgencyLevel;
  region?: string;
  parentId?: string;
  applications: number;
  annualCost: number;
  exchangesInternal: number;
  exchangesCrossAgency: number;
  /** exchangesCrossAgency / (internal + cross), 0 when the agency exchanges nothing. */
  crossAgencyShare: number;
  isolatedApplications: number;
  /** Applications that exchange only with applications of the same agency. */
  internalOnlyApplications: number;
  manualExchanges: number;
  /** Applications that are instances of a designated shared platform (Aplikasi Umum) or national systems. */
  sharedPlatformApplications: number;
  /** Silo score in [0,1]; formula in the README and `siloIndex.formula`. */
  siloScore: number;
  /** Dominant community of the agency's applications, when any. */
  community?: number;
  /** Distinct systems used (flat catalogues: records reconciled into systems). */
  systemsUsed?: number;
}

export type SiloKind =
  | 'isolated-application'
  | 'internal-only-application'
  | 'manual-exchange'
  | 'isolated-agency'
  | 'organisational-community';

export interface SiloFinding {
  kind: SiloKind;
  /**
   * Application, agency or community id, by kind; for `manual-exchange` the agency pair `<a>--<b>` (ids
   * sorted), or the agency id alone for exchanges inside one agency.
   */
  subject: string;
  agencyId?: string;
  message: string;
  evidence: string[];
  /** `manual-exchange`: ids of every exchange the finding covers. */
  exchanges?: string[];
}

export interface Community {
  id: number;
  applications: number;
  agencies: number;
  dominantAgencyId: string;
  /** Share of the community's applications held by its dominant agency. */
  dominantAgencyShare: number;
  topFunctions: string[];
  /** Parent government holding most of the community's applications (units rolled up), and its share. */
  dominantGovernmentId?: string;
  dominantGovernmentShare?: number;
}

export interface GraphStructure {
  /** Exchanges whose removal disconnects the integrated part (undirected view). */
  bridges: Array<{ sourceId: string; targetId: string; exchangeId?: string; separates?: number }>;
  /** Applications whose loss splits the integrated part, with how many applications they cut off. */
  articulationPoints: Array<{ applicationId: string; separates: number }>;
  /** All bridges and articulation points found; the lists above keep the top ones by `separates`. */
  bridgeCount?: number;
  articulationPointCount?: number;
  /** Connected components of the exchange graph with 2+ applications. */
  components: number;
  largestComponent: number;
}

export interface EvidenceItem {
  /** e.g. given-code, acronym, keyword, url-host, dataset, neighbour, name-similarity, shared-host. */
  kind: string;
  detail: string;
  weight?: number;
}

export interface ApplicationResult {
  id: string;
  agencyId: string;
  /** The inventory name, so reports can name applications without the inventory at hand. */
  name?: string;
  /** Reference function code, `opaque:<code>` for unknown given codes, absent when unclassified. */
  function?: string;
  functionConfidence: number;
  functionEvidence: EvidenceItem[];
  community?: number;
  clusterId?: string;
  systemId?: string;
  /** Annual cost used in spend figures, and whether it was estimated. */
  annualCost: number;
  costEstimated: boolean;
  sharedPlatform?: string;
  time?: { label: 'tolerate' | 'invest' | 'migrate' | 'eliminate'; reason: string };
}

export interface DuplicateCluster {
  id: string;
  function: string;
  functionName?: string;
  label: string;
  applications: string[];
  systems?: string[];
  agencies: string[];
  keeper: string;
  keeperReason: string;
  /** 'cross-agency' when members span agencies (parent governments count as one), else 'within-agency'. */
  scope: 'cross-agency' | 'within-agency';
  sharedPlatform?: string;
  totalAnnualCost: number;
  redundantAnnualCost: number;
  estimatedAnnualSavings: SavingsRange;
  confidence: number;
  evidence: EvidenceItem[];
}

export type RecommendationKind = 'consolidate' | 'adopt-common' | 'integrate' | 'share-data' | 'retire';

export interface Recommendation {
  id: string;
  kind: RecommendationKind;
  title: string;
  applications: string[];
  agencies: string[];
  clusterId?: string;
  target?: string;
  /** Ids of existing exchanges the recommendation changes (integrate: the manual/file exchanges to move onto SPLP). */
  exchanges?: string[];
  estimatedAnnualSavings: SavingsRange;
  effort: 'low' | 'medium' | 'high';
  priority: number;
  wave: number;
  rationale: string[];
}

export interface System {
  id: string;
  name: string;
  records: string[];
  usedBy: string[];
  origin: 'national' | 'regional' | 'local';
  address?: string;
  owner?: string;
  sharedPlatform?: string;
  /** Why the records are one system: the rule that joined them and on what (a platform, an address, a name). */
  evidence?: EvidenceItem[];
  /**
   * Present on the system of a platform family (a shared platform whose modules the reference data lists
   * with `family`: SIPD and SIPD Penatausahaan): one entry per module its records use, in the family's
   * order (the main platform first) — the module's platform id and name, its function (the one its records
   * agree on, else the platform's) and which of the system's records are that module. The system itself is
   * the family's main platform (`id`, `name`, `sharedPlatform`), used by every unit that reports any module;
   * duplicate detection still sees each module apart, so a regional finance system is found beside SIPD's
   * financial-administration module. Absent on every other system.
   */
  modules?: Array<{ platform: string; name: string; function: string; records: string[] }>;
}

export interface StateMetrics {
  applications: number;
  annualCost: number;
  duplicateClusters: number;
  siloIndex: number;
  automatedExchangeShare: number;
}

export interface TargetState {
  before: StateMetrics;
  after: StateMetrics;
  assumptions: string[];
}

export interface Analysis {
  meta: {
    tool: string;
    version: string;
    generatedAt: string;
    source: { path: string; format: InventoryFormat };
    options: Record<string, unknown>;
    timingsMs: Record<string, number>;
  };
  summary: Summary;
  siloIndex: SiloIndex;
  agencies: AgencyMetrics[];
  /** Parent governments with their units rolled up (a regency and all its OPDs as one). */
  governments: AgencyMetrics[];
  silos: SiloFinding[];
  communities: Community[];
  structure: GraphStructure;
  applications: ApplicationResult[];
  systems: System[];
  duplicateClusters: DuplicateCluster[];
  recommendations: Recommendation[];
  targetState?: TargetState;
  warnings: InputIssue[];
}
