/**
 * An ArchiMate model → an Inventory. The mapping (docs/interop.md, "Import"):
 *
 * - ApplicationComponent and ApplicationCollaboration → applications; documentation → description;
 *   properties → fields by the same header aliases the CSV loader accepts (annual cost, users, status,
 *   function code, …), parsed from strings because Archi writes every value as a string; other
 *   properties are kept.
 * - The owning agency, first found of: an owner property (configurable names: agency, instansi, owner,
 *   opd, …); an Assignment, Composition or Aggregation from a BusinessActor (or an Association named
 *   "owns"/"pemilik"); the innermost organization folder whose label is not a layer or generic folder.
 *   Applications with none of these go to one agency named after the model, with a warning.
 * - BusinessActors become agencies when they own an application, steward a data object, are the parent
 *   (Composition/Aggregation) of an agency, or carry a level property.
 * - Flow, Triggering and Serving between application components → exchanges, the relationship type kept
 *   as the property `archimate_relationship` when it is not Flow. A relationship that ends at an
 *   ApplicationInterface, ApplicationService or application behaviour counts for the components behind
 *   it (Realization, Assignment, Composition, Aggregation from the component), with the property `via`.
 * - DataObject → dataset; Access from a component (or its behaviour) → the application uses/keeps it;
 *   the steward is a property, else an Association named "steward"/"walidata" from a BusinessActor, else
 *   the one agency whose applications write it.
 * - Everything else is reported in warnings, one per element type, never dropped silently; siloscope's
 *   own findings (the Groupings and WorkPackages its export writes, the "siloscope: …" properties) are
 *   derived results and skipped without a warning.
 *
 * Identifiers siloscope wrote (`id-app-…`, see ids.ts) decode back to the inventory's ids; any other
 * identifier is kept as the id.
 */
import { basename } from 'node:path';
import { InputError } from '../errors.js';
import type { Agency, AgencyLevel, Application, Dataset, Exchange, InputIssue, Inventory, InventoryFormat, Properties } from '../types.js';
import {
  aliases,
  cellName,
  cellText,
  inferLevelFromName,
  normaliseHeader,
  normaliseValueKey,
  parseCategory,
  parseCost,
  parseCount,
  parseLevel,
  parseMechanism,
  parseOrigin,
  parseStatus,
  parseYear,
  splitList,
} from '../inventory/index.js';
import { decodeId, type IdKind } from './ids.js';
import {
  APPLICATION_INTERNAL_TYPES,
  APPLICATION_TYPES,
  ARCHI_TOP_FOLDERS,
  EXCHANGE_RELATIONSHIP_TYPES,
  type ArchiModel,
  type ModelConcept,
  type ModelElement,
  type ModelFolder,
  type ModelRelationship,
  type SourceLocation,
} from './model.js';
import { FINDING_KIND_KEY, SILOSCOPE_PREFIX } from './vocabulary.js';

export interface MapModelOptions {
  /** Property names that name an application's owning agency (compared after `normaliseHeader`). */
  ownerProperties?: readonly string[];
  /** Association names that mean "owns" (actor → application) and "stewards" (actor → data object). */
  ownerRelationNames?: readonly string[];
  stewardRelationNames?: readonly string[];
  /** Folder labels that never name an owner (besides Archi's top-level layer folders). */
  genericFolders?: readonly string[];
}

const APPLICATION_FIELD_SPECS = aliases.APPLICATION_COLUMNS.filter((spec) => spec.field !== 'id' && spec.field !== 'name' && spec.field !== 'agencyId');

export const MAP_DEFAULTS: Required<MapModelOptions> = {
  ownerProperties: [
    ...aliases.APPLICATION_COLUMNS.find((spec) => spec.field === 'agencyId')!.aliases,
    'agency_name',
    'nama_instansi',
    'owning_agency',
    'owning_unit',
    'unit_pemilik',
    'pemilik_aplikasi',
  ],
  ownerRelationNames: ['owns', 'owner', 'owned by', 'pemilik', 'milik', 'memiliki', 'dimiliki'],
  stewardRelationNames: ['steward', 'stewards', 'data steward', 'walidata', 'wali data'],
  genericFolders: [
    'applications', 'application components', 'components', 'apps', 'systems', 'information systems', 'aplikasi',
    'daftar aplikasi', 'sistem informasi', 'data', 'data objects', 'actors', 'agencies', 'instansi', 'opd',
    'perangkat daerah', 'organisations', 'organizations', 'organisation', 'organization', 'unassigned', 'other',
    'lainnya', 'misc', 'miscellaneous', 'archive', 'arsip',
  ],
};

