import { describe, expect, it } from 'vitest';
import { coreName } from '../../src/analysis/dup-features.js';
import {
  PhraseTrie,
  Interner,
  diceSorted,
  foldText,
  isRegionalHost,
  maximalMatches,
  nameTokens,
  parseUrl,
  sortedIds,
  systemKey,
  tokenize,
  trigrams,
  weightedJaccardSorted,
} from '../../src/analysis/text.js';
import { compileReference } from '../../src/reference/compile.js';
import { loadReference } from '../../src/reference/index.js';

const compiled = compileReference(loadReference());

describe('tokenize', () => {
  it('gives plain ASCII text (read in one pass) the same tokens as the folding path', () => {
    // The folding path, spelled out: fold, split on non-alphanumerics; spelling variants unified per token.
    const folded = (text: string) => foldText(text).split(/[^a-z0-9]+/).filter((t) => t !== '').map((t) => tokenize(t)[0]!);
    const samples = [
      'aBcDe', 'aBcdEfgH', 'eKinerja', 'MyASN', 'iPusnas', 'aBC', 'aB', 'xY1', 'abCdEf', 'ePresensiOnline', 'a-Bc',
      'SIMPEG&&x', 'A&B', 'Ijin Usaha', 'Kab. Madiun', 'https://simpeg.madiunkab.go.id/epegawai/', '   ', 'SIPD-RI v2.0',
    ];
    for (const text of samples) expect(tokenize(text), text).toEqual(folded(text));
    // camelCase splits left to right, three characters a match: "aBc" splits, the "cD" after it does not.
    expect(tokenize('aBcDe')).toEqual(['a', 'bcde']);
    expect(tokenize('SIMPEG&&x')).toEqual(['simpeg', 'dan', 'dan', 'x']);
  });

  it('folds case, accents, punctuation and camelCase, and unifies spelling variants', () => {
    expect(tokenize('e-Kinerja')).toEqual(['e', 'kinerja']);
    expect(tokenize('eKinerja')).toEqual(['e', 'kinerja']);
    expect(tokenize('SiCantik Cloud')).toEqual(['si', 'cantik', 'cloud']);
    expect(tokenize('SIKaP')).toEqual(['sikap']);
    expect(tokenize('SIKS_NG')).toEqual(['siks', 'ng']);
    expect(tokenize('Perijinan Online & Pengaduan')).toEqual(['perizinan', 'online', 'dan', 'pengaduan']);
    expect(tokenize('Pelayanan Café')).toEqual(['pelayanan', 'cafe']);
  });

  it('strips an e- prefix glued to a known word when comparing names', () => {
    expect(nameTokens(tokenize('EPRESENSI'), compiled.vocabulary)).toEqual(['absensi']);
    expect(nameTokens(tokenize('Aplikasi SIMPEG Online v2'), compiled.vocabulary)).toEqual(['simpeg']);
  });
});

describe('PhraseTrie', () => {
  const trie = new PhraseTrie<string>();
  for (const phrase of ['pengaduan', 'pengadaan', 'kinerja', 'kinerja pegawai', 'e kinerja']) trie.add(tokenize(phrase), phrase);
  const found = (text: string) => maximalMatches(trie.matchAll(tokenize(text))).flatMap((m) => m.payloads);

  it('matches whole tokens only', () => {
    expect(found('Aplikasi Pengaduan')).toEqual(['pengaduan']);
    expect(found('Aplikasi Pengadaan')).toEqual(['pengadaan']);
    expect(found('Pengaduannya')).toEqual([]);
  });

  it('matches a phrase whatever the spacing, and prefers the longest match', () => {
    expect(found('eKinerja')).toEqual(['e kinerja']);
    expect(found('ekinerja')).toEqual(['e kinerja']);
    expect(found('Laporan Kinerja Pegawai')).toEqual(['kinerja pegawai']);
  });
});

