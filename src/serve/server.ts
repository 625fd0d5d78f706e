/**
 * The explorer's local HTTP server (node:http, no framework). It prepares everything once — model,
 * layout, graph payload (serialised and gzipped), search index — and then answers:
 *
 *   GET /api/graph                 the columnar graph payload (protocol.ts)
 *   GET /api/search?q=…&limit=…    ranked hits
 *   GET /api/item/<kind>/<id>      the side panel of one item
 *   GET /<file>                    the explorer's static files, from its own folder only
 *
 * It binds to 127.0.0.1 by default, sends a strict Content-Security-Policy (scripts, styles and
 * connections from this origin only; no inline code), and on a loopback address answers only requests
 * whose Host header names the loopback address — so a web page on another site cannot reach it through
 * DNS rebinding.
 */
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { loadReference, type ReferenceData } from '../reference/index.js';
import type { Analysis, Inventory } from '../types.js';
import { explorerAssetsDir } from './assets.js';
import { isItemKind, itemDetail } from './items.js';
import { layoutExplorer, type LayoutOptions } from './layout.js';
import { buildExplorerModel } from './model.js';
import { graphPayload } from './payload.js';
import { buildSearchIndex, searchExplorer } from './search.js';
import { resolveStaticPath } from './static.js';
import { SERVER_DEFAULTS } from './defaults.js';

export { SERVER_DEFAULTS };

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export interface ExplorerServerOptions {
  analysis: Analysis;
  inventory: Inventory;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Folder of the explorer's browser files (default: built or bundled on demand, see assets.ts). */
  staticDir?: string;
  reference?: ReferenceData;
  layout?: LayoutOptions;
}

