import { describe, it, expect } from 'vitest';
import { parseAddressCell, looksLikeAddress } from '../../src/catalogue/address.js';
import { inferGovernment, unitKey, governmentFromName } from '../../src/catalogue/agencies.js';
import { resolveFlatColumns, missingFlatFields } from '../../src/catalogue/columns.js';
import { parseKind } from '../../src/catalogue/kind.js';
import { addressFit, alignRows, splitNameCell } from '../../src/catalogue/names.js';
import { fitRow } from '../../src/catalogue/repair.js';

const MADIUN_HEADER = [
  'Nama Perangkat Daerah',
  'Nama Aplikasi',
  'Deskripsi Singkat Aplikasi',
  'Alamat Domain / Link Aplikasi',
  'Jenis Aplikasi',
  'Status Aplikasi',
  'Penyebab Aplikasi Tidak Aktif',
];

describe('flat catalogue columns', () => {
  it('maps the Indonesian headers of a real catalogue, keeping unknown columns as properties', () => {
    const cols = resolveFlatColumns([...MADIUN_HEADER, 'Nama Pengelola']);
    expect(cols.at).toMatchObject({ unit: 0, name: 1, description: 2, address: 3, kind: 4, status: 5, statusReason: 6, government: -1 });
    expect(cols.label.address).toBe('Alamat Domain / Link Aplikasi');
    expect(cols.properties).toEqual([{ col: 7, key: 'Nama Pengelola' }]);
    expect(missingFlatFields(cols)).toEqual([]);
  });

  it('recognises other spellings by their words, and a government column', () => {
    const cols = resolveFlatColumns(['OPD', 'Aplikasi', 'URL', 'Keterangan', 'Pemda', 'OPD Pengembang', 'Tahun Pembuatan']);
    expect(cols.at).toMatchObject({ unit: 0, name: 1, address: 2, description: 3, government: 4, developer: 5, year: 6 });
    const byWords = resolveFlatColumns(['Instansi Pengguna', 'Nama Aplikasi Daerah', 'Link Akses']);
    expect(byWords.at).toMatchObject({ unit: 0, name: 1, address: 2 });
  });

  it('reports the missing unit column', () => {
    const missing = missingFlatFields(resolveFlatColumns(['Nama Aplikasi', 'Deskripsi']));
    expect(missing.map((m) => m.field)).toEqual(['unit']);
  });
});

describe('"Jenis Aplikasi"', () => {
  it('reads origin and category from the words real catalogues use', () => {
    expect(parseKind('Aplikasi Pusat/Umum')).toEqual({ origin: 'national', category: 'common' });
    expect(parseKind('Aplikasi Khusus/Daerah')).toEqual({ origin: 'local', category: 'specific' });
    expect(parseKind('Aplikasi Daerah')).toEqual({ origin: 'local' });
    expect(parseKind('Lainnya')).toEqual({});
    expect(parseKind('')).toBeUndefined();
    expect(parseKind('//simona.kemendagri')).toBeNull();
    expect(parseKind('Pusat/Daerah')).toBeNull();
  });
});

describe('address cells', () => {
  it('takes the address before a "Sumber:" note and keeps the whole cell as the note', () => {
    expect(parseAddressCell('https://myasn.bkn.go.id/ | Sumber: My SAPK')).toMatchObject({
      kind: 'url',
      url: 'https://myasn.bkn.go.id/',
      note: 'https://myasn.bkn.go.id/ | Sumber: My SAPK',
    });
    expect(parseAddressCell('https://sipd.kemendagri.go.id')).toEqual({ kind: 'url', url: 'https://sipd.kemendagri.go.id', leadingWords: 0 });
  });

  it('finds an address in the note when the main part has none', () => {
    expect(parseAddressCell('Portal BKD | Sumber: simpeg.bogorkab.go.id')).toMatchObject({ kind: 'url', url: 'simpeg.bogorkab.go.id' });
  });

  it('tells IP addresses, private ones included, from host names', () => {
    expect(parseAddressCell('http://103.132.230.74:8080/guacamole/#/')).toMatchObject({ kind: 'ip', url: 'http://103.132.230.74:8080/guacamole/#/' });
    expect(parseAddressCell('192.168.3.100 (local) | Sumber: 192.168.3.100 (local)')).toMatchObject({ kind: 'ip', url: '192.168.3.100', privateAddress: true });
    expect(parseAddressCell('server: 10.35.19.42:3000 ktprw :localhost:38885')).toMatchObject({ kind: 'ip', url: '10.35.19.42:3000', privateAddress: true });
  });

  it('reads words that answer "how is it reached" and placeholders, and leaves other text as text', () => {
    expect(parseAddressCell('VPN | Sumber: VPN')).toMatchObject({ kind: 'access', note: 'VPN | Sumber: VPN' });
    expect(parseAddressCell('Desktop | Sumber: Desktop')).toMatchObject({ kind: 'access', platform: 'desktop' });
    expect(parseAddressCell('Aplikasi yang diinstal')).toMatchObject({ kind: 'access', platform: 'desktop' });
    expect(parseAddressCell('https://tidakada.invalid | Sumber: tidak ada')).toMatchObject({ kind: 'placeholder' });
    expect(parseAddressCell('BKPSDM Kab. Madiun | Sumber: BKPSDM Kab. Madiun')).toMatchObject({ kind: 'text' });
    expect(parseAddressCell('E.Pegawai')).toMatchObject({ kind: 'text' });
    expect(parseAddressCell('https://play.google.com/store/apps/details?id=x')).toMatchObject({ kind: 'url', platform: 'mobile' });
  });

  it('accepts as an address column value only what opens with an address', () => {
    expect(looksLikeAddress('https://simona.kemendagri.go.id | Sumber: https;//simona.kemendagri')).toBe(true);
    expect(looksLikeAddress('//simona.kemendagri')).toBe(false);
    expect(looksLikeAddress('b) Pengelolaan data usaha mikro; c) Mewujudkan roadmap pembinaan usaha mikro;https://x.madiunkab.go.id/')).toBe(false);
    expect(looksLikeAddress('Desktop')).toBe(true);
  });
});

