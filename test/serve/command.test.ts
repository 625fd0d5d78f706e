import { get } from 'node:http';
import yargs from 'yargs';
import { describe, expect, it } from 'vitest';
import { serveCommand } from '../../src/cli/serve.js';
import { InputError } from '../../src/errors.js';
import { fromRoot } from '../../src/paths.js';

const INVENTORY = fromRoot('test', 'fixtures', 'browser', 'inventory');

function fetchText(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    get(url, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    }).on('error', reject);
  });
}

describe('siloscope serve', () => {
  it('serves the inventory on a free loopback port until stopped, then exits 0', async () => {
    let exit = -1;
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const listening = new Promise<string>((resolve) => {
      const command = serveCommand((code) => (exit = code), { onListening: resolve, untilStopped: () => stopped });
      void yargs(['serve', INVENTORY, '--port', '0', '--quiet']).command(command).strict().exitProcess(false).parseAsync();
    });
    const url = await listening;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const graph = await fetchText(`${url}api/search?q=SIMPEG`);
    expect(graph.status).toBe(200);
    expect(JSON.parse(graph.body).hits.map((h: { id: string }) => h.id)).toContain('sleman-simpeg');
    const page = await fetchText(url);
    expect(page.body).toContain('<title>siloscope explorer</title>');
    stop();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(exit).toBe(0);
    await expect(fetchText(url)).rejects.toThrow();
  });

  it('rejects a port outside 0–65535 as an input error', async () => {
    const command = serveCommand(() => {}, { untilStopped: async () => {} });
    const run = yargs(['serve', INVENTORY, '--port', '70000', '--quiet']).command(command).exitProcess(false).fail(false).parseAsync();
    await expect(run).rejects.toThrow(InputError);
  });
});