/** Relationship types that make a component stand behind an interface, service or behaviour. */
const PROVIDING = new Set(['Realization', 'Assignment', 'Composition', 'Aggregation']);
const OWNING = new Set(['Assignment', 'Composition', 'Aggregation']);
const PARENT = new Set(['Composition', 'Aggregation']);
const WRITES = new Set(['Write', 'ReadWrite']);
const MAX_NAMES_LISTED = 5;

interface Context {
  model: ArchiModel;
  file: string;
  options: Required<MapModelOptions>;
  byId: Map<string, ModelConcept>;
  warnings: InputIssue[];
  /** Concepts that ended up in the inventory or were deliberately skipped (findings): not reported. */
  used: Set<string>;
}

function warn(ctx: Context, where: SourceLocation | undefined, column: string | undefined, message: string, fix: string): void {
  ctx.warnings.push({ level: 'warning', file: where?.file ?? ctx.file, ...(where?.row !== undefined ? { row: where.row } : {}), ...(column !== undefined ? { column } : {}), message, fix });
}

function quote(text: string): string {
  return `"${text.length > 60 ? `${text.slice(0, 57)}…` : text}"`;
}

function listNames(names: string[]): string {
  const shown = names.slice(0, MAX_NAMES_LISTED).map(quote).join(', ');
  return names.length > MAX_NAMES_LISTED ? `${shown} and ${names.length - MAX_NAMES_LISTED} more` : shown;
}

// ───────────────────────────── properties ─────────────────────────────

interface SortedProperties<F extends string> {
  fields: Map<F, { key: string; value: string }>;
  rest: Properties;
}

/**
 * Split an element's properties into known fields and kept properties, by normalised key. When two
 * properties mean the same field, the alias listed first wins (as for CSV columns) and the other is kept.
 * "siloscope: …" properties are analysis results of an earlier export and are dropped.
 */
function sortProperties<F extends string>(concept: ModelConcept, lookup: Map<string, { field: F; rank: number }>): SortedProperties<F> {
  const fields = new Map<F, { key: string; value: string }>();
  const ranks = new Map<F, number>();
  const rest: Properties = {};
  const keep = (key: string, value: string): void => {
    rest[key] = rest[key] === undefined ? value : `${rest[key]}; ${value}`;
  };
  for (const { key, value } of concept.properties) {
    if (key.toLowerCase().startsWith(SILOSCOPE_PREFIX)) continue;
    const hit = lookup.get(normaliseHeader(key));
    if (!hit) {
      keep(key, value);
      continue;
    }
    const rank = ranks.get(hit.field);
    if (rank === undefined || hit.rank < rank) {
      const previous = fields.get(hit.field);
      if (previous) keep(previous.key, previous.value);
      fields.set(hit.field, { key, value });
      ranks.set(hit.field, hit.rank);
    } else keep(key, value);
  }
  return { fields, rest };
}

function lookupOf<F extends string>(specs: ReadonlyArray<{ field: F; aliases: readonly string[] }>): Map<string, { field: F; rank: number }> {
  const lookup = new Map<string, { field: F; rank: number }>();
  for (const spec of specs) spec.aliases.forEach((alias, rank) => lookup.set(alias, { field: spec.field, rank }));
  return lookup;
}

const APPLICATION_LOOKUP = lookupOf(APPLICATION_FIELD_SPECS);
const AGENCY_LOOKUP = lookupOf(aliases.AGENCY_COLUMNS.filter((spec) => spec.field === 'level' || spec.field === 'region' || spec.field === 'parentId'));
const DATASET_LOOKUP = lookupOf(aliases.DATASET_COLUMNS.filter((spec) => spec.field === 'stewardAgencyId'));

// ───────────────────────────── ids ─────────────────────────────

/** The inventory id of a concept: decoded when siloscope wrote it, else the identifier itself; unique per kind. */
class IdMap {
  private readonly ids = new Map<string, string>();
  private readonly taken = new Set<string>();

  constructor(
    private readonly kind: IdKind,
    private readonly ctx: Context,
  ) {}

  assign(concept: ModelConcept): string {
    let id = decodeId(this.kind, concept.id) ?? concept.id;
    if (this.taken.has(id)) {
      warn(this.ctx, concept.where, undefined, `identifier ${quote(concept.id)} decodes to the id ${quote(id)}, which another ${concept.type} already has; the identifier is used as the id.`, 'give the elements distinct identifiers');
      id = concept.id;
    }
    this.taken.add(id);
    this.ids.set(concept.id, id);
    return id;
  }

