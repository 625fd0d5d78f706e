/**
 * Types of the inventory graph: the graphology object graph (for exports, the explorer and anything that
 * wants attributes) and the compact application index (typed arrays for the analyses' hot loops).
 */
import type { MultiDirectedGraph } from 'graphology';
import type { Agency, Application, Dataset, Mechanism } from '../types.js';

export type AgencyNode = Agency & { kind: 'agency'; label: string };
export type ApplicationNode = Application & { kind: 'application'; label: string };
export type DatasetNode = Dataset & { kind: 'dataset'; label: string };
export type NodeAttributes = AgencyNode | ApplicationNode | DatasetNode;

/** `owns` agency→application, `parent` unit→parent agency, `exchanges` application→application, `uses` application→dataset. */
export type EdgeAttributes =
  | { type: 'owns' }
  | { type: 'parent' }
  | { type: 'exchanges'; exchangeId: string; mechanism?: Mechanism; data?: string }
  | { type: 'uses' };

export type EdgeType = EdgeAttributes['type'];

export type InventoryGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes>;

/**
 * Applications, agencies and exchanges as dense integer indexes. Built once per inventory; every field is
 * read-only by convention (analyses never mutate it).
 *
 * Exchange edges keep only exchanges between two distinct known applications; the others are listed in
 * `ignoredExchanges`. The adjacency is undirected CSR: the neighbours of application i are
 * `neighbours[starts[i] .. starts[i+1])`, and `edgeIds[k]` is the exchange edge behind `neighbours[k]`, so
 * parallel exchanges between one pair stay distinct (a pair joined twice is not a bridge).
 */
export interface AppIndex {
  /** Application ids in inventory order; position = application index. */
  ids: string[];
  indexOf: Map<string, number>;
  /** Agency index of each application (into `agencies.ids`). */
  agencyOf: Int32Array;
  /** Agency index of each application's top-level government (a unit's parent government, else its own agency). */
  governmentOf: Int32Array;
  agencies: {
    /** Declared agencies in inventory order, then agency ids referenced by applications but never declared. */
    ids: string[];
    indexOf: Map<string, number>;
    /** How many of `ids` are declared in the inventory (the first `declared`). */
    declared: number;
    /** Parent agency index, −1 when none (or the parent is unknown). */
    parentOf: Int32Array;
    /** Top-level ancestor along `parentOf` (itself when it has no parent). */
    governmentOf: Int32Array;
  };
  /** Exchange id of each edge, and the exchange's position in `inventory.exchanges`. */
  exchangeIds: string[];
  exchangeAt: Int32Array;
  src: Int32Array;
  dst: Int32Array;
  /** Index into MECHANISMS, −1 when the inventory gives no mechanism. */
  mechanism: Int8Array;
  starts: Int32Array;
  neighbours: Int32Array;
  edgeIds: Int32Array;
  /** Exchanges left out of the edges: a self-exchange, or an endpoint that is not a known application. */
  ignoredExchanges: Array<{ id: string; reason: 'self-exchange' | 'unknown-application' }>;
}

export interface SiloGraph {
  /** The graphology graph, built on first read (see `buildGraph`). */
  readonly graph: InventoryGraph;
  index: AppIndex;
}