describe('URLs', () => {
  it('finds the address in a messy catalogue cell', () => {
    expect(parseUrl('https://myasn.bkn.go.id/ | Sumber: My.SAPK')?.host).toBe('myasn.bkn.go.id');
    expect(parseUrl('http://www.lapor.go.id/')?.host).toBe('lapor.go.id');
    expect(parseUrl('VPN | Sumber: VPN')).toBeUndefined();
    expect(parseUrl('192.168.3.100 (local)')).toMatchObject({ host: '192.168.3.100', isIp: true });
  });

  it('identifies a deployment by host, or host and path where the host is shared', () => {
    const key = (u: string) => systemKey(parseUrl(u));
    expect(key('https://simpeg.madiunkab.go.id/simpeg/login.php')).toBe(key('http://simpeg.madiunkab.go.id'));
    expect(key('https://aplikasi.dpmptsp.madiunkab.go.id/Apps/DataAntrian/')).toBe('aplikasi.dpmptsp.madiunkab.go.id/dataantrian');
    expect(key('https://aplikasi.dpmptsp.madiunkab.go.id/Apps/Gratifikasi/')).toBe('aplikasi.dpmptsp.madiunkab.go.id/gratifikasi');
    expect(key('https://sites.google.com/view/eksporkabmadiun/')).toBe('sites.google.com/view');
    expect(key('https://bit.ly')).toBeUndefined();
    expect(key('http://103.228.246.21')).toBeUndefined();
    expect(key('http://103.228.246.21/anjab/')).toBe('103.228.246.21/anjab');
  });

  it('tells regional hosts from national ones', () => {
    const regional = (u: string) => isRegionalHost(parseUrl(u)!, new Set(['madiun']));
    expect(regional('https://sipd.madiunkab.go.id')).toBe(true);
    expect(regional('https://sukma.jatimprov.go.id')).toBe(true);
    expect(regional('https://epdeskel.madiun.go.id')).toBe(true);
    expect(regional('https://sipd.kemendagri.go.id')).toBe(false);
  });
});

describe('name similarity', () => {
  it('reduces names to what identifies the system', () => {
    const region = new Set(['madiun', 'malang']);
    expect(coreName('e-Kinerja Kab. Madiun', compiled, region).core).toEqual(['kinerja']);
    expect(coreName('eKinerja Kota Malang', compiled, region).core).toEqual(['kinerja']);
    expect(coreName('sida.madiunkab.go.id', compiled, region).core).toEqual(['sida']);
    expect(coreName('Website Dinas Pendidikan', compiled, region, new Map(), new Set(['dinas', 'pendidikan'])).core).toEqual(['website']);
  });

  it('gives an acronym and its long form one identity, and keeps look-alikes apart', () => {
    const region = new Set<string>();
    expect(coreName('SIMPEG', compiled, region).canonical).toBe('acr:simpeg');
    expect(coreName('Sistem Informasi Manajemen Kepegawaian', compiled, region).canonical).toBe('acr:simpeg');
    expect(coreName('SIMPATDA', compiled, region).canonical).toBe('acr:simpatda');
    expect(coreName('SIMDA BMD', compiled, region).canonical).not.toBe(coreName('SIMDA Keuangan', compiled, region).canonical);
    expect(coreName('MyASN BKN', compiled, region).canonical).toBe(coreName('SIASN', compiled, region).canonical);
    expect(coreName('WP-SIPD', compiled, region).canonical).toBeUndefined();
  });

  it('computes weighted Jaccard and trigram Dice on sorted ids', () => {
    const interner = new Interner();
    const a = sortedIds(['kinerja', 'pegawai'], interner);
    const b = sortedIds(['kinerja'], interner);
    const weights = Float64Array.from([1, 3]);
    expect(weightedJaccardSorted(a, b, weights)).toBeCloseTo(1 / 4);
    const g = new Interner();
    expect(diceSorted(sortedIds(trigrams('siskeudes'), g), sortedIds(trigrams('siskeudes'), g))).toBe(1);
    expect(diceSorted(sortedIds(trigrams('siskeudes'), g), sortedIds(trigrams('siskudes'), g))).toBeGreaterThan(0.6);
  });
});