  get(identifier: string): string | undefined {
    return this.ids.get(identifier);
  }
}

// ───────────────────────────── relationships index ─────────────────────────────

function relationshipsByEnd(model: ArchiModel): { into: Map<string, ModelRelationship[]>; out: Map<string, ModelRelationship[]> } {
  const into = new Map<string, ModelRelationship[]>();
  const out = new Map<string, ModelRelationship[]>();
  for (const r of model.relationships) {
    (into.get(r.target) ?? into.set(r.target, []).get(r.target)!).push(r);
    (out.get(r.source) ?? out.set(r.source, []).get(r.source)!).push(r);
  }
  return { into, out };
}

function nameIs(r: ModelRelationship, names: readonly string[]): boolean {
  const key = normaliseValueKey(r.name);
  return key !== '' && names.some((n) => normaliseValueKey(n) === key);
}

/**
 * For each interface, service or application behaviour: the application components behind it, found by
 * following providing relationships from the components outward until nothing changes (a component
 * realises a service through a function it is assigned to, and so on).
 */
function providersOf(ctx: Context, isApplication: (id: string) => boolean): Map<string, Set<string>> {
  const providers = new Map<string, Set<string>>();
  const queue: string[] = [];
  for (const element of ctx.model.elements) {
    if (isApplication(element.id)) {
      providers.set(element.id, new Set([element.id]));
      queue.push(element.id);
    }
  }
  const { out } = relationshipsByEnd(ctx.model);
  while (queue.length > 0) {
    const from = queue.shift()!;
    const mine = providers.get(from)!;
    for (const r of out.get(from) ?? []) {
      const target = ctx.byId.get(r.target);
      if (!PROVIDING.has(r.type) || target === undefined || !APPLICATION_INTERNAL_TYPES.has(target.type)) continue;
      const theirs = providers.get(r.target) ?? providers.set(r.target, new Set()).get(r.target)!;
      const before = theirs.size;
      for (const p of mine) theirs.add(p);
      if (theirs.size > before) queue.push(r.target);
    }
  }
  return providers;
}

// ───────────────────────────── folders ─────────────────────────────

/** Element id → labels of the folders holding it, outermost first. */
function folderPaths(model: ArchiModel): Map<string, string[]> {
  const paths = new Map<string, string[]>();
  const walk = (folder: ModelFolder, trail: string[]): void => {
    const here = [...trail, folder.label];
    for (const item of folder.items) if (!paths.has(item)) paths.set(item, here);
    for (const sub of folder.folders) walk(sub, here);
  };
  for (const folder of model.organizations) walk(folder, []);
  return paths;
}

function ownerFolder(path: string[] | undefined, generic: Set<string>): string | undefined {
  if (!path) return undefined;
  for (let i = path.length - 1; i >= 0; i--) {
    const label = cellName(path[i]);
    if (label === undefined) continue;
    const key = normaliseValueKey(label);
    if (i === 0 && ARCHI_TOP_FOLDERS.some((top) => normaliseValueKey(top) === key)) continue;
    if (generic.has(key)) continue;
    return label;
  }
  return undefined;
}

// ───────────────────────────── agencies ─────────────────────────────

interface AgencyDraft {
  id: string;
  name: string;
  actor?: ModelElement;
}

/** Agencies referred to by actors, owner property values and folder labels, resolved by id or name. */
class AgencyRegistry {
  readonly drafts = new Map<string, AgencyDraft>();
  private readonly actorById = new Map<string, AgencyDraft>();
  private readonly byKey = new Map<string, AgencyDraft | null>();
  private readonly actorIds: IdMap;

  constructor(
    private readonly ctx: Context,
    actors: ModelElement[],
  ) {
    this.actorIds = new IdMap('ag', ctx);
    for (const actor of actors) {
      const draft: AgencyDraft = { id: this.actorIds.assign(actor), name: cellName(actor.name) ?? actor.id, actor };
      this.actorById.set(actor.id, draft);
      this.index(draft.id, draft);
      this.index(actor.id, draft);
      this.index(draft.name, draft);
    }
  }

  private index(text: string, draft: AgencyDraft): void {
    const key = normaliseValueKey(text);
    if (key === '') return;
    const existing = this.byKey.get(key);
    this.byKey.set(key, existing === undefined || existing === draft ? draft : null);
  }

  actor(identifier: string): AgencyDraft | undefined {
    return this.actorById.get(identifier);
  }

  /** An agency named by text (an owner property, a folder label): an actor by id or name, else a new agency. */
  named(text: string): AgencyDraft {
    const found = this.byKey.get(normaliseValueKey(text));
    if (found) return found;
    const draft: AgencyDraft = { id: text, name: text };
    this.index(text, draft);
    return draft;
  }

