/**
 * Starts, stops and reports on the project's own local Neo4j 5.26 test server: the embedded-Neo4j launcher
 * in scripts/neo4j-server (a small Maven project, built on demand), run as a detached `java` process with
 * Bolt on 127.0.0.1, auth disabled and its store in a fresh temporary directory that `stopNeo4j` deletes.
 * No Docker, no Neo4j installation: Java 17 and Maven are all it needs. See docs/neo4j.md.
 *
 * State lives in `<repo>/.neo4j/` (gitignored): neo4j.pid, neo4j.json (uri, data dir, …), neo4j.log (the
 * launcher's stdout/stderr for the current run) and logs/debug.log (Neo4j's own diagnostics).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import neo4j from 'neo4j-driver';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SERVER_PROJECT = path.join(REPO_ROOT, 'scripts', 'neo4j-server');
export const SERVER_JAR = path.join(SERVER_PROJECT, 'target', 'neo4j-server.jar');
const JAR_NAME = path.basename(SERVER_JAR);
const DATA_DIR_PREFIX = 'siloscope-neo4j-';

export const DEFAULTS = {
  host: '127.0.0.1',
  port: 7687,
  /** Neo4j page cache: the store files' in-memory copy; test graphs are a few MB. */
  pageCache: '256m',
  /** JVM heap ceiling: query state and transaction state live here. */
  heap: '1g',
  /**
   * JVM starting heap. Neo4j's docs ask for -Xms = -Xmx on production servers; on a machine shared with
   * the test workers a small start keeps the resident size near 500 MB instead of 770 MB after a test run.
   */
  initialHeap: '256m',
  /**
   * `c1`: the JVM compiles with its quick compiler only (`-XX:TieredStopAtLevel=1`), the usual setting for
   * a short-lived development JVM. A freshly started server otherwise spends its first minutes running its
   * optimising compiler (C2) beside the queries: on 2 cores, a first national push cost 23 CPU-seconds on
   * the server, 13 of them in C2, against 13 CPU-seconds with C1 alone. A server that stays up for hours
   * ends faster with C2 (about 2× on a long-warmed push): `full` keeps it, as a production Neo4j does.
   */
  jit: 'c1' as Jit,
  /** Time for Bolt to answer `RETURN 1` once java is launched (the build has its own). */
  startTimeoutMs: 120_000,
  /** Time between SIGTERM and SIGKILL on stop: a clean shutdown takes about 4 s. */
  stopTimeoutMs: 30_000,
  stateDir: path.join(REPO_ROOT, '.neo4j'),
};

export type Jit = 'c1' | 'full';

export interface Neo4jServerOptions {
  /** JIT compilers: see DEFAULTS.jit. */
  jit?: Jit;
  host?: string;
  /** Bolt port; default $NEO4J_PORT, else 7687. */
  port?: number;
  pageCache?: string;
  heap?: string;
  startTimeoutMs?: number;
  /** Where pid, state and logs go; a second directory lets a second server run beside the first. */
  stateDir?: string;
  /**
   * Store directory to use and keep (created if missing): a later start with the same directory finds the
   * same data, and stop never deletes it — the caller owns it. Default: a fresh temporary directory that
   * stop deletes.
   */
  dataDir?: string;
  /** Progress lines (build, launch); silent when omitted. */
  log?: (line: string) => void;
}

export interface Neo4jServerState {
  pid: number;
  uri: string;
  host: string;
  port: number;
  dataDir: string;
  /** True when the caller gave the data directory: it outlives the server. */
  keepData?: boolean;
  logFile: string;
  /** Neo4j version the server reported, e.g. "5.26.30"; "starting" until Bolt has answered. */
  version: string;
  startedAt: string;
}

export interface Neo4jStartResult extends Neo4jServerState {
  /** True when this call launched the server; false when it was already running (then leave it running). */
  started: boolean;
  /** Milliseconds from launching java to Bolt answering `RETURN 1` (0 when already running). */
  startupMs: number;
}

interface StatePaths {
  dir: string;
  pidFile: string;
  stateFile: string;
  logFile: string;
  debugLogDir: string;
  lockFile: string;
}

function statePaths(stateDir: string = DEFAULTS.stateDir): StatePaths {
  return {
    dir: stateDir,
    pidFile: path.join(stateDir, 'neo4j.pid'),
    stateFile: path.join(stateDir, 'neo4j.json'),
    logFile: path.join(stateDir, 'neo4j.log'),
    debugLogDir: path.join(stateDir, 'logs'),
    lockFile: path.join(stateDir, 'start.lock'),
  };
}

