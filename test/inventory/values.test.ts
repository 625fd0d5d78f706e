import { describe, expect, it } from 'vitest';
import {
  APPLICATION_COLUMNS,
  AGENCY_COLUMNS,
  CATEGORY_VALUES,
  DATASET_COLUMNS,
  EXCHANGE_COLUMNS,
  LEVEL_VALUES,
  MECHANISM_VALUES,
  ORIGIN_VALUES,
  STATUS_VALUES,
  type ColumnSpec,
} from '../../src/inventory/aliases.js';
import {
  cellText,
  inferLevelFromName,
  normaliseHeader,
  normaliseValueKey,
  parseCategory,
  parseCost,
  parseCount,
  parseLevel,
  parseMechanism,
  parseOrigin,
  parseSeparatedNumber,
  parseStatus,
  parseYear,
  splitList,
} from '../../src/inventory/values.js';

describe('normaliseHeader', () => {
  it('ignores case, spaces, punctuation and accents, and splits camelCase', () => {
    expect(normaliseHeader('Nama Aplikasi')).toBe('nama_aplikasi');
    expect(normaliseHeader(' NAMA-APLIKASI* ')).toBe('nama_aplikasi');
    expect(normaliseHeader('agencyId')).toBe('agency_id');
    expect(normaliseHeader('parentID')).toBe('parent_id');
    expect(normaliseHeader('Biaya (Rp)')).toBe('biaya_rp');
    expect(normaliseHeader('Catégorie')).toBe('categorie');
    expect(normaliseHeader('annual_cost')).toBe('annual_cost');
  });
});

describe('parseCost', () => {
  it.each([
    ['Rp 1.500.000', 1_500_000],
    ['Rp1.500.000,-', 1_500_000],
    ['Rp. 1.500.000,00', 1_500_000],
    ['1.500.000,50', 1_500_000.5],
    ['1,500,000.50', 1_500_000.5],
    ['1,500,000', 1_500_000],
    ['150000000', 150_000_000],
    ['1.500', 1_500],
    ['1,500', 1_500],
    ['2,5', 2.5],
    ['1500.50', 1_500.5],
    ['0.500', 0.5],
    ['2,5 juta', 2_500_000],
    ['1.5 jt', 1_500_000],
    ['Rp 2 M', 2_000_000_000],
    ['3 miliar', 3_000_000_000],
    ['750 ribu', 750_000],
    ['IDR 1,000', 1_000],
    ['1.000.000 rupiah', 1_000_000],
    ['0', 0],
  ])('%s → %d', (text, expected) => {
    expect(parseCost(text)).toBe(expected);
  });

  it('takes number cells as they are', () => {
    expect(parseCost(1234.5)).toBe(1234.5);
    expect(parseCost(-1)).toBeNull();
  });

  it('returns undefined for blanks and placeholders, null for text that is not a non-negative amount', () => {
    for (const blank of ['', '  ', '-', 'N/A', 'tidak ada', undefined, null]) expect(parseCost(blank)).toBeUndefined();
    for (const bad of ['abc', '-1000', '(1.000)', '1.50.000', '12 bulan', '1,500.000,00', 'Rp', '1 500 000']) expect(parseCost(bad)).toBeNull();
  });
});

describe('parseSeparatedNumber', () => {
  it('reads thousands groups strictly', () => {
    expect(parseSeparatedNumber('12.345.678')).toBe(12_345_678);
    expect(parseSeparatedNumber('1234.567')).toBe(1234.567);
    expect(parseSeparatedNumber('1.2345.678')).toBeNull();
    expect(parseSeparatedNumber('1..5')).toBeNull();
  });
});

describe('parseCount', () => {
  it('reads whole counts written loosely', () => {
    expect(parseCount('1.200')).toBe(1200);
    expect(parseCount('± 40 orang')).toBe(40);
    expect(parseCount('2 ribu')).toBe(2000);
    expect(parseCount('100+')).toBe(100);
    expect(parseCount(35)).toBe(35);
  });
  it('refuses fractions and negatives', () => {
    expect(parseCount('1,5')).toBeNull();
    expect(parseCount('-5')).toBeNull();
    expect(parseCount(2.5)).toBeNull();
    expect(parseCount('banyak')).toBeNull();
  });
});

describe('parseYear', () => {
  it('reads years, dates and date cells', () => {
    expect(parseYear('2019')).toBe(2019);
    expect(parseYear('2019-05-01')).toBe(2019);
    expect(parseYear('01/03/2019')).toBe(2019);
    expect(parseYear(2020)).toBe(2020);
    expect(parseYear(new Date(Date.UTC(2018, 0, 1)))).toBe(2018);
    expect(parseYear('')).toBeUndefined();
  });
  it('refuses what is not a plausible year', () => {
    expect(parseYear('20xx')).toBeNull();
    expect(parseYear('-2019')).toBeNull();
    expect(parseYear('19')).toBeNull();
    expect(parseYear(2500)).toBeNull();
  });
});

