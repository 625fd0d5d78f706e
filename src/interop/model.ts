/**
 * The one in-memory shape of an ArchiMate model that every interop format passes through: the Open
 * Exchange Format XML and Archi's three-file CSV are both read into it and written from it, so the
 * mapping to and from an Inventory (map-model.ts, build-model.ts) exists once.
 *
 * Types use the exchange format's names ("Flow", "BusinessActor"); Archi's CSV names ("FlowRelationship")
 * are translated at the CSV boundary.
 */

/** Where a concept was read from, so a warning can point at it: `file` is `model.xml:42` or `elements.csv` with a row. */
export interface SourceLocation {
  file: string;
  row?: number;
}

export interface ModelProperty {
  key: string;
  value: string;
}

export interface ModelConcept {
  id: string;
  type: string;
  name: string;
  documentation?: string;
  properties: ModelProperty[];
  where?: SourceLocation;
}

export type ModelElement = ModelConcept;

export const ACCESS_TYPES = ['Access', 'Read', 'Write', 'ReadWrite'] as const;
export type AccessType = (typeof ACCESS_TYPES)[number];

export interface ModelRelationship extends ModelConcept {
  source: string;
  target: string;
  /** Access relationships only. */
  accessType?: AccessType;
  /** Association relationships only. */
  isDirected?: boolean;
  /** Influence relationships only. */
  modifier?: string;
}

/** An organization item: a folder with a label, holding concept or view ids and sub-folders. */
export interface ModelFolder {
  label: string;
  documentation?: string;
  items: string[];
  folders: ModelFolder[];
}

export interface RGB {
  r: number;
  g: number;
  b: number;
}

export interface ViewNode {
  id: string;
  /** The element shown; absent for a plain label. */
  elementRef?: string;
  label?: string;
  x: number;
  y: number;
  w: number;
  h: number;
  fill?: RGB;
  children: ViewNode[];
}

export interface ViewConnection {
  id: string;
  relationshipRef: string;
  source: string;
  target: string;
}

export interface ModelView {
  id: string;
  name: string;
  documentation?: string;
  viewpoint?: string;
  nodes: ViewNode[];
  connections: ViewConnection[];
}

export interface ArchiModel {
  id: string;
  name: string;
  documentation?: string;
  properties: ModelProperty[];
  elements: ModelElement[];
  relationships: ModelRelationship[];
  organizations: ModelFolder[];
  views: ModelView[];
}

/** Element types that are application components in siloscope's sense: each one becomes an application. */
export const APPLICATION_TYPES: ReadonlySet<string> = new Set(['ApplicationComponent', 'ApplicationCollaboration']);

/**
 * Application-layer elements through which two components exchange: an interface or service a component
 * offers, or a behaviour it performs. A Flow, Triggering or Serving that starts or ends at one of them is
 * an exchange of the component(s) behind it.
 */
export const APPLICATION_INTERNAL_TYPES: ReadonlySet<string> = new Set([
  'ApplicationInterface',
  'ApplicationService',
  'ApplicationFunction',
  'ApplicationProcess',
  'ApplicationInteraction',
  'ApplicationEvent',
]);

export const EXCHANGE_RELATIONSHIP_TYPES: ReadonlySet<string> = new Set(['Flow', 'Triggering', 'Serving']);

/** Archi's default top-level folders, which say which layer an element is in, never who owns it. */
export const ARCHI_TOP_FOLDERS: readonly string[] = [
  'Strategy',
  'Business',
  'Application',
  'Technology & Physical',
  'Motivation',
  'Implementation & Migration',
  'Other',
  'Relations',
  'Views',
];
