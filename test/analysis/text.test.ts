import { describe, expect, it } from 'vitest';
import { nameTokens, parseUrl, stripNamePrefix, tokenize, withoutNamePrefixes } from '../../src/analysis/text.js';

describe('tokenize', () => {
  it('splits, folds case and camelCase, spells variants one way and reads "&" as "dan"', () => {
    expect(tokenize('eKinerja Kab. Madiun')).toEqual(['e', 'kinerja', 'kabupaten', 'madiun']);
    expect(tokenize('SIMPEG&Absensi_v2')).toEqual(['simpeg', 'dan', 'absensi', 'v2']);
    expect(tokenize('Perijinan Online')).toEqual(['perizinan', 'online']);
    // Non-ASCII text takes the folding path: diacritics dropped, same tokens.
    expect(tokenize('Pélayanan Ijin')).toEqual(['pelayanan', 'izin']);
  });

  it('treats words that name Object.prototype members as plain words', () => {
    expect(tokenize('Constructor app')).toEqual(['constructor', 'app']);
    expect(nameTokens(['constructor', 'tostring'], new Set())).toEqual(['constructor', 'tostring']);
    expect(stripNamePrefix('siconstructor', new Set(['constructor']))).toBe('constructor');
  });

  it('strips glued-on prefixes only where a token has one', () => {
    const vocabulary = new Set(['absen', 'kinerja']);
    expect(withoutNamePrefixes(['siabsen', 'ekinerja', 'kolak'], vocabulary)).toEqual(['absen', 'kinerja', 'kolak']);
    expect(withoutNamePrefixes(['kolak', 'pisang'], vocabulary)).toBeUndefined();
  });
});

describe('parseUrl', () => {
  it('reads plain addresses: host without www, meaningful path segments', () => {
    expect(parseUrl('https://simpeg.madiunkab.go.id/epegawai/index.php?x=1')).toEqual({ host: 'simpeg.madiunkab.go.id', path: ['epegawai'], isIp: false });
    expect(parseUrl('https://www.bkd.go.id/login/')).toEqual({ host: 'bkd.go.id', path: [], isIp: false });
  });

  it('reads the addresses the plain form does not cover as before', () => {
    expect(parseUrl('https://WWW.Example.COM/Login')).toEqual({ host: 'example.com', path: [], isIp: false });
    expect(parseUrl('http://x.go.id:8080/a')).toEqual({ host: 'x.go.id', path: ['a'], isIp: false });
    // The host ends where the letters of its TLD end; what follows is no path.
    expect(parseUrl('https://a.go.id1')).toEqual({ host: 'a.go.id', path: [], isIp: false });
    // A broken escape is kept as written.
    expect(parseUrl('https://x.go.id/%E0%A4%A')).toEqual({ host: 'x.go.id', path: ['%e0%a4%a'], isIp: false });
    expect(parseUrl('http://192.168.1.10/data')).toEqual({ host: '192.168.1.10', path: ['data'], isIp: true });
    // A TLD neither known nor of two letters is no address: the next candidate counts, if any.
    expect(parseUrl('lihat aplikasi.qqq di kantor')).toBeUndefined();
    expect(parseUrl('lihat aplikasi.qqq di kantor.go.id/x')).toEqual({ host: 'kantor.go.id', path: ['x'], isIp: false });
  });
});
