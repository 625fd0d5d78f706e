/**
 * Where the Neo4j store lives and how to reach it. Flags win over the environment (NEO4J_URI, NEO4J_USER,
 * NEO4J_PASSWORD, NEO4J_DATABASE), which wins over the defaults; credentials written into the URI
 * (`bolt://user:pass@host`) are moved out of it, so the URI is always safe to print. The password is never
 * printed: every message that leaves this module goes through `redactSecrets`.
 *
 * A namespace names one inventory inside the database, so one server can hold several (a city's
 * catalogue, the national one, a test's): every node carries it, every key is (namespace, id).
 */
import { createRequire } from 'node:module';
import type { Config, Driver } from 'neo4j-driver';
import { InputError } from '../errors.js';
import { VERSION } from '../version.js';

export interface Neo4jConnection {
  uri: string;
  user?: string;
  password?: string;
  database: string;
  namespace: string;
}

export const CONNECTION_DEFAULTS = {
  uri: 'bolt://127.0.0.1:7687',
  database: 'neo4j',
  namespace: 'default',
  /** The user Neo4j creates on install, assumed when only a password is given. */
  user: 'neo4j',
  /** How long the driver keeps retrying a transaction that failed transiently (deadlock, leader switch, lost connection). */
  maxTransactionRetryTimeMs: 30_000,
  connectionTimeoutMs: 10_000,
} as const;

const SCHEMES = ['bolt', 'bolt+s', 'bolt+ssc', 'neo4j', 'neo4j+s', 'neo4j+ssc'];

/** What a command line may give; anything missing comes from `env`, then the defaults. */
export interface ConnectionFlags {
  uri?: string;
  user?: string;
  password?: string;
  database?: string;
  namespace?: string;
}

export function resolveConnection(flags: ConnectionFlags = {}, env: NodeJS.ProcessEnv = process.env): Neo4jConnection {
  const rawUri = nonEmpty(flags.uri) ?? nonEmpty(env.NEO4J_URI) ?? CONNECTION_DEFAULTS.uri;
  const { uri, user: uriUser, password: uriPassword } = splitCredentials(rawUri);
  const password = flags.password ?? uriPassword ?? nonEmpty(env.NEO4J_PASSWORD);
  const user = nonEmpty(flags.user) ?? uriUser ?? nonEmpty(env.NEO4J_USER) ?? nonEmpty(env.NEO4J_USERNAME) ?? (password !== undefined ? CONNECTION_DEFAULTS.user : undefined);
  const database = nonEmpty(flags.database) ?? nonEmpty(env.NEO4J_DATABASE) ?? CONNECTION_DEFAULTS.database;
  const namespace = flags.namespace ?? CONNECTION_DEFAULTS.namespace;
  if (namespace.trim() === '') {
    throw new InputError({ level: 'error', file: 'command line', column: 'namespace', message: 'the namespace is empty.', fix: 'give a name such as "default" or "kota-bandung-2024".' });
  }
  return { uri, database, namespace, ...(user !== undefined ? { user } : {}), ...(password !== undefined ? { password } : {}) };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/** Separates `user:password@` from a Bolt URI and checks the scheme. */
function splitCredentials(raw: string): { uri: string; user?: string; password?: string } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw badUri(raw, 'it is not a URI');
  }
  const scheme = url.protocol.replace(/:$/, '');
  if (!SCHEMES.includes(scheme)) throw badUri(raw, `the scheme "${scheme}" is not a Neo4j scheme`);
  const user = url.username ? decodeURIComponent(url.username) : undefined;
  const password = url.password ? decodeURIComponent(url.password) : undefined;
  url.username = '';
  url.password = '';
  // URL keeps a trailing "/" for an empty path; Bolt URIs are written without it.
  const uri = url.toString().replace(/\/$/, '');
  return { uri, ...(user !== undefined ? { user } : {}), ...(password !== undefined ? { password } : {}) };
}

function badUri(raw: string, why: string): InputError {
  return new InputError({
    level: 'error',
    file: 'command line',
    column: 'uri',
    message: `the Neo4j URI "${redactUri(raw)}" is not usable: ${why}.`,
    fix: `write it as bolt://host:7687 or neo4j://host:7687 (schemes: ${SCHEMES.join(', ')}).`,
  });
}

