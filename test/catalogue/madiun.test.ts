/**
 * The real Kabupaten Madiun catalogue (fixtures/catalogue/madiun, see its SOURCE.md), read as it is. Every
 * expected value below was read off the file row by row (row numbers are the spreadsheet's: header = 1).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFlatCsv } from '../../src/catalogue/index.js';
import type { Application, Inventory } from '../../src/types.js';

const MADIUN = new URL('../fixtures/catalogue/madiun/aplikasi.csv', import.meta.url).pathname;
const GOV = 'kabupaten-madiun';

let inventory: Inventory;
let byId: Map<string, Application>;
beforeAll(async () => {
  inventory = await loadFlatCsv(MADIUN);
  byId = new Map(inventory.applications.map((a) => [a.id, a]));
});

describe('the Madiun catalogue', () => {
  it('has 31 units under the regency it names itself, inferred from its addresses and text', () => {
    expect(inventory.agencies[0]).toMatchObject({ id: GOV, name: 'Kabupaten Madiun', level: 'regency' });
    expect(inventory.agencies[0]!.properties.government_basis).toMatch(/^inferred from \d+ rows \(addresses on madiunkab\.go\.id; "Kabupaten Madiun" in the text\)$/);
    const units = inventory.agencies.slice(1);
    expect(units).toHaveLength(31);
    expect(units.every((u) => u.level === 'unit' && u.parentId === GOV)).toBe(true);
    expect(units.find((u) => u.name === 'Badan Perencanaan Pembangunan Daerah (BAPPEDA)')?.id).toBe(`${GOV}/badan-perencanaan-pembangunan-daerah`);
    // Kecamatan Madiun is a unit named after the region, not the regency itself.
    expect(units.find((u) => u.id === `${GOV}/kecamatan-madiun`)?.name).toBe('Kecamatan Madiun');
  });

  it('reads 185 records from 186 rows: one placeholder and one repeat out, one listed name without a row in', () => {
    expect(inventory.applications).toHaveLength(185);
    expect(byId.has('r5')).toBe(false);
    expect(byId.has('r52')).toBe(false);
    expect(byId.get('r51')).toMatchObject({ name: 'IDM', agencyId: `${GOV}/kecamatan-wungu`, url: 'https://idm.kemendesa.go.id/' });
  });

  it('warns about each irregular row, naming row and column', () => {
    expect(inventory.warnings.map((w) => [w.row, w.outcome ?? w.column])).toEqual([
      [5, 'placeholder'],
      [9, 'split'],
      [28, 'Alamat Domain / Link Aplikasi'],
      [52, 'repeated'],
      [63, 'Alamat Domain / Link Aplikasi'],
      [64, 'Alamat Domain / Link Aplikasi'],
      [66, 'Alamat Domain / Link Aplikasi'],
      [69, 'Alamat Domain / Link Aplikasi'],
      [119, 'Alamat Domain / Link Aplikasi'],
      [121, 'repaired'],
      [182, 'repaired'],
    ]);
    expect(inventory.warnings[0]).toMatchObject({ agencyId: `${GOV}/bagian-administrasi-pembangunan`, message: expect.stringContaining('"tidak ada"') });
    expect(inventory.warnings[3]!.message).toBe('this row repeats row 51 exactly; it was skipped.');
  });

  it('reads the eight rows of the Protokol name cell as the applications their addresses point at', () => {
    const read = ['r9', 'r10', 'r11', 'r12', 'r13', 'r14', 'r15', 'r16', 'r9.3'].map((id) => {
      const a = byId.get(id)!;
      return [id, a.name, a.url, a.origin];
    });
    expect(read).toEqual([
      ['r9', 'SIPD-RI', 'https://sipd.kemendagri.go.id', 'national'],
      ['r10', 'e-Billing Pajak', 'https://www.pajak.go.id/e-billing', 'national'],
      ['r11', 'SIMPEG', 'https://simpeg.madiunkab.go.id', 'local'],
      ['r12', 'e-Presensi', 'http://103.132.230.13', 'local'],
      ['r13', 'e-P3', 'http://ep3-madiunkab.prototipe.net/login', 'local'],
      ['r14', 'Kinerja Pembangunan Daerah', 'https://kab.kertaskerja.cc/login', 'local'],
      ['r15', 'Satu Data', 'https://data.madiunkab.go.id', 'local'],
      ['r16', 'ANJAB', 'http://103.228.246.21/anjab/', 'local'],
      ['r9.3', 'e-ASN Digital', undefined, 'national'],
    ]);
    // The shared text explains the two kinds of application, not any one of them: kept, not a description.
    expect(byId.get('r11')!.description).toBeUndefined();
    expect(byId.get('r11')!.properties['Deskripsi Singkat Aplikasi']).toMatch(/^Aplikasi Pusat\/Umum adalah layanan aplikasi/);
  });

  it('joins the delimiter back into a description (row 182) and an address (row 121)', () => {
    expect(byId.get('r182')).toMatchObject({
      name: 'SIMIUM',
      description: 'Sistem informasi usaha mikro, yang mempunyai tujuan : a) Menghimpun data usaha mikro; b) Pengelolaan data usaha mikro; c) Mewujudkan roadmap pembinaan usaha mikro',
      url: 'https://simiumperdagkop.madiunkab.go.id/',
      status: 'active',
    });
    expect(byId.get('r182')!.origin).toBeUndefined();
    expect(byId.get('r121')).toMatchObject({ name: 'SIMONA', url: 'https://simona.kemendagri.go.id', origin: 'national', category: 'common', status: 'active' });
  });

  it('keeps the five inactive applications retired with their reasons', () => {
    const retired = inventory.applications.filter((a) => a.status === 'retired').map((a) => [a.id, a.name, a.statusReason]);
    expect(retired).toEqual([
      ['r88', 'My SAPK', 'Karena sudah digantikan dengan My ASN'],
      ['r124', 'My.SAPK', 'Tidak bisa dibuka'],
      ['r155', 'Pengukuran Kinerja', 'perubahan struktur organisasi dan PK blm bs diakomodir oleh aplikasi'],
      ['r172', 'Simade (Sistem Manajemen Aparatur Desa)', 'Ada kendala pada server yang overload dan terdapat bug bug aplikasi saat menginput.'],
      [
        'r173',
        'Simonik Desa (Sistem Monitoring Kinerja Desa)',
        'Aplikasi memerlukan sinkronisasi database di setiap tahunnya dan perlu pihak ketiga pengembang aplikasi untuk melakukan hal tsb. Selain itu ada kendala pada server yg sering overload dgn aplikasi lain.',
      ],
    ]);
  });

  it('reads addresses as written, and words and notes as what they are', () => {
    expect(byId.get('r17')).toMatchObject({ name: 'SIAK', url: '10.35.19.42:3000' });
    expect(byId.get('r187')).toMatchObject({ name: 'SIMRS', url: '192.168.3.100' });
    expect(byId.get('r42')!.url).toBeUndefined();
    expect(byId.get('r42')!.properties['Alamat Domain / Link Aplikasi']).toBe('VPN | Sumber: VPN');
    expect(['r47', 'r48', 'r49', 'r50', 'r107', 'r115', 'r118'].map((id) => byId.get(id)!.platform)).toEqual(Array(7).fill('desktop'));
    expect(byId.get('r28')).toMatchObject({ name: 'SIMPEG', properties: { 'Alamat Domain / Link Aplikasi': 'BKPSDM Kab. Madiun | Sumber: BKPSDM Kab. Madiun' } });
    expect(byId.get('r28')!.url).toBeUndefined();
    expect(byId.get('r88')!.url).toBe('https://myasn.bkn.go.id/');
    expect(byId.get('r163')!.platform).toBe('mobile');
  });
});