/**
 * Starts the server unless one this launcher started is already running, and resolves once Bolt answers a
 * real query. Idempotent: a second call returns the running server with `started: false`.
 */
/** A TCP port nobody listens on right now (the OS picks it), for a private test or bench server. */
export async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

export async function startNeo4j(opts: Neo4jServerOptions = {}): Promise<Neo4jStartResult> {
  const paths = statePaths(opts.stateDir);
  const log = opts.log ?? (() => {});
  const startTimeoutMs = opts.startTimeoutMs ?? DEFAULTS.startTimeoutMs;
  fs.mkdirSync(paths.dir, { recursive: true });
  const release = await acquireLock(paths.lockFile, startTimeoutMs + 600_000);
  try {
    const running = readRunningState(paths);
    if (running) {
      const version = await waitForBolt(running.uri, running.pid, paths.logFile, startTimeoutMs);
      if (version !== running.version) writeState(paths, { ...running, version });
      return { ...running, version, started: false, startupMs: 0 };
    }
    clearStaleState(paths);

    const host = opts.host ?? DEFAULTS.host;
    const port = opts.port ?? portFromEnv() ?? DEFAULTS.port;
    await assertPortFree(host, port);
    await ensureJar(log);

    const heap = opts.heap ?? DEFAULTS.heap;
    const keepData = opts.dataDir !== undefined;
    const dataDir = keepData ? path.resolve(opts.dataDir as string) : fs.mkdtempSync(path.join(os.tmpdir(), DATA_DIR_PREFIX));
    if (keepData) fs.mkdirSync(dataDir, { recursive: true });
    const uri = `bolt://${host}:${port}`;
    const logFd = fs.openSync(paths.logFile, 'w');
    const launchedAt = Date.now();
    log(`launching Neo4j on ${uri} (data ${dataDir})`);
    const child = spawn(
      javaBinary(),
      [
        `-Xms${smallerSize(DEFAULTS.initialHeap, heap)}`,
        `-Xmx${heap}`,
        ...((opts.jit ?? DEFAULTS.jit) === 'c1' ? ['-XX:TieredStopAtLevel=1'] : []),
        '-XX:+ExitOnOutOfMemoryError',
        '-jar', SERVER_JAR,
        '--data', dataDir,
        '--logs', paths.debugLogDir,
        '--host', host,
        '--port', String(port),
        '--pagecache', opts.pageCache ?? DEFAULTS.pageCache,
      ],
      // Its own process group and no pipes to us: the server outlives the command that started it.
      { cwd: REPO_ROOT, detached: true, stdio: ['ignore', logFd, logFd] },
    );
    fs.closeSync(logFd);
    const pid = child.pid;
    if (pid === undefined) {
      if (!keepData) fs.rmSync(dataDir, { recursive: true, force: true });
      throw await spawnFailure(child, paths.logFile);
    }
    child.unref();
    // Recorded before the wait, so a start interrupted by Ctrl-C leaves a server that `stop` can find.
    const state: Neo4jServerState = {
      pid, uri, host, port, dataDir, ...(keepData ? { keepData } : {}), logFile: paths.logFile, version: 'starting', startedAt: new Date(launchedAt).toISOString(),
    };
    writeState(paths, state);

    try {
      state.version = await waitForBolt(uri, pid, paths.logFile, startTimeoutMs);
      writeState(paths, state);
      return { ...state, started: true, startupMs: Date.now() - launchedAt };
    } catch (err) {
      await terminate(pid, 5_000);
      clearStaleState(paths);
      throw err;
    }
  } finally {
    release();
  }
}

/**
 * Stops the server this launcher started (SIGTERM, then SIGKILL after `timeoutMs`) and deletes its data
 * directory, pid and state files. Resolves to false when nothing was running. The log files are kept.
 */
export async function stopNeo4j(opts: { stateDir?: string; timeoutMs?: number } = {}): Promise<boolean> {
  const paths = statePaths(opts.stateDir);
  const state = readState(paths);
  const pid = state?.pid ?? readPid(paths.pidFile);
  let stopped = false;
  if (pid !== undefined && isOurServer(pid)) {
    await terminate(pid, opts.timeoutMs ?? DEFAULTS.stopTimeoutMs);
    stopped = true;
  }
  clearStaleState(paths);
  return stopped;
}

/** True when a server started by this launcher (for this state directory) is alive. */
export function neo4jRunning(opts: { stateDir?: string } = {}): boolean {
  return readRunningState(statePaths(opts.stateDir)) !== undefined;
}