describe('rows wider than the header', () => {
  const cols = resolveFlatColumns(MADIUN_HEADER);

  it('joins a description that held the delimiter back together', () => {
    const row = ['Dinas', 'SIMIUM', 'tujuan: a) data', ' b) kelola', 'https://simium.madiunkab.go.id/', 'Lainnya', 'Aktif', ''];
    expect(fitRow(row, 7, cols, ';')).toEqual({
      outcome: 'repaired',
      field: 'description',
      extra: 1,
      cells: ['Dinas', 'SIMIUM', 'tujuan: a) data; b) kelola', 'https://simium.madiunkab.go.id/', 'Lainnya', 'Aktif', ''],
    });
  });

  it('joins an address that held the delimiter, even when the last cell is empty', () => {
    const row = ['Kecamatan Saradan', 'SIMONA', 'Monitoring Anjab', 'https://simona.kemendagri.go.id | Sumber: https', '//simona.kemendagri', 'Aplikasi Pusat/Umum', 'Aktif', ''];
    const fitted = fitRow(row, 7, cols, ';');
    expect(fitted).toMatchObject({ outcome: 'repaired', field: 'address' });
    expect(fitted.cells[3]).toBe('https://simona.kemendagri.go.id | Sumber: https;//simona.kemendagri');
    expect(fitted.cells[4]).toBe('Aplikasi Pusat/Umum');
  });

  it('drops empty trailing cells of a row that reads right as it is', () => {
    expect(fitRow(['Dinas', 'X', 'd', 'https://x.go.id', 'Lainnya', 'Aktif', '', '', ''], 7, cols, ';')).toEqual({
      outcome: 'fits',
      cells: ['Dinas', 'X', 'd', 'https://x.go.id', 'Lainnya', 'Aktif', ''],
    });
  });

  it('keeps only unit and name when no column explains the extra cells', () => {
    // Whichever free-text column takes the extra cell, "e"/"f" land in the address or kind column.
    const row = ['Dinas', 'X', 'd', 'e', 'f', 'g', 'h', 'i'];
    expect(fitRow(row, 7, cols, ';')).toMatchObject({ outcome: 'unparseable', cells: ['Dinas', 'X', '', '', '', '', ''] });
  });

  it('joins extra cells at the end into the last free-text column', () => {
    const row = ['Dinas', 'X', 'd', 'https://x.go.id', 'Khusus', 'Tidak Aktif', 'server rusak', 'belum diganti'];
    expect(fitRow(row, 7, cols, ';')).toMatchObject({ outcome: 'repaired', field: 'statusReason', cells: ['Dinas', 'X', 'd', 'https://x.go.id', 'Khusus', 'Tidak Aktif', 'server rusak;belum diganti'] });
  });
});

