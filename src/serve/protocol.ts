/**
 * What the explorer server sends the browser. Types only (no runtime code), so the browser bundle can
 * import them without pulling in anything from Node.
 *
 * The graph is columnar: one array per attribute, rows addressed by index, categorical values as indexes
 * into a dictionary (-1 = absent). A national inventory (≈25,000 applications, ≈100,000 exchanges) then
 * costs a few megabytes of JSON (about one after gzip) instead of tens, and the browser turns each column
 * into a typed array once and loops over those.
 */
import type { AgencyLevel, EvidenceItem, Mechanism, RecommendationKind, SavingsRange, SiloIndex, SiloKind, Summary } from '../types.js';

export interface FunctionEntry {
  code: string;
  /** English name from the reference taxonomy; absent for opaque codes the inventory invented. */
  name?: string;
  /** Index into `dict.sectors`. */
  sector: number;
}

export interface SectorEntry {
  /** `RAB.09`, `RAA.01`, `opaque` for codes outside the reference taxonomy. */
  code: string;
  name: string;
}

export interface GraphPayload {
  meta: {
    tool: string;
    version: string;
    generatedAt: string;
    source: { path: string; format: string };
  };
  summary: Summary;
  siloIndex: Pick<SiloIndex, 'value' | 'parts' | 'formula'>;
  dict: {
    levels: AgencyLevel[];
    regions: string[];
    sectors: SectorEntry[];
    functions: FunctionEntry[];
    statuses: string[];
    categories: string[];
    origins: string[];
    mechanisms: Array<Mechanism | 'unspecified'>;
  };
  agencies: {
    id: string[];
    name: string[];
    level: number[];
    region: number[];
    /** Index of the parent agency, -1 for none. */
    parent: number[];
    /** Index into `governments` of the government the agency belongs to (the top of its parent chain). */
    government: number[];
    siloScore: number[];
    community: number[];
    applications: number[];
    annualCost: number[];
    crossAgencyShare: number[];
    /** Layout: centre and the radius reserved for the agency (its applications fit inside when expanded). */
    x: number[];
    y: number[];
    r: number[];
  };
  applications: {
    id: string[];
    name: string[];
    agency: number[];
    function: number[];
    status: number[];
    category: number[];
    origin: number[];
    community: number[];
    cluster: number[];
    annualCost: number[];
    /** 1 when the cost was estimated by the engine (missing in the inventory). */
    costEstimated: number[];
    x: number[];
    y: number[];
  };
  /** Governments (a regency with its OPDs, a ministry alone): the circle their agencies are packed in. */
  governments: {
    /** The government's own agency. */
    agency: number[];
    /** Agencies packed in the circle. */
    members: number[];
    x: number[];
    y: number[];
    r: number[];
  };
  exchanges: {
    source: number[];
    target: number[];
    mechanism: number[];
  };
  clusters: {
    id: string[];
    label: string[];
    function: number[];
    size: number[];
    redundantAnnualCost: number[];
    confidence: number[];
    keeper: number[];
  };
  overview: {
    /** Agency indexes, most siloed first (agencies with applications only). */
    siloedAgencies: number[];
    /** Cluster indexes by redundant annual cost. */
    costlyClusters: number[];
    recommendations: Array<{ id: string; title: string; kind: RecommendationKind; wave: number; priority: number; expected: number }>;
    communities: Array<{ id: number; applications: number; agencies: number; dominantAgency: number }>;
  };
  layout: {
    /** Bounds of all agency discs, for fitting the first view. */
    minX: number;
    minY: number;
    maxX: number;
    maxY: number;
    /** Distance between neighbouring application dots inside an expanded agency. */
    spacing: number;
    /** Radial step of the sunflower spiral the dots sit on: dot k at step·√(k+½) from the centre. */
    step: number;
    minRadius: number;
  };
}

export type SearchKind = 'application' | 'agency' | 'function' | 'cluster' | 'recommendation';

export interface SearchHit {
  kind: SearchKind;
  id: string;
  label: string;
  /** Context for the hit: the owning agency, the function name, a count. */
  detail: string;
  /** Why it matched, e.g. `acronym SIMPEG = Sistem Informasi Manajemen Kepegawaian`. */
  via?: string;
  score: number;
}

export interface SearchResponse {
  query: string;
  hits: SearchHit[];
  /** Hits found before the limit cut the list. */
  total: number;
}

export interface Ref {
  kind: SearchKind | 'community';
  id: string;
  label: string;
  detail?: string;
}

export interface RecommendationBrief {
  id: string;
  kind: RecommendationKind;
  title: string;
  wave: number;
  priority: number;
  effort: 'low' | 'medium' | 'high';
  estimatedAnnualSavings: SavingsRange;
  rationale: string[];
}

export interface SiloBrief {
  kind: SiloKind;
  message: string;
  evidence: string[];
}

export interface ExchangeBrief {
  id: string;
  other: Ref;
  data?: string;
  mechanism?: Mechanism;
}

export interface ClusterBrief {
  id: string;
  label: string;
  function: string;
  functionName?: string;
  scope: 'cross-agency' | 'within-agency';
  keeper: Ref;
  keeperReason: string;
  members: Ref[];
  totalAnnualCost: number;
  redundantAnnualCost: number;
  estimatedAnnualSavings: SavingsRange;
  confidence: number;
  evidence: EvidenceItem[];
}

export interface Fact {
  label: string;
  value: string;
}

/** Everything the side panel shows for one item; each list is capped and says how many it left out. */
export interface ItemDetail {
  kind: SearchKind | 'community';
  id: string;
  title: string;
  subtitle?: string;
  facts: Fact[];
  /** Why the engine says what it says about this item (classification, cluster and silo evidence). */
  evidence: Array<{ source: string; kind: string; detail: string; weight?: number }>;
  cluster?: ClusterBrief;
  recommendations: RecommendationBrief[];
  silos: SiloBrief[];
  exchanges?: { outgoing: ExchangeBrief[]; incoming: ExchangeBrief[]; outgoingTotal: number; incomingTotal: number };
  related: Array<{ heading: string; items: Ref[]; total: number }>;
  /** A web address from the inventory, only when it is http(s). */
  url?: string;
}