/** The running server's recorded state, or undefined when none is running. */
export function neo4jStatus(opts: { stateDir?: string } = {}): Neo4jServerState | undefined {
  return readRunningState(statePaths(opts.stateDir));
}

/** Resident memory of a process in bytes (Linux /proc), or undefined where that is not readable. */
export function processRssBytes(pid: number): number | undefined {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Builds the launcher jar when it is missing or older than its sources. Tries Maven offline first so that
 * once ~/.m2 holds Neo4j's jars (about 125 MB, fetched on the first build) no network is touched.
 */
export async function ensureJar(log: (line: string) => void = () => {}): Promise<{ built: boolean; ms: number }> {
  if (!jarIsStale()) return { built: false, ms: 0 };
  const started = Date.now();
  const lockDir = path.join(SERVER_PROJECT, 'target');
  fs.mkdirSync(lockDir, { recursive: true });
  const release = await acquireLock(path.join(lockDir, 'build.lock'), 900_000);
  try {
    if (!jarIsStale()) return { built: false, ms: Date.now() - started };
    const pom = path.join(SERVER_PROJECT, 'pom.xml');
    const base = ['-B', '-q', '-f', pom, 'package', '-DskipTests'];
    log('building scripts/neo4j-server (Maven, offline)');
    let result = runMaven(['-o', ...base]);
    if (result.status !== 0) {
      log('offline build failed; building online (first build downloads Neo4j from Maven Central)');
      result = runMaven(base);
    }
    if (result.status !== 0 || !fs.existsSync(SERVER_JAR)) {
      const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-40).join('\n');
      throw new Error(`building the Neo4j launcher failed (mvn ${base.join(' ')}, exit ${result.status}):\n${output}`);
    }
    return { built: true, ms: Date.now() - started };
  } finally {
    release();
  }
}

function runMaven(args: string[]): ReturnType<typeof spawnSync> & { stdout: string; stderr: string } {
  const result = spawnSync('mvn', args, { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    throw new Error(
      code === 'ENOENT'
        ? 'Maven (mvn) is not on PATH: the Neo4j launcher is built with Maven and Java 17 (Debian: apt-get install maven openjdk-17-jdk-headless)'
        : `running mvn failed: ${result.error.message}`,
    );
  }
  return result;
}

function jarIsStale(): boolean {
  if (!fs.existsSync(SERVER_JAR) || !fs.existsSync(path.join(SERVER_PROJECT, 'target', 'lib'))) return true;
  const jarTime = fs.statSync(SERVER_JAR).mtimeMs;
  return newestMtime(path.join(SERVER_PROJECT, 'src')) > jarTime || fs.statSync(path.join(SERVER_PROJECT, 'pom.xml')).mtimeMs > jarTime;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

function javaBinary(): string {
  const home = process.env.JAVA_HOME;
  return home ? path.join(home, 'bin', 'java') : 'java';
}

/** The smaller of two JVM sizes ("256m", "1g", plain bytes), so -Xms never exceeds -Xmx. */
function smallerSize(a: string, b: string): string {
  return jvmBytes(a) <= jvmBytes(b) ? a : b;
}

function jvmBytes(size: string): number {
  const match = /^(\d+)([kmg]?)$/i.exec(size.trim());
  if (!match) throw new Error(`JVM memory size must look like 512m or 1g, got "${size}"`);
  const shift = { '': 0, k: 10, m: 20, g: 30 }[match[2].toLowerCase() as '' | 'k' | 'm' | 'g'];
  return Number(match[1]) * 2 ** shift;
}

function portFromEnv(): number | undefined {
  const raw = process.env.NEO4J_PORT;
  if (raw === undefined || raw.trim() === '') return undefined;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`NEO4J_PORT must be a port number 1-65535, got "${raw}"`);
  }
  return port;
}

/**
 * Polls until Bolt answers `RETURN 1`, failing fast if the java process dies. Returns the server's
 * Neo4j version. A fresh driver per attempt: a refused connection leaves nothing to clean up. No auth
 * token means scheme "none", which is what an auth-disabled server takes (`neo4j.auth.none()` does the
 * same at runtime but is missing from neo4j-driver 6's typings).
 */
