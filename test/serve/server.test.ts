import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, startExplorerServer, type ExplorerServer } from '../../src/serve/server.js';
import type { GraphPayload, ItemDetail, SearchResponse } from '../../src/serve/protocol.js';
import { serveFixture } from './fixture.js';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A raw request: the path goes out exactly as written (no `..` clean-up, no re-encoding). */
function raw(server: ExplorerServer, path: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

const json = <T>(reply: Reply): T => JSON.parse((reply.headers['content-encoding'] === 'gzip' ? gunzipSync(reply.body) : reply.body).toString('utf8')) as T;

describe('explorer server', () => {
  let server: ExplorerServer;
  let parent: string;
  beforeAll(async () => {
    // A decoy package.json right outside the static folder: a traversal that worked would serve it.
    parent = mkdtempSync(join(tmpdir(), 'siloscope-serve-'));
    const staticDir = join(parent, 'site');
    mkdirSync(staticDir);
    writeFileSync(join(parent, 'package.json'), '{ "name": "decoy" }');
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>explorer</title>');
    const { analysis, inventory } = serveFixture();
    server = await startExplorerServer({ analysis, inventory, port: 0, staticDir });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(parent, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 and serves the page with a strict CSP', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    const page = await raw(server, '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.body.toString()).toContain('<title>explorer</title>');
  });

  it('serves the graph payload, gzipped when asked', async () => {
    const plain = await raw(server, '/api/graph');
    const zipped = await raw(server, '/api/graph', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(plain.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.body.length).toBeLessThan(plain.body.length);
    expect(json<GraphPayload>(zipped)).toEqual(json<GraphPayload>(plain));
    expect(json<GraphPayload>(plain).applications.id).toEqual(['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7']);
    expect(plain.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('answers search and item requests', async () => {
    const found = json<SearchResponse>(await raw(server, '/api/search?q=SIMPEG&limit=2'));
    expect(found.hits.map((h) => h.id)).toEqual(['p1', 'RAB.09.S05']);
    const item = json<ItemDetail>(await raw(server, `/api/item/application/${encodeURIComponent('p1')}`));
    expect(item.title).toBe('SIMPEG');
    expect((await raw(server, '/api/item/application/nope')).status).toBe(404);
    expect((await raw(server, '/api/item/planet/p1')).status).toBe(404);
    expect((await raw(server, '/api/item/application/%E0%A4%A')).status).toBe(400);
    expect((await raw(server, '/api/nothing')).status).toBe(404);
  });

  it('refuses path traversal however it is spelled', async () => {
    for (const path of ['/../package.json', '/../../package.json', '/%2e%2e/package.json', '/%2E%2E%2Fpackage.json', '/..%2f..%2fpackage.json', '/..%5c..%5cpackage.json', '/%2e%2e%2f%2e%2e%2fpackage.json', '/%252e%252e/package.json']) {
      const reply = await raw(server, path);
      expect([400, 403, 404], path).toContain(reply.status);
      expect(reply.body.toString(), path).not.toContain('decoy');
    }
  });

  it('answers only GET and HEAD, and only for its own host name', async () => {
    expect((await raw(server, '/api/graph', { method: 'POST' })).status).toBe(405);
    const head = await raw(server, '/', { method: 'HEAD' });
    expect([head.status, head.body.length]).toEqual([200, 0]);
    expect((await raw(server, '/api/graph', { headers: { Host: `attacker.example:${server.port}` } })).status).toBe(421);
    expect((await raw(server, '/', { headers: { Host: `localhost:${server.port}` } })).status).toBe(200);
  });
});
