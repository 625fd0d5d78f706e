/**
 * Read-back: the Inventory stored under a namespace, equal to the one that was pushed — same agencies,
 * applications, exchanges and datasets with every field, in the pushed order (the `ordinal` stamps), and
 * the load warnings the pushed inventory carried — so `analyze --source neo4j` gives the analysis the
 * file gives. Only `source` differs: it names the store, with format 'neo4j'.
 *
 * Ids come from properties (`agencyId`, `parentId`, `stewardAgencyId`, `datasets`); exchanges come from
 * the EXCHANGES relationships. A store is shared and may be edited by hand, so the read validates like a
 * file loader: a node missing a required field or pointing at nothing is skipped, a bad enumerated value
 * is dropped, each with a warning naming the node — never a crash.
 */
import neo4j, { type Integer, type ManagedTransaction } from 'neo4j-driver';
import { InputError } from '../errors.js';
import {
  AGENCY_LEVELS,
  APPLICATION_STATUSES,
  CATEGORIES,
  MECHANISMS,
  ORIGINS,
  type Agency,
  type Application,
  type Dataset,
  type Exchange,
  type InputIssue,
  type Inventory,
  type Properties,
} from '../types.js';
import { storeError, withStore, type Neo4jConnection, type Neo4jStore, type OpenOptions } from './connection.js';
import { namespaceStatus } from './push.js';

/** Opens the store described by `conn`, reads its inventory and closes the connection. */
export async function loadInventoryFromNeo4j(conn: Neo4jConnection, options: OpenOptions = {}): Promise<Inventory> {
  try {
    return await withStore(conn, (store) => readInventory(store, storeSourcePath(conn)), options);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw storeError(error, conn, 'reading the inventory');
  }
}

/** How a read-back inventory names where it came from: the URI (never with credentials), database, namespace. */
export function storeSourcePath(conn: Neo4jConnection): string {
  return `${conn.uri}?database=${encodeURIComponent(conn.database)}&namespace=${encodeURIComponent(conn.namespace)}`;
}

type Row = Record<string, unknown>;

export async function readInventory(store: Neo4jStore, sourcePath = `neo4j?namespace=${encodeURIComponent(store.namespace)}`): Promise<Inventory> {
  const where = sourcePath;
  const status = await namespaceStatus(store);
  if (!status) {
    throw new InputError({
      level: 'error',
      file: where,
      message: `nothing has been pushed under namespace "${store.namespace}".`,
      fix: 'push an inventory first (`siloscope neo4j push <inventory> --namespace …`), or name the namespace that holds it.',
    });
  }
  if (status.status !== 'complete') {
    throw new InputError({
      level: 'error',
      file: where,
      message: `the last push to namespace "${store.namespace}" did not finish (started ${status.pushStartedAt ?? 'at an unknown time'}), so the store holds a mix of two inventories.`,
      fix: 'run the same `siloscope neo4j push` again: it converges to the pushed inventory.',
    });
  }

  const session = store.driver.session({ database: store.database, defaultAccessMode: neo4j.session.READ });
  try {
    return await session.executeRead(async (tx) => {
      const params = { namespace: store.namespace };
      // One read transaction, so the five reads see one committed state.
      const agencyRows = await rowsOf(tx, `MATCH (n:Agency {namespace: $namespace}) RETURN n {.id, .name, .level, .region, .parentId, .properties} AS row ORDER BY n.ordinal, n.id`, params);
      const applicationRows = await rowsOf(
        tx,
        `MATCH (n:Application {namespace: $namespace})
         RETURN n {.id, .agencyId, .name, .description, .function, .category, .origin, .status, .statusReason,
                   .annualCost, .users, .url, .platform, .year, .datasets, .properties} AS row
         ORDER BY n.ordinal, n.id`,
        params,
      );
      const exchangeRows = await rowsOf(
        tx,
        `MATCH (s:Application {namespace: $namespace})-[r:EXCHANGES]->(t:Application {namespace: $namespace})
         RETURN r {.id, .data, .mechanism, .properties, sourceId: s.id, targetId: t.id} AS row
         ORDER BY r.ordinal, r.id`,
        params,
      );
      const datasetRows = await rowsOf(tx, `MATCH (n:Dataset {namespace: $namespace}) RETURN n {.id, .name, .stewardAgencyId, .properties} AS row ORDER BY n.ordinal, n.id`, params);
      const meta = await rowsOf(tx, `MATCH (s:SiloscopeNamespace {namespace: $namespace}) RETURN s {.warnings} AS row`, params);
      const reader = new Reader(where);
      const agencies = reader.agencies(agencyRows);
      const datasets = reader.datasets(datasetRows);
      const applications = reader.applications(applicationRows, new Set(agencies.map((a) => a.id)));
      const exchanges = reader.exchanges(exchangeRows, new Set(applications.map((a) => a.id)));
      const pushedWarnings = parseJson<InputIssue[]>(meta[0]?.warnings, []);
      return {
        source: { path: sourcePath, format: 'neo4j' },
        agencies,
        applications,
        exchanges,
        datasets,
        warnings: [...pushedWarnings, ...reader.warnings],
      };
    });
  } finally {
    await session.close();
  }
}

