/**
 * External tools the interop tests check exports with: xmllint (Debian libxml2-utils) validates
 * ArchiMate files against The Open Group's XSDs, and Python's networkx reads the GraphML and GEXF
 * exports. A fresh CI machine has neither, so each `ensureX` installs its tool when it is missing
 * (`apt-get install`, `pip install`) and returns how to run it; call them in `beforeAll` with a generous
 * timeout. An install that fails throws with the command to run by hand, so the test fails loudly
 * instead of skipping.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = fileURLToPath(new URL('../fixtures/interop/', import.meta.url));

function works(command: string, args: string[]): boolean {
  const result = spawnSync(command, args, { stdio: 'ignore' });
  return result.status === 0;
}

function run(command: string, args: string[], why: string): void {
  const result = spawnSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', timeout: 15 * 60_000 });
  if (result.status !== 0) {
    throw new Error(`${why}: \`${command} ${args.join(' ')}\` failed (${result.error?.message ?? `exit ${result.status}`}):\n${result.stderr}`);
  }
}

/** Blocks the (test worker's) thread: the install helpers are synchronous. */
function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * xmllint on the PATH, installed from Debian's libxml2-utils when missing. Several test files may ask at
 * once in parallel workers; apt's locks make all but one wait or fail, so a failed attempt is retried
 * after a pause, by which time the other worker's install has usually landed. Returns the command.
 */
export function ensureXmllint(): string {
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const apt = asRoot ? ['apt-get'] : ['sudo', '-n', 'apt-get'];
  const lock = ['-o', 'DPkg::Lock::Timeout=600'];
  let lastError: unknown;
  for (let attempt = 1; attempt <= 5; attempt++) {
    if (works('xmllint', ['--version'])) return 'xmllint';
    try {
      run(apt[0]!, [...apt.slice(1), ...lock, 'update'], 'installing xmllint (apt-get update)');
      run(apt[0]!, [...apt.slice(1), ...lock, '-y', 'install', 'libxml2-utils'], 'installing xmllint (apt-get install libxml2-utils)');
    } catch (error) {
      lastError = error;
      sleep(10_000 * attempt);
    }
  }
  if (works('xmllint', ['--version'])) return 'xmllint';
  throw new Error(`xmllint is missing and could not be installed; run \`apt-get install libxml2-utils\`. Last error: ${String(lastError)}`);
}

/** A Python 3 that can `import networkx`, installing networkx with pip when missing. Returns the command. */
export function ensureNetworkx(): string {
  const python = works('python3', ['--version']) ? 'python3' : 'python';
  if (works(python, ['-c', 'import networkx'])) return python;
  const pip = spawnSync(python, ['-m', 'pip', 'install', '--quiet', 'networkx'], { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', timeout: 15 * 60_000 });
  if (pip.status !== 0) {
    // Debian's system Python refuses pip installs (PEP 668); its own package is the way there.
    run('apt-get', ['-o', 'DPkg::Lock::Timeout=600', '-y', 'install', 'python3-networkx'], `installing networkx (pip said: ${pip.stderr.trim().split('\n').pop()})`);
  }
  if (!works(python, ['-c', 'import networkx'])) throw new Error(`networkx is still not importable by ${python} after installing it`);
  return python;
}

/**
 * A private copy of the ArchiMate 3.1 exchange schemas whose import of xml.xsd points at the local copy
 * instead of w3.org, so validation needs no network. Returns the path of archimate3_Diagram.xsd (the
 * schema that covers models with views).
 */
export function localArchimateSchemas(): string {
  const dir = mkdtempSync(join(tmpdir(), 'siloscope-xsd-'));
  cpSync(join(FIXTURES, 'archimate', 'xsd'), dir, { recursive: true });
  const model = join(dir, 'archimate3_Model.xsd');
  writeFileSync(model, readFileSync(model, 'utf8').replace('schemaLocation="http://www.w3.org/2001/xml.xsd"', 'schemaLocation="xml.xsd"'));
  return join(dir, 'archimate3_Diagram.xsd');
}

/** Validate `file` against `schema` with xmllint; returns xmllint's verdict and messages (it reports on stderr). */
export function xmllintValidate(xmllint: string, schema: string, file: string): { valid: boolean; output: string } {
  const result = spawnSync(xmllint, ['--noout', '--nonet', '--schema', schema, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return { valid: result.status === 0, output: `${result.stdout}${result.stderr}` };
}