async function waitForBolt(uri: string, pid: number, logFile: string, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let lastError = 'no attempt made';
  for (;;) {
    if (!isAlive(pid)) {
      throw new Error(`Neo4j (pid ${pid}) exited before Bolt answered on ${uri}.\n${logTail(logFile)}`);
    }
    const driver = neo4j.driver(uri, undefined, { connectionTimeout: 2_000, maxConnectionPoolSize: 1 });
    try {
      await driver.verifyConnectivity();
      const result = await driver.executeQuery('CALL dbms.components() YIELD versions RETURN 1 AS one, versions[0] AS version');
      const record = result.records[0];
      if (record?.get('one')?.toNumber?.() === 1) return String(record.get('version'));
      lastError = `unexpected answer ${JSON.stringify(record?.toObject())}`;
    } catch (err) {
      lastError = err instanceof Error ? err.message : String(err);
    } finally {
      await driver.close();
    }
    if (Date.now() >= deadline) {
      throw new Error(`Neo4j did not answer on ${uri} within ${timeoutMs / 1000} s (last error: ${lastError}).\n${logTail(logFile)}`);
    }
    await sleep(250);
  }
}

async function terminate(pid: number, timeoutMs: number): Promise<void> {
  signal(pid, 'SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid) && Date.now() < deadline) await sleep(100);
  if (isAlive(pid)) {
    signal(pid, 'SIGKILL');
    while (isAlive(pid)) await sleep(50);
  }
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err;
  }
}

/** Alive and not a zombie (a child we launched in this process stays a zombie until reaped). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
}

/** Guards against a recycled pid: only a live java running our jar counts (where /proc can tell). */
function isOurServer(pid: number): boolean {
  if (!isAlive(pid)) return false;
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(JAR_NAME);
  } catch {
    return !fs.existsSync('/proc/self');
  }
}

function readPid(pidFile: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(pidFile, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function readState(paths: StatePaths): Neo4jServerState | undefined {
  try {
    return JSON.parse(fs.readFileSync(paths.stateFile, 'utf8')) as Neo4jServerState;
  } catch {
    return undefined;
  }
}

function writeState(paths: StatePaths, state: Neo4jServerState): void {
  fs.writeFileSync(paths.stateFile, `${JSON.stringify(state, null, 2)}\n`);
  fs.writeFileSync(paths.pidFile, `${state.pid}\n`);
}

function readRunningState(paths: StatePaths): Neo4jServerState | undefined {
  const state = readState(paths);
  return state && readPid(paths.pidFile) === state.pid && isOurServer(state.pid) ? state : undefined;
}

/** Removes what a dead or stopped server left: pid, state, and its data directory (only ever a temp one of ours). */
function clearStaleState(paths: StatePaths): void {
  const state = readState(paths);
  if (state && !state.keepData && isOurDataDir(state.dataDir)) fs.rmSync(state.dataDir, { recursive: true, force: true });
  fs.rmSync(paths.stateFile, { force: true });
  fs.rmSync(paths.pidFile, { force: true });
}

function isOurDataDir(dir: string): boolean {
  return path.dirname(dir) === os.tmpdir() && path.basename(dir).startsWith(DATA_DIR_PREFIX);
}

async function assertPortFree(host: string, port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (err: NodeJS.ErrnoException) => {
      reject(
        err.code === 'EADDRINUSE'
          ? new Error(
              `port ${host}:${port} is already in use by a process this launcher did not start ` +
                `(another Neo4j?). Stop it, or pick another port with NEO4J_PORT=<port>.`,
            )
          : err,
      );
    });
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

/**
 * A lock file created with O_EXCL holding the owner's pid, so two concurrent `start`s (a terminal and a
 * test run) neither build twice nor launch two servers. A lock whose owner died is taken over.
 */
async function acquireLock(file: string, timeoutMs: number): Promise<() => void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      fs.writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
      return () => fs.rmSync(file, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const owner = readPid(file);
    if (owner === undefined || !isAlive(owner)) {
      fs.rmSync(file, { force: true });
      continue;
    }
    if (Date.now() >= deadline) throw new Error(`timed out waiting for ${file} (held by pid ${owner})`);
    await sleep(200);
  }
}

async function spawnFailure(child: ReturnType<typeof spawn>, logFile: string): Promise<Error> {
  const error = await new Promise<Error | undefined>((resolve) => {
    child.once('error', resolve);
    setTimeout(() => resolve(undefined), 1_000);
  });
  const hint = (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT' ? ' (is Java 17+ installed and on PATH or JAVA_HOME?)' : '';
  return new Error(`could not launch ${javaBinary()}${hint}: ${error?.message ?? 'unknown error'}\n${logTail(logFile)}`);
}

function logTail(logFile: string, lines = 40): string {
  let text: string;
  try {
    text = fs.readFileSync(logFile, 'utf8');
  } catch {
    return `(no log at ${logFile})`;
  }
  const tail = text.trimEnd().split('\n').slice(-lines).join('\n');
  return `--- last ${lines} lines of ${logFile} ---\n${tail || '(empty)'}`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