async function rowsOf(tx: ManagedTransaction, query: string, params: Record<string, unknown>): Promise<Row[]> {
  const result = await tx.run(query, params);
  return result.records.map((r) => r.get('row') as Row);
}

function parseJson<T>(value: unknown, fallback: T): T {
  if (typeof value !== 'string') return fallback;
  try {
    return JSON.parse(value) as T;
  } catch {
    return fallback;
  }
}

/** Turns stored rows back into contract objects, warning (never throwing) about what it cannot use. */
class Reader {
  readonly warnings: InputIssue[] = [];

  constructor(private readonly where: string) {}

  private warn(label: string, id: unknown, column: string, message: string, fix: string): void {
    const who = typeof id === 'string' && id !== '' ? ` "${id}"` : '';
    this.warnings.push({ level: 'warning', file: `${this.where} (:${label}${who})`, column, message, fix });
  }

  private text(row: Row, key: string): string | undefined {
    const v = row[key];
    if (v === null || v === undefined) return undefined;
    return typeof v === 'string' ? v : String(v);
  }

  private number(label: string, row: Row, key: string): number | undefined {
    const v = row[key];
    if (v === null || v === undefined) return undefined;
    if (neo4j.isInt(v)) return (v as Integer).toNumber();
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    this.warn(label, row.id, key, `"${String(v)}" is not a number; the value was dropped.`, `store ${key} as a number.`);
    return undefined;
  }

  private choice<T extends string>(label: string, row: Row, key: string, allowed: readonly T[]): T | undefined {
    const v = this.text(row, key);
    if (v === undefined) return undefined;
    if ((allowed as readonly string[]).includes(v)) return v as T;
    this.warn(label, row.id, key, `"${v}" is not a known ${key}; the value was dropped.`, `use one of: ${allowed.join(', ')}.`);
    return undefined;
  }

