import { describe, expect, it } from 'vitest';
import {
  agencyOfApplication,
  agencyOrGovernmentUnits,
  aggregateExchanges,
  governmentOf,
  networkUnits,
} from '../../visualizations/shared/aggregate.js';
import { agency, baseAnalysis } from '../fixtures/analysis/builders.js';
import { nationalFixture, NATIONAL } from '../fixtures/analysis/national.js';
import { smallAnalysis, smallInventory } from '../fixtures/analysis/small.js';

describe('grouping agencies into drawable units', () => {
  it('finds the top of each parent chain', () => {
    const analysis = baseAnalysis({
      agencies: [
        agency({ id: 'kota', name: 'Kota', level: 'city' }),
        agency({ id: 'kec', name: 'Kecamatan', parentId: 'kota' }),
        agency({ id: 'kel', name: 'Kelurahan', parentId: 'kec' }),
        agency({ id: 'loop-a', name: 'A', parentId: 'loop-b' }),
        agency({ id: 'loop-b', name: 'B', parentId: 'loop-a' }),
      ],
    });
    const gov = governmentOf(analysis);
    expect(gov.get('kel')).toBe('kota');
    expect(gov.get('kec')).toBe('kota');
    expect(gov.get('kota')).toBe('kota');
    // A parent cycle ends instead of looping forever.
    expect(['loop-a', 'loop-b']).toContain(gov.get('loop-a'));
  });

  it('keeps every agency when they fit, ordered by weight', () => {
    const grouping = agencyOrGovernmentUnits(smallAnalysis(), 10);
    expect(grouping.level).toBe('agency');
    // disdik and the hostile unit tie at 2 applications; names break the tie ('<' sorts before 'D').
    expect(grouping.units.map((u) => u.id)).toEqual(['dinkes', 'hostile', 'disdik', 'kemendagri', 'kota']);
  });

  it('rolls agencies up into governments, then into "other", preserving totals', () => {
    const analysis = smallAnalysis();
    const two = agencyOrGovernmentUnits(analysis, 2);
    // Kota Contoh = kota + dinkes + disdik + hostile: 0 + 3 + 2 + 2 = 7 applications, 350 juta.
    expect(two.level).toBe('government');
    expect(two.units.map((u) => [u.id, u.applications, u.annualCost])).toEqual([
      ['kota', 7, 350e6],
      ['kemendagri', 1, 500e6],
    ]);
    // The engine's own score for a whole government is used, not a mean of its units.
    expect(two.units[0].siloScore).toBe(0.55);
    const one = agencyOrGovernmentUnits(analysis, 1);
    expect(one.units.map((u) => u.id)).toEqual(['kota', 'other']);
    expect(one.units[1].applications).toBe(1);
  });

  it('keeps the top agencies for the network and rolls the rest up per parent', () => {
    const grouping = networkUnits(smallAnalysis(), 1, 1);
    // dinkes stays; disdik + hostile roll up under kota; kemendagri and kota (no parent) become "other".
    expect(grouping.units.map((u) => u.id)).toEqual(['dinkes', 'group:kota', 'other']);
    expect(grouping.units[1].members.sort()).toEqual(['disdik', 'hostile']);
    expect(grouping.units[1].applications).toBe(4);
    // Application-weighted silo score: (0.2 × 2 + 0.5 × 2) / 4 = 0.35.
    expect(grouping.units[1].siloScore).toBeCloseTo(0.35);
    expect(grouping.units[2].members.sort()).toEqual(['kemendagri', 'kota']);
  });

  it('aggregates exchanges per unit pair with manual counts', () => {
    const analysis = smallAnalysis();
    const grouping = agencyOrGovernmentUnits(analysis, 2);
    const flows = aggregateExchanges(smallInventory(analysis), agencyOfApplication(analysis), grouping.unitOfAgency);
    const byPair = Object.fromEntries(flows.map((f) => [`${grouping.units[f.source].id}>${grouping.units[f.target].id}`, [f.count, f.manual]]));
    // Inside the city: p1→e1, p1→p2 (manual), e1→h1 (file), e2→p3 → 4, of which 2 manual or file.
    expect(byPair).toEqual({ 'kota>kota': [4, 2], 'kota>kemendagri': [1, 0], 'kemendagri>kota': [1, 0] });
  });

  it('bounds the units at national scale and loses no application', () => {
    const { analysis } = nationalFixture();
    const total = analysis.agencies.reduce((s, a) => s + a.applications, 0);
    const network = networkUnits(analysis, 40, 30);
    expect(network.units.length).toBeLessThanOrEqual(71);
    expect(network.units.reduce((s, u) => s + u.applications, 0)).toBe(total);
    expect(network.unitOfAgency.size).toBe(analysis.agencies.length);
    const governments = agencyOrGovernmentUnits(analysis, 40);
    expect(governments.units).toHaveLength(40);
    expect(governments.units.at(-1)!.name).toBe(`Other governments (${NATIONAL.ministries + NATIONAL.governments - 39})`);
    expect(governments.units.reduce((s, u) => s + u.applications, 0)).toBe(total);
  });
});