  /** An existing agency by id or name, without creating one; `undefined` when none or ambiguous. */
  find(text: string): AgencyDraft | undefined {
    return this.byKey.get(normaliseValueKey(text)) ?? undefined;
  }

  use(draft: AgencyDraft): string {
    if (!this.drafts.has(draft.id)) this.drafts.set(draft.id, draft);
    if (draft.actor) this.ctx.used.add(draft.actor.id);
    return draft.id;
  }
}

function ownerByRelationship(ctx: Context, app: ModelElement, into: Map<string, ModelRelationship[]>, out: Map<string, ModelRelationship[]>, registry: AgencyRegistry): AgencyDraft | undefined {
  const candidates: Array<{ draft: AgencyDraft; relationship: ModelRelationship }> = [];
  for (const r of into.get(app.id) ?? []) {
    const draft = registry.actor(r.source);
    if (draft && (OWNING.has(r.type) || (r.type === 'Association' && nameIs(r, ctx.options.ownerRelationNames)))) candidates.push({ draft, relationship: r });
  }
  for (const r of out.get(app.id) ?? []) {
    const draft = registry.actor(r.target);
    if (draft && r.type === 'Association' && nameIs(r, ctx.options.ownerRelationNames)) candidates.push({ draft, relationship: r });
  }
  if (candidates.length === 0) return undefined;
  const distinct = [...new Set(candidates.map((c) => c.draft))];
  for (const c of candidates) ctx.used.add(c.relationship.id);
  if (distinct.length > 1) {
    warn(ctx, app.where, undefined, `application ${quote(app.name)} is assigned to ${distinct.length} BusinessActors (${listNames(distinct.map((d) => d.name))}); the first, ${quote(distinct[0]!.name)}, is taken as its owner.`, 'keep one owning relationship per application, or set an owner property');
  }
  return distinct[0];
}

// ───────────────────────────── the mapping ─────────────────────────────

export interface MapModelInput {
  model: ArchiModel;
  source: { path: string; format: InventoryFormat };
  /** Issues found while reading the files (e.g. CSV rows that could not be read). */
  issues?: InputIssue[];
}

export function mapModelToInventory(input: MapModelInput, options: MapModelOptions = {}): Inventory {
  const opts: Required<MapModelOptions> = { ...MAP_DEFAULTS, ...options };
  const { model } = input;
  const ctx: Context = {
    model,
    file: basename(input.source.path),
    options: opts,
    byId: new Map<string, ModelConcept>(),
    warnings: [...(input.issues ?? [])],
    used: new Set(),
  };
  for (const concept of [...model.elements, ...model.relationships]) ctx.byId.set(concept.id, concept);
  skipFindings(ctx);

  const applicationElements = model.elements.filter((e) => APPLICATION_TYPES.has(e.type));
  if (applicationElements.length === 0) throw noApplications(ctx);
  const applicationSet = new Set(applicationElements.map((e) => e.id));
  const actors = model.elements.filter((e) => e.type === 'BusinessActor');
  const dataObjects = model.elements.filter((e) => e.type === 'DataObject');
  const { into, out } = relationshipsByEnd(model);
  const registry = new AgencyRegistry(ctx, actors);

  const appIds = new IdMap('app', ctx);
  const ownerOf = resolveOwners(ctx, applicationElements, registry, into, out);
  const datasetIds = new IdMap('ds', ctx);
  for (const d of dataObjects) datasetIds.assign(d);
  const providers = providersOf(ctx, (id) => applicationSet.has(id));

  const access = readAccess(ctx, providers, dataObjects);
  const applications = applicationElements.map((element) => {
    const id = appIds.assign(element);
    ctx.used.add(element.id);
    return readApplication(ctx, element, id, ownerOf.get(element.id)!, access.get(element.id) ?? [], datasetIds, dataObjects);
  });
  const datasets = readDatasets(ctx, dataObjects, datasetIds, access, ownerOf, registry, into, out);
  const agencies = readAgencies(ctx, registry, actors, into);
  const exchanges = readExchanges(ctx, providers, appIds);
  markProvidingUsed(ctx, applicationSet);
  reportUnused(ctx);

  return { source: input.source, agencies, applications, exchanges, datasets, warnings: ctx.warnings };
}