  private properties(label: string, row: Row): Properties {
    const raw = row.properties;
    if (raw === null || raw === undefined) return {};
    const parsed = parseJson<unknown>(raw, undefined);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
      const out: Properties = {};
      for (const [k, v] of Object.entries(parsed)) out[k] = typeof v === 'string' ? v : JSON.stringify(v);
      return out;
    }
    this.warn(label, row.id, 'properties', 'is not a JSON object; the extra properties were dropped.', 'store properties as a JSON object string, e.g. {"vendor": "PT Contoh"}.');
    return {};
  }

  /** The id and the required text fields, or undefined (with a warning) when one is missing. */
  private required(label: string, row: Row, keys: string[]): Record<string, string> | undefined {
    const out: Record<string, string> = {};
    for (const key of keys) {
      const v = this.text(row, key);
      if (v === undefined || v === '') {
        this.warn(label, row.id, key, `the ${key} is missing; the ${label === 'EXCHANGES' ? 'exchange' : 'node'} was skipped.`, `set ${key} on it.`);
        return undefined;
      }
      out[key] = v;
    }
    return out;
  }

  agencies(rows: Row[]): Agency[] {
    const out: Agency[] = [];
    for (const row of rows) {
      const req = this.required('Agency', row, ['id', 'name']);
      if (!req) continue;
      const level = this.choice('Agency', row, 'level', AGENCY_LEVELS);
      if (!level) {
        if (row.level === null || row.level === undefined) this.warn('Agency', row.id, 'level', 'the level is missing; the node was skipped.', `set level to one of: ${AGENCY_LEVELS.join(', ')}.`);
        continue;
      }
      const agency: Agency = { id: req.id!, name: req.name!, level, properties: this.properties('Agency', row) };
      const region = this.text(row, 'region');
      if (region !== undefined) agency.region = region;
      const parentId = this.text(row, 'parentId');
      if (parentId !== undefined) agency.parentId = parentId;
      out.push(agency);
    }
    return out;
  }

  datasets(rows: Row[]): Dataset[] {
    const out: Dataset[] = [];
    for (const row of rows) {
      const req = this.required('Dataset', row, ['id', 'name']);
      if (!req) continue;
      const dataset: Dataset = { id: req.id!, name: req.name!, properties: this.properties('Dataset', row) };
      const steward = this.text(row, 'stewardAgencyId');
      if (steward !== undefined) dataset.stewardAgencyId = steward;
      out.push(dataset);
    }
    return out;
  }

  applications(rows: Row[], agencyIds: Set<string>): Application[] {
    const out: Application[] = [];
    for (const row of rows) {
      const req = this.required('Application', row, ['id', 'agencyId', 'name']);
      if (!req) continue;
      if (!agencyIds.has(req.agencyId!)) {
        this.warn('Application', row.id, 'agencyId', `agency "${req.agencyId}" is not in the store; the application was skipped.`, 'add the (:Agency) node or correct agencyId.');
        continue;
      }
      const datasets = Array.isArray(row.datasets) ? row.datasets.map(String) : [];
      const app: Application = { id: req.id!, agencyId: req.agencyId!, name: req.name!, datasets, properties: this.properties('Application', row) };
      const set = <K extends keyof Application>(key: K, value: Application[K] | undefined): void => {
        if (value !== undefined) app[key] = value;
      };
      set('description', this.text(row, 'description'));
      set('function', this.text(row, 'function'));
      set('category', this.choice('Application', row, 'category', CATEGORIES));
      set('origin', this.choice('Application', row, 'origin', ORIGINS));
      set('status', this.choice('Application', row, 'status', APPLICATION_STATUSES));
      set('statusReason', this.text(row, 'statusReason'));
      set('annualCost', this.number('Application', row, 'annualCost'));
      set('users', this.number('Application', row, 'users'));
      set('url', this.text(row, 'url'));
      set('platform', this.text(row, 'platform'));
      set('year', this.number('Application', row, 'year'));
      out.push(app);
    }
    return out;
  }

  exchanges(rows: Row[], applicationIds: Set<string>): Exchange[] {
    const out: Exchange[] = [];
    const seen = new Set<string>();
    for (const row of rows) {
      const req = this.required('EXCHANGES', row, ['id', 'sourceId', 'targetId']);
      if (!req) continue;
      if (seen.has(req.id!)) {
        this.warn('EXCHANGES', row.id, 'id', 'this exchange id appears on more than one relationship; the first is kept.', 'give each EXCHANGES relationship its own id.');
        continue;
      }
      if (!applicationIds.has(req.sourceId!) || !applicationIds.has(req.targetId!) || req.sourceId === req.targetId) {
        this.warn('EXCHANGES', row.id, 'id', 'an end of this exchange was skipped or it links an application to itself; the exchange was skipped.', 'fix the application it names.');
        continue;
      }
      seen.add(req.id!);
      const exchange: Exchange = { id: req.id!, sourceId: req.sourceId!, targetId: req.targetId!, properties: this.properties('EXCHANGES', row) };
      const data = this.text(row, 'data');
      if (data !== undefined) exchange.data = data;
      const mechanism = this.choice('EXCHANGES', row, 'mechanism', MECHANISMS);
      if (mechanism !== undefined) exchange.mechanism = mechanism;
      out.push(exchange);
    }
    return out;
  }
}
