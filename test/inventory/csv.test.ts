import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parse } from 'csv-parse/sync';
import { decodeText, parseCsvText, parseWellFormed, readCsvRecords, sniffDelimiter } from '../../src/inventory/csv.js';
import { mulberry32 } from '../../src/graph/random.js';
import { folderWith, inputError } from './helpers.js';

describe('sniffDelimiter', () => {
  it('picks the delimiter that splits the lines alike, counting outside quotes', () => {
    expect(sniffDelimiter('id,name,level\n')).toBe(',');
    expect(sniffDelimiter('id;name;level\r\n1,2;x;y')).toBe(';');
    expect(sniffDelimiter('id\tname\tlevel\n')).toBe('\t');
    expect(sniffDelimiter('"a;b",c\n')).toBe(',');
    expect(sniffDelimiter('id\n')).toBe(',');
    expect(sniffDelimiter('\n\nid;name\n')).toBe(';');
    expect(sniffDelimiter('Daftar Aplikasi, 2024\nid;name;level;region\n')).toBe(';');
    // Unquoted commas in descriptions vary from row to row; the real delimiter splits every line alike.
    expect(sniffDelimiter('id;description\na1;pajak, retribusi, dan denda daerah\na2;kepegawaian, absensi\n')).toBe(';');
  });
});

describe('readCsvRecords', () => {
  it('handles a BOM, CRLF and ";" and numbers rows as a spreadsheet shows them', async () => {
    const text = '\uFEFFid;name;note\r\n\r\na1;SIMPEG;"two\r\nlines"\r\n;;\r\na2;"Sistem ""X"";v2";ok\r\n';
    const dir = await folderWith({ 'apps.csv': text });
    const records = await readCsvRecords(join(dir, 'apps.csv'));
    expect(records.file).toBe('apps.csv');
    expect(records.delimiter).toBe(';');
    expect(records.header).toEqual(['id', 'name', 'note']);
    expect(records.headerRow).toBe(1);
    // Row 2 is blank, row 3 holds a two-line cell, row 4 is empty cells only: both blanks are left out but counted.
    expect(records.rows).toEqual([
      { row: 3, cells: ['a1', 'SIMPEG', 'two\r\nlines'] },
      { row: 5, cells: ['a2', 'Sistem "X";v2', 'ok'] },
    ]);
  });

  it('reads tab-separated files and quotes inside unquoted values', () => {
    const records = parseCsvText('id\tname\na1\tAplikasi "Sehat" Kota\n', 'apps.tsv');
    expect(records.delimiter).toBe('\t');
    expect(records.rows[0]!.cells).toEqual(['a1', 'Aplikasi "Sehat" Kota']);
  });

  it('decodes UTF-16 "Unicode text" exports that carry a BOM', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('id\tname\r\na1\tSIMPEG\r\n', 'utf16le')]);
    expect(parseCsvText(decodeText(utf16, 'x.csv', 'CSV'), 'x.csv').rows[0]!.cells).toEqual(['a1', 'SIMPEG']);
  });

  it('skips blank and title lines before the header and counts them', () => {
    const records = parseCsvText('\n\nid,name\nx,y\n', 'a.csv');
    expect(records.headerRow).toBe(3);
    expect(records.rows[0]!.row).toBe(4);
    const titled = parseCsvText('Daftar Aplikasi Kota Contoh 2024;;\r\n\r\nid;nama;opd\r\na1;SIMPEG;BKD\r\n', 'b.csv');
    expect(titled.delimiter).toBe(';');
    expect(titled.header).toEqual(['id', 'nama', 'opd']);
    expect(titled.rows).toEqual([{ row: 4, cells: ['a1', 'SIMPEG', 'BKD'] }]);
  });

  it('refuses binary content, invalid UTF-8, malformed quoting and empty files with a message', async () => {
    const dir = await folderWith({
      'nul.csv': Buffer.from([0x69, 0x64, 0x00, 0x01, 0x02]),
      'zip.csv': Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]),
      'latin1.csv': Buffer.from('id,name\na1,Caf\xe9\n', 'latin1'),
      'quote.csv': 'id,name\na1,"open\na2,closed\n',
      'empty.csv': '\r\n\r\n',
    });
    const nul = await inputError(readCsvRecords(join(dir, 'nul.csv')));
    expect(nul.message).toContain('nul.csv');
    expect(nul.message).toContain('this is not a text CSV');
    expect(nul.message).toContain('NUL bytes');
    expect((await inputError(readCsvRecords(join(dir, 'zip.csv')))).message).toContain('XLSX workbook');
    const latin1 = await inputError(readCsvRecords(join(dir, 'latin1.csv')));
    expect(latin1.message).toContain('not valid UTF-8 (first bad byte on line 2)');
    expect(latin1.issues[0]!.fix).toContain('CSV UTF-8');
    const quote = await inputError(readCsvRecords(join(dir, 'quote.csv')));
    expect(quote.issues[0]).toMatchObject({ level: 'error', file: 'quote.csv' });
    expect(quote.message).toMatch(/malformed CSV at line \d+: .*[Qq]uote/);
    expect(quote.issues[0]!.fix).toContain('quote');
    expect((await inputError(readCsvRecords(join(dir, 'empty.csv')))).message).toContain('no header row');
    expect(await readCsvRecords(join(dir, 'missing.csv')).catch((e: unknown) => e)).toBeInstanceOf(InputError);
  });
});