/** A model without application components is no inventory: say what it does hold. */
function noApplications(ctx: Context): InputError {
  const counts = new Map<string, number>();
  for (const e of ctx.model.elements) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
  const held = [...counts].sort((x, y) => y[1] - x[1]).map(([type, n]) => `${n} ${type}`).join(', ');
  return new InputError({
    level: 'error',
    file: ctx.file,
    message: `the model has no ApplicationComponent or ApplicationCollaboration, so there is no application to analyse (it holds ${held || 'no elements'}).`,
    fix: 'model the applications as ApplicationComponent elements, owned by BusinessActors (see docs/interop.md)',
  });
}

/** siloscope's own findings (Groupings, WorkPackages marked with its kind property) and their relationships. */
function skipFindings(ctx: Context): void {
  const findings = new Set<string>();
  for (const e of ctx.model.elements) {
    if (e.properties.some((p) => p.key === FINDING_KIND_KEY)) findings.add(e.id);
  }
  for (const id of findings) ctx.used.add(id);
  for (const r of ctx.model.relationships) if (findings.has(r.source) || findings.has(r.target)) ctx.used.add(r.id);
}

function resolveOwners(
  ctx: Context,
  applications: ModelElement[],
  registry: AgencyRegistry,
  into: Map<string, ModelRelationship[]>,
  out: Map<string, ModelRelationship[]>,
): Map<string, AgencyDraft> {
  const ownerKeys = new Set(ctx.options.ownerProperties.map(normaliseHeader));
  const generic = new Set(ctx.options.genericFolders.map(normaliseValueKey));
  const paths = folderPaths(ctx.model);
  const owners = new Map<string, AgencyDraft>();
  const orphans: ModelElement[] = [];
  for (const app of applications) {
    const property = app.properties.find((p) => ownerKeys.has(normaliseHeader(p.key)) && cellName(p.value) !== undefined);
    const folder = ownerFolder(paths.get(app.id), generic);
    const byProperty = property ? registry.named(cellName(property.value)!) : undefined;
    const byRelationship = ownerByRelationship(ctx, app, into, out, registry);
    if (byProperty && byRelationship && byProperty !== byRelationship) {
      warn(ctx, app.where, property!.key, `application ${quote(app.name)}: property "${property!.key}" names ${quote(byProperty.name)} but ${quote(byRelationship.name)} is assigned to it; the property wins.`, 'make the owner property and the owning relationship agree');
    }
    const owner = byProperty ?? byRelationship ?? (folder !== undefined ? registry.named(folder) : undefined);
    if (owner) owners.set(app.id, owner);
    else orphans.push(app);
  }
  if (orphans.length > 0) {
    const modelName = cellName(ctx.model.name) ?? ctx.file;
    const fallback = registry.find(modelName) ?? { id: modelName, name: modelName };
    for (const app of orphans) owners.set(app.id, fallback);
    warn(
      ctx,
      undefined,
      undefined,
      `${orphans.length} application(s) name no owner — no owner property, no BusinessActor assigned to them, no organisation folder naming one: ${listNames(orphans.map((a) => a.name))}; they are counted under ${quote(fallback.name)}.`,
      `add a property "agency" (or instansi, owner, opd) naming the owning agency, or an Assignment from the owning BusinessActor`,
    );
  }
  for (const owner of owners.values()) registry.use(owner);
  return owners;
}

interface AccessUse {
  dataObject: string;
  writes: boolean;
  relationship: ModelRelationship;
}

/** Application element id → the data objects it accesses, directly or through its behaviour. */
function readAccess(ctx: Context, providers: Map<string, Set<string>>, dataObjects: ModelElement[]): Map<string, AccessUse[]> {
  const isData = new Set(dataObjects.map((d) => d.id));
  const uses = new Map<string, AccessUse[]>();
  for (const r of ctx.model.relationships) {
    if (r.type !== 'Access') continue;
    const [active, passive] = isData.has(r.target) ? [r.source, r.target] : isData.has(r.source) ? [r.target, r.source] : [undefined, undefined];
    if (active === undefined || passive === undefined) continue;
    const apps = providers.get(active);
    if (!apps || apps.size === 0) continue;
    ctx.used.add(r.id);
    if (!APPLICATION_TYPES.has(ctx.byId.get(active)?.type ?? '')) ctx.used.add(active);
    for (const app of apps) {
      const list = uses.get(app) ?? uses.set(app, []).get(app)!;
      list.push({ dataObject: passive, writes: WRITES.has(r.accessType ?? 'Access'), relationship: r });
    }
  }
  return uses;
}

