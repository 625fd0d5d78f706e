import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveStaticPath } from '../../src/serve/static.js';

/** parent/secret.txt beside root/ (index.html, app.js, sub/index.html, data.bin, link → ../secret.txt). */
function tree(): { root: string; parent: string } {
  const parent = mkdtempSync(join(tmpdir(), 'siloscope-static-'));
  const root = join(parent, 'root');
  mkdirSync(join(root, 'sub'), { recursive: true });
  writeFileSync(join(parent, 'secret.txt'), 'secret');
  writeFileSync(join(root, 'index.html'), '<p>home</p>');
  writeFileSync(join(root, 'app.js'), 'void 0;');
  writeFileSync(join(root, 'sub', 'index.html'), '<p>sub</p>');
  writeFileSync(join(root, 'data.bin'), 'x');
  symlinkSync(join(parent, 'secret.txt'), join(root, 'link.txt'));
  return { root, parent };
}

describe('static files', () => {
  const { root, parent } = tree();
  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  it('serves files under the root with their content type, and folders by their index.html', async () => {
    expect(await resolveStaticPath(root, '/app.js')).toEqual({ ok: true, path: join(root, 'app.js'), contentType: 'text/javascript; charset=utf-8' });
    expect(await resolveStaticPath(root, '/')).toMatchObject({ ok: true, path: join(root, 'index.html') });
    expect(await resolveStaticPath(root, '/sub/')).toMatchObject({ ok: true, path: join(root, 'sub', 'index.html') });
    expect(await resolveStaticPath(root, '/%61pp.js')).toMatchObject({ ok: true, path: join(root, 'app.js') });
  });

  it.each([
    ['/../secret.txt', 403],
    ['/sub/../../secret.txt', 403],
    ['/%2e%2e/secret.txt', 403],
    ['/%2E%2E%2Fsecret.txt', 403],
    ['/..%2fsecret.txt', 403],
    ['/..%5csecret.txt', 400],
    ['/..\\secret.txt', 400],
    ['/app.js%00.html', 400],
    ['/%E0%A4%A', 400],
    ['/link.txt', 403],
    ['/%252e%252e/secret.txt', 404],
    ['/data.bin', 404],
    ['/missing.js', 404],
  ])('refuses %s with %i', async (path, status) => {
    expect(await resolveStaticPath(root, path)).toMatchObject({ ok: false, status });
  });
});
