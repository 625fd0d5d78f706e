import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect } from 'vitest';
import { InputError } from '../../src/errors.js';
import type { InputIssue } from '../../src/types.js';

export const FIXTURES = new URL('../fixtures/inventory/', import.meta.url).pathname;

const made: string[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A fresh temp folder holding `files` (name → content), removed after the test. */
export async function folderWith(files: Record<string, string | Uint8Array>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'siloscope-inventory-'));
  made.push(dir);
  await Promise.all(Object.entries(files).map(([name, content]) => writeFile(join(dir, name), content)));
  return dir;
}

/** The InputError `promise` rejects with (fails the test when it resolves or throws anything else). */
export async function inputError(promise: Promise<unknown>): Promise<InputError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError, but the load succeeded');
}

/** The one issue at `file`/`row`/`column` (fails unless exactly one). */
export function issueAt(issues: InputIssue[], where: { file?: string; row?: number; column?: string }): InputIssue {
  const found = issues.filter(
    (i) => (where.file === undefined || i.file === where.file) && (where.row === undefined || i.row === where.row) && (where.column === undefined || i.column === where.column),
  );
  expect(found, `issues at ${JSON.stringify(where)}: ${JSON.stringify(issues, null, 1)}`).toHaveLength(1);
  return found[0]!;
}

export const MINIMAL_AGENCIES = 'id,name,level\nkab,Pemerintah Kabupaten Contoh,regency\n';
export const MINIMAL_APPLICATIONS = 'id,agency_id,name\na1,kab,Aplikasi Satu\n';
