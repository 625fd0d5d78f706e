/**
 * Static files for the explorer, from one folder and nothing outside it. A request path is decoded once,
 * refused outright when it holds a NUL, a backslash or a `..` segment, then resolved against the root and
 * checked to stay under it — and checked again after symlinks are followed, so a link inside the folder
 * cannot lead out of it either.
 */
import { realpath, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export type StaticResolution = { ok: true; path: string; contentType: string } | { ok: false; status: 400 | 403 | 404; reason: string };

function inside(root: string, path: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}

/**
 * Maps a URL path (without the query) to a file under `root`. `/` and folder paths serve their
 * index.html. Only regular files with a known content type are served.
 */
export async function resolveStaticPath(root: string, urlPath: string): Promise<StaticResolution> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { ok: false, status: 400, reason: 'malformed percent-encoding' };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { ok: false, status: 400, reason: 'forbidden character in path' };
  const segments = decoded.split('/');
  if (segments.some((s) => s === '..')) return { ok: false, status: 403, reason: 'path leaves the static folder' };
  const base = resolve(root);
  let path = resolve(base, '.' + (decoded.startsWith('/') ? decoded : `/${decoded}`));
  if (!inside(base, path)) return { ok: false, status: 403, reason: 'path leaves the static folder' };
  try {
    let info = await stat(path);
    if (info.isDirectory()) {
      path = resolve(path, 'index.html');
      info = await stat(path);
    }
    if (!info.isFile()) return { ok: false, status: 404, reason: 'not a file' };
    const [realBase, realPath] = await Promise.all([realpath(base), realpath(path)]);
    if (!inside(realBase, realPath)) return { ok: false, status: 403, reason: 'path leaves the static folder' };
    const contentType = CONTENT_TYPES[extname(realPath).toLowerCase()];
    if (!contentType) return { ok: false, status: 404, reason: 'file type not served' };
    return { ok: true, path: realPath, contentType };
  } catch {
    return { ok: false, status: 404, reason: 'not found' };
  }
}