/** The URI with any password replaced by `***`; safe to print. */
export function redactUri(uri: string): string {
  return uri.replace(/^([a-z0-9+.-]+:\/\/)([^@/?#]*)@/i, (_, scheme: string, userinfo: string) => {
    const colon = userinfo.indexOf(':');
    return `${scheme}${colon < 0 ? userinfo : `${userinfo.slice(0, colon)}:***`}@`;
  });
}

/** `text` with the connection's password (raw and URI-encoded) and any URI credentials blanked out. */
export function redactSecrets(text: string, conn: Pick<Neo4jConnection, 'password'>): string {
  let out = text.replace(/[a-z0-9+.-]+:\/\/[^\s"'`]*@[^\s"'`]*/gi, (uri) => redactUri(uri));
  const password = conn.password;
  if (password) {
    for (const form of new Set([password, encodeURIComponent(password)])) out = out.split(form).join('***');
  }
  return out;
}

/** One line naming the target, for progress and errors: never the password. */
export function describeTarget(conn: Neo4jConnection): string {
  const who = conn.user ? ` as ${conn.user}` : '';
  return `${redactUri(conn.uri)} (database "${conn.database}", namespace "${conn.namespace}"${who})`;
}

/** An open store: the driver plus where in it this inventory lives. */
export interface Neo4jStore {
  driver: Driver;
  database: string;
  namespace: string;
}

export interface OpenOptions {
  maxTransactionRetryTimeMs?: number;
  connectionTimeoutMs?: number;
}

/** A driver for `conn`. No user means auth scheme "none" (a server with auth disabled, like the test server). */
export function openDriver(conn: Neo4jConnection, options: OpenOptions = {}): Driver {
  const config: Config = {
    userAgent: `siloscope/${VERSION}`,
    maxTransactionRetryTime: options.maxTransactionRetryTimeMs ?? CONNECTION_DEFAULTS.maxTransactionRetryTimeMs,
    connectionTimeout: options.connectionTimeoutMs ?? CONNECTION_DEFAULTS.connectionTimeoutMs,
  };
  const neo4j = neo4jDriver();
  const auth = conn.user !== undefined ? neo4j.auth.basic(conn.user, conn.password ?? '') : undefined;
  return neo4j.driver(conn.uri, auth, config);
}

type Neo4jModule = typeof import('neo4j-driver').default;
let driverModule: Neo4jModule | undefined;

/**
 * The driver package, loaded when a connection is first opened: it is one of the slowest modules to load
 * and most runs never touch Neo4j. Required (its CommonJS build, the one its `import` resolves to as well)
 * so opening stays synchronous.
 */
function neo4jDriver(): Neo4jModule {
  return (driverModule ??= createRequire(import.meta.url)('neo4j-driver') as Neo4jModule);
}

/**
 * Opens the store and checks that the server answers and the database exists, so a wrong URI, password
 * or database name fails here with a message that says which — rather than halfway through a push.
 */
export async function connect(conn: Neo4jConnection, options: OpenOptions = {}): Promise<Neo4jStore & { close(): Promise<void> }> {
  const driver = openDriver(conn, options);
  // An auto-commit query: unlike a managed transaction it is not retried, so a server that is not there
  // fails in one connection timeout instead of after the whole retry window.
  const session = driver.session({ database: conn.database });
  try {
    await session.run('RETURN 1');
  } catch (error) {
    await session.close();
    await driver.close();
    throw storeError(error, conn, 'connecting');
  }
  await session.close();
  return { driver, database: conn.database, namespace: conn.namespace, close: () => driver.close() };
}

/** Runs `work` with a connected store and always closes the driver. */
export async function withStore<T>(conn: Neo4jConnection, work: (store: Neo4jStore) => Promise<T>, options: OpenOptions = {}): Promise<T> {
  const store = await connect(conn, options);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** Neo4j's status code of a driver error, when it has one. */
export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * A driver or server failure as a user-facing InputError (the CLI prints it and exits 2): what went wrong
 * while doing `what`, against which target, and the fix — with every secret redacted.
 */
export function storeError(error: unknown, conn: Neo4jConnection, what: string): InputError {
  const code = errorCode(error) ?? '';
  const raw = error instanceof Error ? error.message : String(error);
  const target = describeTarget(conn);
  let fix: string;
  if (code === 'ServiceUnavailable' || code === 'SessionExpired' || /ECONNREFUSED|connect|timed out/i.test(raw)) {
    fix = `start the server (for the local test server: \`npm run neo4j:start\`) or correct --uri / NEO4J_URI${what === 'pushing' ? '; a push cut off this way converges when run again' : ''}.`;
  } else if (code.startsWith('Neo.ClientError.Security')) {
    fix = 'check --user / --password (or NEO4J_USER / NEO4J_PASSWORD); a server with auth disabled needs neither.';
  } else if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
    fix = `create the database, or name an existing one with --database (default "${CONNECTION_DEFAULTS.database}").`;
  } else {
    fix = 'see the server log; run the same command again once the cause is fixed.';
  }
  return new InputError({
    level: 'error',
    file: target,
    message: redactSecrets(`${what} failed: ${raw.split('\n')[0]}${code ? ` (${code})` : ''}`, conn),
    fix,
  });
}