describe('parseWellFormed: the fast path reads exactly what csv-parse reads', () => {
  const reference = (text: string, delimiter: string): string[][] =>
    parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false }) as string[][];

  /**
   * Ten thousand texts of `prefix` + up to `maxPieces` random pieces: each the fast path reads must read as
   * csv-parse reads it. Returns how many it read (the others it declines, leaving them to csv-parse).
   */
  const compareOnRandomTexts = (pieces: string[], { seed, prefix, maxPieces }: { seed: number; prefix: string; maxPieces: number }): number => {
    const random = mulberry32(seed);
    let read = 0;
    for (let t = 0; t < 10_000; t++) {
      let text = prefix;
      for (let i = Math.floor(random() * (maxPieces + 1)); i > 0; i--) text += pieces[Math.floor(random() * pieces.length)];
      const mine = parseWellFormed(text, ',');
      if (mine === undefined) continue;
      read++;
      expect(mine, JSON.stringify(text)).toEqual(reference(text, ','));
    }
    return read;
  };

  it('agrees on hand-picked well-formed texts', () => {
    const texts = [
      'id,name\na1,SIMPEG\n',
      'id,name\na1,SIMPEG',
      'id,name\r\na1,"two\r\nlines"\r\n\r\n,\r\n',
      'id;name\na1;"Sistem ""X"";v2";ok\n\n\n',
      'id\tname\na1\tAplikasi "Sehat" Kota\n',
      'id,name\n"",""\n"a""",b,\n',
      'a,"b,c",d\n"e\nf",g\n',
      '',
      '\n',
    ];
    for (const text of texts) {
      const delimiter = sniffDelimiter(text);
      expect(parseWellFormed(text, delimiter), JSON.stringify(text)).toEqual(reference(text, delimiter));
    }
  });

  it('agrees on ten thousand random texts, and leaves what it does not read to csv-parse', () => {
    // Short texts over the characters that matter; the fast path either reads a text exactly as csv-parse
    // does or declines it (a lone CR, text after a closing quote, an unclosed quote).
    const read = compareOnRandomTexts(['a', 'b', ' ', ',', ';', '"', '""', '\n', '\r\n', '\r', 'x"y', '"q"'], { seed: 7, prefix: '', maxPieces: 9 });
    expect(read).toBeGreaterThan(4_000);
    expect(parseWellFormed('a,"b"c\n', ',')).toBeUndefined();
    expect(parseWellFormed('a,"b\n', ',')).toBeUndefined();
    expect(parseWellFormed('a,b\rc,d\n', ',')).toBeUndefined();
    expect(parseWellFormed('a,b\r\nc,d\n', ',')).toBeUndefined();
  });

  it('reads text with characters beyond Latin-1 exactly as csv-parse does', () => {
    // An en dash anywhere makes the text two-byte, and the fast path then narrows the lines it can.
    const read = compareOnRandomTexts(['a', ',', '"', '""', '\n', '\r\n', '\r', 'x"y', '"q"', '–', 'é'], { seed: 11, prefix: '–\n', maxPieces: 11 });
    expect(read).toBeGreaterThan(3_000);
    expect(parseWellFormed('id,name\na1,"SIMPEG, Kepegawaian"\na2,"e–Kinerja"\n"a3","two\nlines"\n', ',')).toEqual([
      ['id', 'name'],
      ['a1', 'SIMPEG, Kepegawaian'],
      ['a2', 'e–Kinerja'],
      ['a3', 'two\nlines'],
    ]);
  });

  it('reads stretches of narrow lines between rare wide ones, with quoted values running across them', () => {
    // Narrow lines are copied one stretch at a time (up to the next line with a wide character); a quoted
    // value may start in a stretch and end in the wide line after it, or the other way round.
    const read = compareOnRandomTexts(['a', 'b', ',', ',', '\n', '\n', '\n', '"', '""', '"q"', '"r\ns"', '–'], { seed: 23, prefix: 'id,name\n', maxPieces: 30 });
    expect(read).toBeGreaterThan(1_000);
    expect(parseWellFormed('id,name\na1,"x\n–y"\nb,c\nd,"e\nf"\n–,g\n', ',')).toEqual([
      ['id', 'name'],
      ['a1', 'x\n–y'],
      ['b', 'c'],
      ['d', 'e\nf'],
      ['–', 'g'],
    ]);
  });
});