function readApplication(
  ctx: Context,
  element: ModelElement,
  id: string,
  owner: AgencyDraft,
  uses: AccessUse[],
  datasetIds: IdMap,
  dataObjects: ModelElement[],
): Application {
  const { fields, rest } = sortProperties(element, APPLICATION_LOOKUP);
  const ownerKeys = new Set(ctx.options.ownerProperties.map(normaliseHeader));
  for (const key of Object.keys(rest)) if (ownerKeys.has(normaliseHeader(key))) delete rest[key];
  const name = cellName(element.name);
  if (name === undefined) warn(ctx, element.where, 'name', `${element.type} ${quote(element.id)} has no name; its identifier is used.`, 'name the element');
  const app: Application = { id, agencyId: owner.id, name: name ?? element.id, datasets: [], properties: rest };
  const documentation = cellText(element.documentation);
  const describedBy = fields.get('description');
  if (documentation !== undefined && describedBy) rest[describedBy.key] = describedBy.value;
  const description = documentation ?? cellText(describedBy?.value);
  if (description !== undefined) app.description = description;
  const text = (field: 'function' | 'statusReason' | 'url' | 'platform'): void => {
    const value = cellText(fields.get(field)?.value);
    if (value !== undefined) app[field] = value;
  };
  text('function');
  text('statusReason');
  text('url');
  text('platform');
  const parsed = <K extends 'category' | 'origin' | 'status' | 'annualCost' | 'users' | 'year'>(
    field: K,
    parse: (raw: string) => Application[K] | null | undefined,
    expected: string,
  ): void => {
    const given = fields.get(field);
    if (!given) return;
    const value = parse(given.value);
    if (value === null) {
      warn(ctx, element.where, given.key, `application ${quote(app.name)}: ${quote(given.value)} is not ${expected}; it is kept as a property only.`, `write ${expected}`);
      rest[given.key] = given.value;
    } else if (value !== undefined) app[field] = value;
  };
  parsed('category', parseCategory, 'a category (common/umum or specific/khusus)');
  parsed('origin', parseOrigin, 'an origin (local/lokal or national/pusat)');
  parsed('status', parseStatus, 'a status (active/aktif, development/pengembangan, retired/tidak aktif)');
  parsed('annualCost', parseCost, 'an amount in rupiah (e.g. "Rp 1.500.000" or "1500000")');
  parsed('users', parseCount, 'a whole number of users');
  parsed('year', parseYear, 'a year between 1900 and 2100');
  const datasets = new Set<string>();
  for (const use of uses) datasets.add(datasetIds.get(use.dataObject)!);
  const listed = fields.get('datasets');
  if (listed) {
    const byName = new Map(dataObjects.map((d) => [normaliseValueKey(d.name), datasetIds.get(d.id)!]));
    for (const item of splitList(listed.value)) {
      const found = datasetIds.get(item) ?? (dataObjects.some((d) => decodeId('ds', d.id) === item) ? item : undefined) ?? byName.get(normaliseValueKey(item));
      if (found !== undefined) datasets.add(found);
      else warn(ctx, element.where, listed.key, `application ${quote(app.name)} lists dataset ${quote(item)}, which is no DataObject in the model; it is ignored.`, 'add the DataObject, or an Access relationship from the application');
    }
  }
  app.datasets = [...datasets];
  return app;
}

function readDatasets(
  ctx: Context,
  dataObjects: ModelElement[],
  ids: IdMap,
  access: Map<string, AccessUse[]>,
  ownerOf: Map<string, AgencyDraft>,
  registry: AgencyRegistry,
  into: Map<string, ModelRelationship[]>,
  out: Map<string, ModelRelationship[]>,
): Dataset[] {
  const writers = new Map<string, Set<AgencyDraft>>();
  for (const [app, uses] of access) {
    for (const use of uses) if (use.writes) (writers.get(use.dataObject) ?? writers.set(use.dataObject, new Set()).get(use.dataObject)!).add(ownerOf.get(app)!);
  }
  return dataObjects.map((element) => {
    ctx.used.add(element.id);
    const { fields, rest } = sortProperties(element, DATASET_LOOKUP);
    const dataset: Dataset = { id: ids.get(element.id)!, name: cellName(element.name) ?? element.id, properties: rest };
    const steward = stewardOf(ctx, element, fields.get('stewardAgencyId'), registry, into, out) ?? soleWriter(writers.get(element.id));
    if (steward) dataset.stewardAgencyId = registry.use(steward);
    return dataset;
  });
}

