/**
 * The transform step of a push, without a server: which rows each load gets, how numbers are typed, and
 * what is refused before anything is written.
 */
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { newPushId } from '../../src/neo4j/push.js';
import { NODE_PROPERTIES, nodeRecord, relationshipRecord } from '../../src/neo4j/schema.js';
import { checkPushable, rowCount, toGraphRows, whole } from '../../src/neo4j/transform.js';
import { sampleAnalysis, sampleInventory } from './fixture.js';

describe('whole', () => {
  it('makes Neo4j Integers of whole numbers and leaves fractions and unsafe integers as floats', () => {
    expect(neo4j.isInt(whole(150_000_000))).toBe(true);
    expect(whole(0)).toEqual(neo4j.int(0));
    expect(whole(1_500_000.5)).toBe(1_500_000.5);
    expect(whole(2 ** 53)).toBe(2 ** 53);
  });
});

describe('toGraphRows', () => {
  it('writes relationships only where both ends are in the inventory, and keeps dangling ids as properties', () => {
    const rows = toGraphRows(sampleInventory());
    const simpeg = rows.nodes.Application.find((r) => r.id === 'simpeg-sleman')!;
    expect(simpeg.props.datasets).toEqual(['ds-pegawai', 'ds-not-listed']);
    expect(rows.relationships.USES.filter((r) => r.from === 'simpeg-sleman').map((r) => r.to)).toEqual(['ds-pegawai']);
    expect(rows.relationships.PART_OF.map((r) => `${r.from}>${r.to}`)).toEqual(['dinkes-sleman>kab-sleman', 'bkpsdm-sleman>kab-sleman', 'dinkes-yogya>kota-yogya']);
    expect(rows.relationships.EXCHANGES.map((r) => r.key)).toEqual(['x1', 'x2', 'x3', 'x4']);
    // Without an analysis, no analysis nodes and no analysis properties.
    expect(rows.nodes.DuplicateCluster).toEqual([]);
    expect(simpeg.props).not.toHaveProperty('classifiedFunction');
    expect(rowCount(rows)).toBe(7 + 2 + 8 + 3 + 8 + 2 + 4 + 4);
  });

  it('stores maps as JSON text, ordinals and counts as Integers, optional fields only when present', () => {
    const rows = toGraphRows(sampleInventory(), sampleAnalysis());
    const simpus = rows.nodes.Application[0]!;
    expect(simpus.props.properties).toBe('{"developer":"Diskominfo","catatan":"dipakai 25 puskesmas — \\"versi 2\\""}');
    expect(simpus.props.ordinal).toEqual(neo4j.int(0));
    expect(simpus.props.users).toEqual(neo4j.int(320));
    const lapor = rows.nodes.Application.find((r) => r.id === 'lapor')!.props;
    expect(Object.keys(lapor).filter((k) => ['description', 'annualCost', 'users', 'year', 'url'].includes(k))).toEqual([]);
    expect(lapor).toMatchObject({ assessedAnnualCost: neo4j.int(120_000_000), costEstimated: true, sharedPlatform: 'SP4N-LAPOR!' });
    const cluster = rows.nodes.DuplicateCluster.find((r) => r.id === 'c-simpeg')!.props;
    expect(cluster).toMatchObject({ size: neo4j.int(2), totalAnnualCost: 61_500_000.5, savingsExpected: neo4j.int(20_000_000), confidence: 0.9 });
    expect(rows.relationships.MEMBER_OF.filter((r) => r.to === 'c-simpeg').map((r) => [r.from, r.props.keeper])).toEqual([
      ['simpeg-sleman', true],
      ['simpeg-yogya', false],
    ]);
    expect(rows.relationships.ADDRESSES.map((r) => `${r.from}>${r.to}`)).toEqual(['r-puskesmas>c-puskesmas', 'r-simpeg>c-simpeg']);
  });
});

describe('checkPushable', () => {
  it('accepts the sample with its analysis', () => {
    expect(() => checkPushable(sampleInventory(), sampleAnalysis())).not.toThrow();
  });

  it('refuses an analysis of another inventory', () => {
    const inventory = sampleInventory();
    inventory.applications = inventory.applications.filter((a) => a.id !== 'lapor');
    inventory.exchanges = inventory.exchanges.filter((x) => x.sourceId !== 'lapor');
    expect(() => checkPushable(inventory, sampleAnalysis())).toThrow(InputError);
    expect(() => checkPushable(inventory, sampleAnalysis())).toThrow(/names 1 application\(s\) the inventory does not have \("lapor"\)/);
  });

  it('refuses repeated exchange ids, since they key the EXCHANGES relationships', () => {
    const inventory = sampleInventory();
    inventory.exchanges.push({ ...inventory.exchanges[0]!, targetId: 'lapor' });
    expect(() => checkPushable(inventory)).toThrow(/\(exchanges\), column "id": id "x1" appears more than once/);
  });
});

describe('load records', () => {
  it('lays a node row out as [id, ...owned properties in schema order], absent values null, trailing ones dropped', () => {
    const rows = toGraphRows(sampleInventory());
    const kemenpan = rows.nodes.Agency.find((r) => r.id === 'kemenpan')!;
    // Agency: name, level, region, parentId, properties, ordinal, then the analysis fields (absent here).
    expect(NODE_PROPERTIES.Agency.slice(0, 6)).toEqual(['name', 'level', 'region', 'parentId', 'properties', 'ordinal']);
    expect(nodeRecord('Agency', kemenpan)).toEqual(['kemenpan', 'Kementerian PANRB', 'central', null, null, '{"singkatan":"KemenPANRB"}', neo4j.int(6)]);
    const withAnalysis = toGraphRows(sampleInventory(), sampleAnalysis()).nodes.Agency.find((r) => r.id === 'kemenpan')!;
    const record = nodeRecord('Agency', withAnalysis);
    expect(record[1 + NODE_PROPERTIES.Agency.indexOf('siloScore')]).toBe(0.2);
    expect(record[1 + NODE_PROPERTIES.Agency.indexOf('manualExchanges')]).toEqual(neo4j.int(1));
  });

  it('lays a relationship row out as [from, to, key?, ...properties], with the ends the caller gives', () => {
    const rows = toGraphRows(sampleInventory());
    const x4 = rows.relationships.EXCHANGES.find((r) => r.key === 'x4')!;
    // EXCHANGES: key id, then data, mechanism, properties, ordinal.
    expect(relationshipRecord('EXCHANGES', x4)).toEqual(['lapor', 'simpus-yogya', 'x4', 'Pengaduan', 'manual', '{"frekuensi":"bulanan"}', neo4j.int(3)]);
    expect(relationshipRecord('EXCHANGES', x4, '4:db:1', '4:db:2').slice(0, 3)).toEqual(['4:db:1', '4:db:2', 'x4']);
    expect(relationshipRecord('OWNS', rows.relationships.OWNS[0]!)).toEqual(['dinkes-sleman', 'simpus-sleman']);
  });
});

describe('newPushId', () => {
  it('is the UTC time to the millisecond and 8 random digits: digits and dashes only, different each call', () => {
    const at = new Date('2026-11-28T20:36:47.123Z');
    expect(newPushId(at)).toMatch(/^20261128-203647123-\d{8}$/);
    const ids = new Set(Array.from({ length: 50 }, () => newPushId(at)));
    expect(ids.size).toBeGreaterThan(45);
  });
});