describe('enumerations', () => {
  it('maps Indonesian and English words', () => {
    expect(parseStatus('Aktif')).toBe('active');
    expect(parseStatus('Tidak Aktif')).toBe('retired');
    expect(parseStatus('non-aktif')).toBe('retired');
    expect(parseStatus('Dalam Pengembangan')).toBe('development');
    expect(parseStatus('Tidak aktif sejak 2020')).toBe('retired');
    expect(parseCategory('Umum')).toBe('common');
    expect(parseCategory('KHUSUS')).toBe('specific');
    expect(parseCategory('RAA.01.02')).toBe('common');
    expect(parseOrigin('Pusat')).toBe('national');
    expect(parseOrigin('Lokal')).toBe('local');
    expect(parseMechanism('ESB')).toBe('service_bus');
    expect(parseMechanism('SPLP')).toBe('service_bus');
    expect(parseMechanism('REST')).toBe('api');
    expect(parseMechanism('SOAP')).toBe('api');
    expect(parseMechanism('Excel')).toBe('file');
    expect(parseMechanism('e-mail')).toBe('file');
    expect(parseMechanism('FTP')).toBe('file');
    expect(parseMechanism('kertas')).toBe('manual');
    expect(parseMechanism('service_bus')).toBe('service_bus');
    expect(parseLevel('Kementerian/Lembaga')).toBe('central');
    expect(parseLevel('Provinsi')).toBe('province');
    expect(parseLevel('Kabupaten')).toBe('regency');
    expect(parseLevel('Kota')).toBe('city');
    expect(parseLevel('OPD')).toBe('unit');
    expect(parseLevel('Dinas')).toBe('unit');
    expect(parseLevel('Badan')).toBe('unit');
  });
  it('answers the same on a repeated text (remembered answers) and null for unknown words', () => {
    expect(parseStatus('Aktif')).toBe('active');
    expect(parseStatus('hidup?')).toBeNull();
    expect(parseStatus('hidup?')).toBeNull();
    expect(parseMechanism('telepati')).toBeNull();
    expect(parseLevel('planet')).toBeNull();
    expect(parseCategory('-')).toBeUndefined();
  });
  it('infers a level only from unambiguous leading words of a name', () => {
    expect(inferLevelFromName('Dinas Kesehatan Kota Bogor')).toBe('unit');
    expect(inferLevelFromName('Pemerintah Kabupaten Bogor')).toBe('regency');
    expect(inferLevelFromName('Kementerian Kesehatan')).toBe('central');
    expect(inferLevelFromName('Badan Pusat Statistik')).toBeUndefined();
    expect(inferLevelFromName('Unit D')).toBeUndefined();
  });
});

describe('cells and lists', () => {
  it('trims, drops placeholders and renders typed cells', () => {
    expect(cellText('  SIMPEG ')).toBe('SIMPEG');
    expect(cellText('—')).toBeUndefined();
    expect(cellText('NULL')).toBeUndefined();
    expect(cellText(12)).toBe('12');
    expect(cellText(new Date(Date.UTC(2020, 1, 3)))).toBe('2020-02-03');
  });
  it('splits id lists on ; | , and line breaks, keeping order and dropping repeats', () => {
    expect(splitList('ds1; ds2|ds3 ,ds1\nds4')).toEqual(['ds1', 'ds2', 'ds3', 'ds4']);
    expect(splitList(['a', ' b ', 'a'])).toEqual(['a', 'b']);
    expect(splitList('-')).toEqual([]);
  });
});

describe('alias tables', () => {
  const valueTables = { LEVEL_VALUES, CATEGORY_VALUES, ORIGIN_VALUES, STATUS_VALUES, MECHANISM_VALUES };
  it.each(Object.entries(valueTables))('%s maps no word to two values', (_, table) => {
    const seen = new Map<string, string>();
    for (const [value, words] of Object.entries(table as Record<string, readonly string[]>)) {
      for (const word of [value, ...words]) {
        const key = normaliseValueKey(word);
        expect(seen.get(key) ?? value, `"${word}" maps to ${seen.get(key)} and ${value}`).toBe(value);
        seen.set(key, value);
      }
    }
  });
  const columnTables: Record<string, readonly ColumnSpec[]> = { AGENCY_COLUMNS, APPLICATION_COLUMNS, EXCHANGE_COLUMNS, DATASET_COLUMNS };
  it.each(Object.entries(columnTables))('%s gives each header to one column, written normalised', (_, specs) => {
    const seen = new Map<string, string>();
    for (const spec of specs) {
      expect(spec.aliases[0]).toBe(spec.column);
      for (const alias of spec.aliases) {
        expect(normaliseHeader(alias)).toBe(alias);
        expect(seen.get(alias) ?? spec.field, `"${alias}" is claimed twice`).toBe(spec.field);
        seen.set(alias, spec.field);
      }
    }
  });
});