function stewardOf(
  ctx: Context,
  element: ModelElement,
  property: { key: string; value: string } | undefined,
  registry: AgencyRegistry,
  into: Map<string, ModelRelationship[]>,
  out: Map<string, ModelRelationship[]>,
): AgencyDraft | undefined {
  const text = cellName(property?.value);
  if (text !== undefined) {
    const found = registry.find(text);
    if (found) return found;
    warn(ctx, element.where, property!.key, `data object ${quote(element.name)} names steward ${quote(text)}, which is no agency in the model; the steward is left empty.`, 'name a BusinessActor of the model by its name or identifier');
  }
  for (const r of [...(into.get(element.id) ?? []), ...(out.get(element.id) ?? [])]) {
    const other = r.source === element.id ? r.target : r.source;
    const draft = registry.actor(other);
    if (draft && r.type === 'Association' && nameIs(r, ctx.options.stewardRelationNames)) {
      ctx.used.add(r.id);
      return draft;
    }
  }
  return undefined;
}

function soleWriter(writers: Set<AgencyDraft> | undefined): AgencyDraft | undefined {
  return writers && writers.size === 1 ? [...writers][0] : undefined;
}

function readAgencies(ctx: Context, registry: AgencyRegistry, actors: ModelElement[], into: Map<string, ModelRelationship[]>): Agency[] {
  const parentOf = new Map<string, AgencyDraft>();
  for (const actor of actors) {
    const parentRel = (into.get(actor.id) ?? []).find((r) => PARENT.has(r.type) && registry.actor(r.source) !== undefined);
    if (parentRel) parentOf.set(actor.id, registry.actor(parentRel.source)!);
  }
  // An actor with a level property is an agency by declaration; a parent of an agency is one too.
  const levelKeys = aliases.AGENCY_COLUMNS.find((spec) => spec.field === 'level')!.aliases;
  for (const actor of actors) if (actor.properties.some((p) => levelKeys.includes(normaliseHeader(p.key)))) registry.use(registry.actor(actor.id)!);
  for (let changed = true; changed; ) {
    changed = false;
    for (const draft of [...registry.drafts.values()]) {
      const parent = draft.actor ? parentOf.get(draft.actor.id) : undefined;
      if (parent && !registry.drafts.has(parent.id)) {
        registry.use(parent);
        changed = true;
      }
    }
  }
  const ordered = [
    ...actors.map((a) => registry.actor(a.id)!).filter((d) => registry.drafts.get(d.id) === d),
    ...[...registry.drafts.values()].filter((d) => !d.actor),
  ];
  const undeclared: string[] = [];
  const agencies = ordered.map((draft) => {
    const agency = readAgency(ctx, draft, registry, parentOf, undeclared);
    return agency;
  });
  if (undeclared.length > 0) {
    warn(ctx, undefined, 'level', `${undeclared.length} agency(ies) have no level and their names do not tell one: ${listNames(undeclared)}; they are taken as "unit".`, 'add a property "level" (central, province, regency, city or unit) to each BusinessActor');
  }
  return agencies;
}

function readAgency(ctx: Context, draft: AgencyDraft, registry: AgencyRegistry, parentOf: Map<string, AgencyDraft>, undeclared: string[]): Agency {
  const element = draft.actor;
  const { fields, rest } = element ? sortProperties(element, AGENCY_LOOKUP) : { fields: new Map<string, { key: string; value: string }>(), rest: {} };
  let level: AgencyLevel | undefined;
  const levelProperty = fields.get('level');
  if (levelProperty) {
    const parsed = parseLevel(levelProperty.value);
    if (parsed) level = parsed;
    else warn(ctx, element?.where, levelProperty.key, `agency ${quote(draft.name)}: ${quote(levelProperty.value)} is not a known level.`, 'use central, province, regency, city or unit (or pusat, provinsi, kabupaten, kota, opd)');
  }
  level ??= inferLevelFromName(draft.name);
  if (level === undefined) {
    undeclared.push(draft.name);
    level = 'unit';
  }
  const agency: Agency = { id: draft.id, name: draft.name, level, properties: rest };
  const region = cellText(fields.get('region')?.value);
  if (region !== undefined) agency.region = region;
  const parentText = cellName(fields.get('parentId')?.value);
  const parent = parentText !== undefined ? registry.find(parentText) : element ? parentOf.get(element.id) : undefined;
  if (parentText !== undefined && !parent) {
    warn(ctx, element?.where, fields.get('parentId')!.key, `agency ${quote(draft.name)} names parent ${quote(parentText)}, which is no agency in the model; it is left without a parent.`, 'name the parent BusinessActor by its name or identifier');
  }
  if (parent && parent.id !== draft.id && registry.drafts.has(parent.id)) {
    agency.parentId = parent.id;
    if (element) for (const r of ctx.model.relationships) if (r.target === element.id && r.source === parent.actor?.id && PARENT.has(r.type)) ctx.used.add(r.id);
  }
  return agency;
}