describe('name cells listing several applications', () => {
  it('splits on group labels, semicolons and commas, with the kind each label gives', () => {
    expect(splitNameCell('Aplikasi Pusat : SIPD-RI, e-Billing Pajak; Aplikasi Daerah : SIMPEG, e-Presensi')).toEqual([
      { name: 'SIPD-RI', position: 1, kind: { origin: 'national' } },
      { name: 'e-Billing Pajak', position: 2, kind: { origin: 'national' } },
      { name: 'SIMPEG', position: 3, kind: { origin: 'local' } },
      { name: 'e-Presensi', position: 4, kind: { origin: 'local' } },
    ]);
    expect(splitNameCell('SIMPEG, SIPD')).toEqual([
      { name: 'SIMPEG', position: 1 },
      { name: 'SIPD', position: 2 },
    ]);
  });

  it('leaves names with a comma, a slash or parentheses whole', () => {
    expect(splitNameCell('Pendaftaran, Verifikasi dan Penerbitan Izin')).toBeUndefined();
    expect(splitNameCell('SIKN/JIKN (SISTEM INFORMASI KEARSIPAN NASIONAL)')).toBeUndefined();
    expect(splitNameCell('SIMPKB (WEB, ANDROID)')).toBeUndefined();
  });

  it('matches repeated rows to the names their addresses point at, keeping both orders', () => {
    const names = ['SIPD-RI', 'e-Billing Pajak', 'e-ASN Digital', 'SIMPEG', 'e-Presensi', 'e-P3'];
    const addresses = ['https://sipd.kemendagri.go.id', 'https://www.pajak.go.id/e-billing', 'https://simpeg.madiunkab.go.id', 'http://103.132.230.13', 'http://ep3-madiunkab.prototipe.net/login'];
    // SIMPEG (3) and e-P3 (5) anchor the rows around the IP: it can only be e-Presensi (4); e-ASN Digital (2) has no row.
    expect(alignRows(names, addresses)).toEqual([0, 1, 3, 4, 5]);
    expect(addressFit('Satu Data', 'https://data.madiunkab.go.id')).toBe(1);
    expect(addressFit('ANJAB', 'http://103.228.246.21/anjab/')).toBe(1);
    expect(addressFit('e-Presensi', 'http://103.132.230.13')).toBe(0);
    expect(alignRows(['A'], ['x', 'y'])).toBeUndefined();
  });
});

describe('unit names and the government', () => {
  it('gives the spellings of one unit one key', () => {
    const keys = ['kabupaten madiun'];
    expect(unitKey('Badan Perencanaan Pembangunan Daerah (BAPPEDA)', keys)).toBe('badan perencanaan pembangunan daerah');
    expect(unitKey('BAPPEDA', keys)).toBe('badan perencanaan pembangunan daerah');
    expect(unitKey('  dinas   kesehatan kab. madiun', keys)).toBe('dinas kesehatan');
    expect(unitKey('Dinas Kominfo')).toBe('dinas komunikasi dan informatika');
    expect(unitKey('Dinas Perumahan & Kawasan Pemukiman')).toBe('dinas perumahan dan kawasan permukiman');
    expect(unitKey('Kecamatan Madiun', keys)).toBe('kecamatan madiun');
  });

  it('reads a government name with its kind, and refuses one without', () => {
    expect(governmentFromName('Kabupaten Madiun', 'given')).toEqual({ id: 'kabupaten-madiun', name: 'Kabupaten Madiun', level: 'regency', basis: 'given' });
    expect(governmentFromName('Pemerintah Kota Bogor', 'given')).toMatchObject({ id: 'kota-bogor', level: 'city' });
    expect(governmentFromName('Madiun', 'given')).toBeUndefined();
  });

  it('infers the government from regional hosts and text, a province only when nothing smaller is named', () => {
    const rows = [
      { row: 2, address: 'https://simpeg.madiunkab.go.id', text: 'SIMPEG' },
      { row: 3, address: 'http://ep3-madiunkab.prototipe.net', text: 'EP3' },
      { row: 4, address: 'https://sukma.jatimprov.go.id', text: 'Sukma' },
      { row: 5, text: 'Portal data Kabupaten Madiun' },
    ];
    expect(inferGovernment(rows)).toMatchObject({ id: 'kabupaten-madiun', name: 'Kabupaten Madiun', level: 'regency' });
    expect(inferGovernment([rows[2]!, { row: 6, address: 'https://siskaperbapo.jatimprov.go.id', text: 'x' }])).toMatchObject({ name: 'Provinsi Jawa Timur', level: 'province' });
    // One row is not enough, and two governments named equally often are not told apart.
    expect(inferGovernment([rows[0]!])).toBeUndefined();
    expect(inferGovernment([rows[0]!, rows[1]!, { row: 7, address: 'https://a.bogorkab.go.id', text: '' }, { row: 8, address: 'https://b.bogorkab.go.id', text: '' }])).toBeUndefined();
  });
});