export interface ExplorerServer {
  url: string;
  host: string;
  port: number;
  staticDir: string;
  /** Milliseconds spent preparing each part, for the record. */
  timings: Record<string, number>;
  /** Bytes of the graph payload, plain and gzipped. */
  payloadBytes: { json: number; gzip: number };
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

function isLoopback(host: string): boolean {
  return LOOPBACK.has(host) || host.startsWith('127.');
}

interface Prepared {
  graph: { json: Buffer; gzip: Buffer };
  search: ReturnType<typeof buildSearchIndex>;
  model: ReturnType<typeof buildExplorerModel>;
}

function timed<T>(timings: Record<string, number>, name: string, run: () => T): T {
  const started = performance.now();
  const result = run();
  timings[name] = Math.round(performance.now() - started);
  return result;
}

function prepare(options: ExplorerServerOptions, timings: Record<string, number>): Prepared {
  const reference = options.reference ?? timed(timings, 'reference', () => loadReference());
  const model = timed(timings, 'model', () => buildExplorerModel(options.analysis, options.inventory, reference));
  const layout = timed(timings, 'layout', () => layoutExplorer(model, options.layout));
  const json = timed(timings, 'payload', () => Buffer.from(JSON.stringify(graphPayload(model, layout))));
  const gzip = timed(timings, 'gzip', () => gzipSync(json, { level: 6 }));
  const search = timed(timings, 'search index', () => buildSearchIndex(model));
  return { graph: { json, gzip }, search, model };
}

function acceptsGzip(req: IncomingMessage): boolean {
  return /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
}

function send(req: IncomingMessage, res: ServerResponse, status: number, contentType: string, body: Buffer, extra: Record<string, string> = {}): void {
  const headers: Record<string, string | number> = { ...SECURITY_HEADERS, 'Content-Type': contentType, ...extra };
  let payload = body;
  if (body.length > 1024 && acceptsGzip(req) && !extra['Content-Encoding']) {
    payload = gzipSync(body);
    headers['Content-Encoding'] = 'gzip';
  }
  headers['Content-Length'] = payload.length;
  headers['Vary'] = 'Accept-Encoding';
  res.writeHead(status, headers);
  res.end(req.method === 'HEAD' ? undefined : payload);
}

function sendJson(req: IncomingMessage, res: ServerResponse, status: number, value: unknown): void {
  send(req, res, status, 'application/json; charset=utf-8', Buffer.from(JSON.stringify(value)), { 'Cache-Control': 'no-store' });
}

function sendError(req: IncomingMessage, res: ServerResponse, status: number, message: string): void {
  const url = req.url ?? '';
  if (url.startsWith('/api/')) sendJson(req, res, status, { error: message });
  else send(req, res, status, 'text/plain; charset=utf-8', Buffer.from(`${status} ${message}\n`), { 'Cache-Control': 'no-store' });
}

function hostAllowed(req: IncomingMessage, boundHost: string, port: number): boolean {
  if (!isLoopback(boundHost)) return true;
  const host = String(req.headers.host ?? '').toLowerCase();
  const allowed = [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, `${boundHost}:${port}`];
  return allowed.includes(host);
}

async function serveStatic(req: IncomingMessage, res: ServerResponse, root: string, path: string): Promise<void> {
  const found = await resolveStaticPath(root, path);
  if (!found.ok) {
    sendError(req, res, found.status, found.reason);
    return;
  }
  const headers: Record<string, string> = { ...SECURITY_HEADERS, 'Content-Type': found.contentType, 'Cache-Control': 'no-cache' };
  res.writeHead(200, headers);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(found.path)
    .on('error', () => res.destroy())
    .pipe(res);
}

function handleApi(req: IncomingMessage, res: ServerResponse, url: URL, prepared: Prepared): void {
  const path = url.pathname;
  if (path === '/api/graph') {
    const gzip = acceptsGzip(req);
    send(req, res, 200, 'application/json; charset=utf-8', gzip ? prepared.graph.gzip : prepared.graph.json, {
      'Cache-Control': 'no-cache',
      ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
    });
    return;
  }
  if (path === '/api/search') {
    const q = url.searchParams.get('q') ?? '';
    const requested = Number(url.searchParams.get('limit') ?? SERVER_DEFAULTS.searchLimit);
    const limit = Number.isFinite(requested) ? Math.max(1, Math.min(SERVER_DEFAULTS.maxSearchLimit, Math.floor(requested))) : SERVER_DEFAULTS.searchLimit;
    sendJson(req, res, 200, searchExplorer(prepared.search, q, { limit }));
    return;
  }
  const item = /^\/api\/item\/([a-z]+)\/(.+)$/.exec(path);
  if (item) {
    const [, kind, rawId] = item;
    let id: string;
    try {
      id = decodeURIComponent(rawId);
    } catch {
      sendError(req, res, 400, 'malformed item id');
      return;
    }
    if (!isItemKind(kind)) {
      sendError(req, res, 404, `unknown item kind "${kind}"`);
      return;
    }
    const detail = itemDetail(prepared.model, kind, id);
    if (!detail) sendError(req, res, 404, `no ${kind} "${id}"`);
    else sendJson(req, res, 200, detail);
    return;
  }
  if (path === '/api/health') {
    sendJson(req, res, 200, { ok: true });
    return;
  }
  sendError(req, res, 404, 'unknown API path');
}

export async function startExplorerServer(options: ExplorerServerOptions): Promise<ExplorerServer> {
  const host = options.host ?? SERVER_DEFAULTS.host;
  const timings: Record<string, number> = {};
  const prepared = prepare(options, timings);
  const staticDir = options.staticDir ?? (await explorerAssetsDir());
  let port = options.port ?? SERVER_DEFAULTS.port;

  const server: Server = createServer((req, res) => {
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      sendError(req, res, 405, 'method not allowed');
      return;
    }
    if (!hostAllowed(req, host, port)) {
      sendError(req, res, 421, 'unexpected Host header');
      return;
    }
    const raw = req.url ?? '/';
    // Parse the path ourselves: URL() would resolve `..` segments before the static check could see them.
    const queryAt = raw.indexOf('?');
    const rawPath = queryAt >= 0 ? raw.slice(0, queryAt) : raw;
    if (!rawPath.startsWith('/')) {
      sendError(req, res, 400, 'bad request path');
      return;
    }
    if (rawPath.startsWith('/api/')) {
      handleApi(req, res, new URL(raw, 'http://explorer.invalid'), prepared);
      return;
    }
    serveStatic(req, res, staticDir, rawPath).catch(() => sendError(req, res, 500, 'internal error'));
  });

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolvePromise();
    });
  });
  port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}/`,
    host,
    port,
    staticDir,
    timings,
    payloadBytes: { json: prepared.graph.json.length, gzip: prepared.graph.gzip.length },
    close: () =>
      new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      }),
  };
}