function readExchanges(ctx: Context, providers: Map<string, Set<string>>, appIds: IdMap): Exchange[] {
  const exchanges: Exchange[] = [];
  const lookup = lookupOf(aliases.EXCHANGE_COLUMNS.filter((spec) => spec.field === 'mechanism' || spec.field === 'data'));
  for (const r of ctx.model.relationships) {
    if (!EXCHANGE_RELATIONSHIP_TYPES.has(r.type)) continue;
    const from = providers.get(r.source);
    const to = providers.get(r.target);
    if (!from || !to || from.size === 0 || to.size === 0) continue;
    const pairs: Array<[string, string]> = [];
    for (const s of from) for (const t of to) if (s !== t) pairs.push([s, t]);
    if (pairs.length === 0) continue;
    ctx.used.add(r.id);
    const via = [r.source, r.target].filter((end) => !APPLICATION_TYPES.has(ctx.byId.get(end)?.type ?? ''));
    for (const end of via) ctx.used.add(end);
    const { fields, rest } = sortProperties(r, lookup);
    const base: Properties = { ...rest };
    if (r.type !== 'Flow') base.archimate_relationship = r.type;
    if (via.length > 0) base.via = via.map((end) => cellName(ctx.byId.get(end)!.name) ?? end).join('; ');
    const data = cellText(r.name) ?? cellText(fields.get('data')?.value);
    let mechanism = undefined as Exchange['mechanism'];
    const mechanismProperty = fields.get('mechanism');
    if (mechanismProperty) {
      const parsed = parseMechanism(mechanismProperty.value);
      if (parsed) mechanism = parsed;
      else {
        warn(ctx, r.where, mechanismProperty.key, `exchange ${quote(r.id)}: ${quote(mechanismProperty.value)} is not a known mechanism; it is kept as a property only.`, 'use api, service_bus, file, database or manual (REST, ESB/SPLP, Excel/email, …)');
        base[mechanismProperty.key] = mechanismProperty.value;
      }
    }
    const baseId = decodeId('x', r.id) ?? r.id;
    pairs.forEach(([s, t], k) => {
      const exchange: Exchange = { id: pairs.length === 1 ? baseId : `${baseId}#${k + 1}`, sourceId: appIds.get(s)!, targetId: appIds.get(t)!, properties: { ...base } };
      if (data !== undefined) exchange.data = data;
      if (mechanism !== undefined) exchange.mechanism = mechanism;
      exchanges.push(exchange);
    });
  }
  return exchanges;
}

/** The Realization/Assignment/… links that put a component behind a service or behaviour the inventory used. */
function markProvidingUsed(ctx: Context, applications: Set<string>): void {
  for (const r of ctx.model.relationships) {
    if (!PROVIDING.has(r.type) || !ctx.used.has(r.target) || applications.has(r.target)) continue;
    if (applications.has(r.source) || ctx.used.has(r.source)) ctx.used.add(r.id);
  }
}

/** One warning per element type the inventory has no place for, and one for all unused relationships. */
function reportUnused(ctx: Context): void {
  const elementsByType = new Map<string, string[]>();
  for (const e of ctx.model.elements) {
    if (ctx.used.has(e.id)) continue;
    (elementsByType.get(e.type) ?? elementsByType.set(e.type, []).get(e.type)!).push(cellName(e.name) ?? e.id);
  }
  for (const [type, names] of elementsByType) {
    warn(
      ctx,
      undefined,
      undefined,
      `${names.length} ${type} element(s) are not part of the inventory and were not imported: ${listNames(names)}.`,
      type === 'BusinessActor'
        ? 'an actor becomes an agency when it owns an application (Assignment to it) or carries a "level" property'
        : 'siloscope imports application components, the agencies that own them, data objects and the exchanges between components (docs/interop.md)',
    );
  }
  const relationshipsByType = new Map<string, number>();
  for (const r of ctx.model.relationships) if (!ctx.used.has(r.id)) relationshipsByType.set(r.type, (relationshipsByType.get(r.type) ?? 0) + 1);
  if (relationshipsByType.size > 0) {
    const total = [...relationshipsByType.values()].reduce((a, b) => a + b, 0);
    const parts = [...relationshipsByType].sort((a, b) => b[1] - a[1]).map(([type, n]) => `${n} ${type}`);
    warn(ctx, undefined, undefined, `${total} relationship(s) do not connect inventory items and were not imported: ${parts.join(', ')}.`, 'only exchanges between application components, ownership, access to data objects and agency parents are read (docs/interop.md)');
  }
}
