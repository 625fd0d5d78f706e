import { describe, it, expect } from 'vitest';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PIECE_CHARS } from '../../src/output/file.js';
import { inlineWriter, threadWriter, type TextFileWriter } from '../../src/output/writer-thread.js';

async function inTempDir(run: (dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'siloscope-writer-'));
  try {
    await run(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function* generated(): Generator<string> {
  // Several pieces, one- and two-byte text (a piece with "→" is a two-byte string), an empty part.
  yield 'α';
  yield 'b'.repeat(PIECE_CHARS);
  yield '';
  for (let i = 0; i < 3000; i++) yield `app-${i} → app-${i + 1}\n`;
  yield 'c'.repeat(PIECE_CHARS + 3);
  yield 'ω';
}
const expected = [...generated()].join('');

for (const [label, make] of [
  ['threadWriter', threadWriter],
  ['inlineWriter', inlineWriter],
] as Array<[string, () => TextFileWriter]>) {
  describe(label, () => {
    it('writes every file handed to it, each the exact concatenation of its parts, by close()', async () => {
      await inTempDir(async (dir) => {
        const writer = make();
        expect(writer.thread).toBe(label === 'threadWriter');
        const done = [writer.write(join(dir, 'a.txt'), generated()), writer.write(join(dir, 'b.txt'), ['only one part']), writer.write(join(dir, 'c.txt'), [])];
        await writer.close();
        await Promise.all(done);
        expect(await readFile(join(dir, 'a.txt'), 'utf8')).toBe(expected);
        expect(await readFile(join(dir, 'b.txt'), 'utf8')).toBe('only one part');
        expect(await readFile(join(dir, 'c.txt'), 'utf8')).toBe('');
      });
    });

    it('fails the file it cannot write with the file-system error, and still writes the others', async () => {
      await inTempDir(async (dir) => {
        await mkdir(join(dir, 'blocked.json'));
        const writer = make();
        const blocked = writer.write(join(dir, 'blocked.json'), generated());
        const fine = writer.write(join(dir, 'fine.txt'), generated());
        await expect(blocked).rejects.toMatchObject({ code: 'EISDIR' });
        await expect(writer.close()).rejects.toMatchObject({ code: 'EISDIR' });
        await fine;
        expect(await readFile(join(dir, 'fine.txt'), 'utf8')).toBe(expected);
      });
    });
  });
}
