import { describe, it, expect } from 'vitest';
import { parseHTML } from 'linkedom';
import { renderReport } from '../../src/report/index.js';
import type { Analysis } from '../../src/types.js';
import { HOSTILE_AGENCY, HOSTILE_APP, reportAnalysis, withSystems } from '../fixtures/report/analysis.js';

type Lang = 'en' | 'id';

function html(analysis: Analysis, lang: Lang, extra: Partial<Parameters<typeof renderReport>[1]> = {}) {
  const text = renderReport(analysis, { lang, format: 'html', ...extra });
  return { text, document: parseHTML(text).document };
}

function md(analysis: Analysis, lang: Lang, extra: Partial<Parameters<typeof renderReport>[1]> = {}): string {
  return renderReport(analysis, { lang, format: 'md', ...extra });
}

const htmlSections = (document: Document): string[] => Array.from(document.querySelectorAll('main > section > h2')).map((h) => h.textContent ?? '');
const mdSections = (text: string, contents: string): string[] =>
  text
    .split('\n')
    .filter((line) => line.startsWith('## ') && line !== `## ${contents}`)
    .map((line) => line.slice(3));

const SECTIONS: Record<Lang, string[]> = {
  id: [
    'Ringkasan angka utama',
    'Aplikasi duplikat dengan pemborosan anggaran terbesar',
    'Temuan silo per instansi',
    'Rekomendasi integrasi per gelombang',
    'Kondisi target',
    'Peringatan data masukan',
    'Metode dan asumsi',
  ],
  en: [
    'Headline figures',
    'Duplicate clusters with the most wasted spend',
    'Silo findings by agency',
    'Recommendations by wave',
    'Target state',
    'Input warnings',
    'Method and assumptions',
  ],
};

describe('report sections', () => {
  for (const lang of ['id', 'en'] as const) {
    it(`renders the ${lang} report with its headings, in HTML and Markdown alike`, () => {
      const { document } = html(reportAnalysis(), lang);
      expect(htmlSections(document)).toEqual(SECTIONS[lang]);
      expect(mdSections(md(reportAnalysis(), lang), lang === 'id' ? 'Daftar isi' : 'Contents')).toEqual(SECTIONS[lang]);
      expect(document.documentElement.getAttribute('lang')).toBe(lang);
    });
  }

  it('adds the systems section only when the analysis reconciled records into systems', () => {
    const { document } = html(withSystems(reportAnalysis()), 'id');
    const expected = [...SECTIONS.id.slice(0, 5), 'Catatan inventaris dan sistem', ...SECTIONS.id.slice(5)];
    expect(htmlSections(document)).toEqual(expected);
    expect(mdSections(md(withSystems(reportAnalysis()), 'id'), 'Daftar isi')).toEqual(expected);
  });

  it('links every section and every cluster and wave from the table of contents', () => {
    const { document } = html(reportAnalysis(), 'en');
    const links = Array.from(document.querySelectorAll('nav.toc a')).map((a) => a.getAttribute('href'));
    expect(links).toEqual(['#headline', '#clusters', '#cluster-dup-1', '#cluster-dup-2', '#silos', '#recommendations', '#wave-1', '#wave-2', '#target', '#warnings', '#method']);
    for (const href of links) expect(document.getElementById(href!.slice(1))).not.toBeNull();
    const text = md(reportAnalysis(), 'en');
    for (const href of links) expect(text).toContain(`<a id="${href!.slice(1)}"></a>`);
    expect(text).toContain('2. [Duplicate clusters with the most wasted spend](#clusters)');
  });

  it('is self-contained and printable: inline CSS with a print stylesheet, no script, nothing external', () => {
    const { text, document } = html(reportAnalysis(), 'id');
    expect(document.querySelectorAll('style')).toHaveLength(1);
    expect(document.querySelector('style')!.textContent).toContain('@media print');
    expect(document.querySelectorAll('script, link, img, iframe')).toHaveLength(0);
    expect(text).not.toMatch(/(src|href)="https?:/);
  });

  it('uses SPBE vocabulary in Indonesian', () => {
    const { text } = html(reportAnalysis(), 'id');
    for (const phrase of ['Aplikasi duplikat', 'Pemborosan anggaran per tahun', 'Rekomendasi integrasi', 'Gelombang 1', 'Indeks silo', 'Perangkat Daerah', 'Aplikasi Umum']) {
      expect(text).toContain(phrase);
    }
  });
});

describe('headline figures', () => {
  // Worked out by hand from the fixture (see its header comment).
  const expected: Record<Lang, Record<string, { value: string; exact?: string }>> = {
    id: {
      applications: { value: '8' },
      agencies: { value: '6' },
      exchanges: { value: '5' },
      datasets: { value: '2' },
      siloIndex: { value: '0,62' },
      duplicateClusters: { value: '2' },
      duplicateApplications: { value: '5' },
      totalAnnualCost: { value: 'Rp 1,65 miliar', exact: 'Rp 1.650.000.000' },
      redundantAnnualCost: { value: 'Rp 670 juta', exact: 'Rp 670.000.000' },
      estimatedAnnualSavings: {
        value: 'Rp 402 juta – Rp 670 juta (perkiraan Rp 536 juta)',
        exact: 'Rp 402.000.000 – Rp 670.000.000 (perkiraan Rp 536.000.000)',
      },
      isolatedApplications: { value: '3' },
      automatedExchangeShare: { value: '40%' },
    },
    en: {
      applications: { value: '8' },
      agencies: { value: '6' },
      exchanges: { value: '5' },
      datasets: { value: '2' },
      siloIndex: { value: '0.62' },
      duplicateClusters: { value: '2' },
      duplicateApplications: { value: '5' },
      totalAnnualCost: { value: 'IDR 1.65 billion', exact: 'IDR 1,650,000,000' },
      redundantAnnualCost: { value: 'IDR 670 million', exact: 'IDR 670,000,000' },
      estimatedAnnualSavings: {
        value: 'IDR 402 million – IDR 670 million (expected IDR 536 million)',
        exact: 'IDR 402,000,000 – IDR 670,000,000 (expected IDR 536,000,000)',
      },
      isolatedApplications: { value: '3' },
      automatedExchangeShare: { value: '40%' },
    },
  };

  for (const lang of ['id', 'en'] as const) {
    it(`shows every summary figure as the analysis states it (${lang})`, () => {
      const analysis = reportAnalysis();
      const { document } = html(analysis, lang);
      const figures = Array.from(document.querySelectorAll('#headline .figure'));
      expect(figures.map((f) => f.getAttribute('data-figure'))).toEqual(Object.keys(expected[lang]));
      const summary = analysis.summary as unknown as Record<string, unknown>;
      for (const figure of figures) {
        const key = figure.getAttribute('data-figure')!;
        expect(figure.querySelector('.value')!.textContent).toBe(expected[lang][key]!.value);
        expect(figure.querySelector('.exact')?.textContent).toBe(expected[lang][key]!.exact);
        expect(figure.getAttribute('data-source')).toBe(`summary.${key}`);
        if (key === 'estimatedAnnualSavings') {
          expect(['low', 'expected', 'high'].map((k) => Number(figure.getAttribute(`data-${k}`)))).toEqual([402_000_000, 536_000_000, 670_000_000]);
        } else {
          expect(Number(figure.getAttribute('data-value'))).toBe(summary[key]);
        }
      }
    });

    it(`prints exact rupiah that parse back to the analysis figures (${lang})`, () => {
      const analysis = reportAnalysis();
      const { document } = html(analysis, lang);
      const exact = (key: string): number[] =>
        (document.querySelector(`[data-figure="${key}"] .exact`)!.textContent!.match(/\d[\d.,]*/g) ?? []).map((n) => Number(n.replace(/[.,]/g, '')));
      expect(exact('totalAnnualCost')).toEqual([analysis.summary.totalAnnualCost]);
      expect(exact('redundantAnnualCost')).toEqual([analysis.summary.redundantAnnualCost]);
      const s = analysis.summary.estimatedAnnualSavings;
      expect(exact('estimatedAnnualSavings')).toEqual([s.low, s.high, s.expected]);
    });

    it(`shows the same headline figures in Markdown (${lang})`, () => {
      const text = md(reportAnalysis(), lang);
      for (const { value, exact } of Object.values(expected[lang])) {
        expect(text).toContain(`**${value}**${exact ? `<br>${exact}` : ''}`);
      }
    });
  }

  it('reads the silo index with its band and says how savings relate to redundant spend', () => {
    const id = html(reportAnalysis(), 'id').document;
    expect(id.querySelector('[data-figure="siloIndex"] .detail')!.textContent).toContain('Predikat: tersilo');
    expect(id.querySelector('[data-figure="estimatedAnnualSavings"] .detail')!.textContent).toBe('Perkiraan penghematan setara 80% dari pemborosan anggaran.');
    expect(id.querySelector('[data-figure="totalAnnualCost"] .detail')!.textContent).toContain('Sebanyak 1 aplikasi tidak mencantumkan biaya');
    const en = html(reportAnalysis(), 'en').document;
    expect(en.querySelector('[data-figure="siloIndex"] .detail')!.textContent).toContain('Reading: siloed');
    expect(en.querySelector('[data-figure="totalAnnualCost"] .detail')!.textContent).toContain('1 application has no cost');
  });
});

describe('duplicate clusters', () => {
  it('lists clusters by redundant spend, each citing its id, members, keeper and figures', () => {
    const { document } = html(reportAnalysis(), 'id');
    const headings = Array.from(document.querySelectorAll('#clusters h3'));
    // dup-2 comes first in the analysis, but dup-1 wastes more (550 vs 120 million).
    expect(headings.map((h) => h.id)).toEqual(['cluster-dup-1', 'cluster-dup-2']);
    expect(headings[0]!.textContent).toBe('dup-1 Personnel management');

    const fields = headings[0]!.nextElementSibling!;
    const field = (label: string): string => {
      const dt = Array.from(fields.querySelectorAll('dt')).find((d) => d.textContent === label)!;
      return dt.nextElementSibling!.textContent!;
    };
    expect(field('Fungsi')).toBe('RAA.01.02.04 Kepegawaian');
    expect(field('Aplikasi yang dipertahankan')).toBe(`${HOSTILE_APP} (a3), ${HOSTILE_AGENCY}`);
    expect(field('Pemborosan anggaran per tahun')).toBe('Rp 550 juta (Rp 550.000.000)');
    expect(field('Potensi penghematan per tahun')).toBe('Rp 330 juta – Rp 550 juta (perkiraan Rp 440 juta)');
    expect(field('Tingkat keyakinan')).toBe('90%');

    const members = Array.from(fields.nextElementSibling!.querySelectorAll('tbody tr')).map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent));
    expect(members).toEqual([
      ['SIMPEG Diskominfo (a1)', 'Dinas Komunikasi dan Informatika', 'Rp 300 juta', 'dikonsolidasikan'],
      ['SIMPEG Dinkes (a2)', 'Dinas Kesehatan', 'Rp 250 juta (perkiraan)', 'dikonsolidasikan'],
      [`${HOSTILE_APP} (a3)`, HOSTILE_AGENCY, 'Rp 450 juta', 'dipertahankan'],
    ]);
  });

  it('quotes the strongest evidence first and counts the rest', () => {
    const { document } = html(reportAnalysis(), 'en');
    const evidence = document.querySelector('#cluster-dup-1 ~ ul')!;
    const items = Array.from(evidence.querySelectorAll('li')).map((li) => li.textContent);
    expect(items).toEqual([
      'function code in the inventory: RAA.01.02.04 in the inventory',
      'acronym: SIMPEG = Sistem Informasi Manajemen Kepegawaian',
      'similar names: SIMPEG Diskominfo ~ SIMPEG Dinkes (0.82)',
      'shared dataset: ds-pegawai',
      'keyword: kepegawaian',
      'and 1 more evidence item in analysis.json',
    ]);
  });

  it('limits the clusters shown and says how many there are', () => {
    const { document } = html(reportAnalysis(), 'en', { limits: { topClusters: 1 } });
    expect(Array.from(document.querySelectorAll('#clusters h3')).map((h) => h.id)).toEqual(['cluster-dup-1']);
    expect(document.querySelector('#clusters p')!.textContent).toContain('The 1 cluster with the largest redundant spend, of 2.');
  });
});

describe('silos, recommendations, target state', () => {
  it('ranks agencies and governments by silo score', () => {
    const { document } = html(reportAnalysis(), 'id');
    const tables = document.querySelectorAll('#silos table');
    const firstColumn = (table: Element): string[] => Array.from(table.querySelectorAll('tbody tr')).map((tr) => tr.querySelector('td')!.textContent!);
    expect(firstColumn(tables[0]!)).toEqual([
      `${HOSTILE_AGENCY} (bkpsdm)`,
      'Dinas Kesehatan (dinkes)',
      'Pemerintah Kabupaten Ponorogo (kab-ponorogo)',
      'Pemerintah Kota Madiun (kota-madiun)',
      'Dinas Komunikasi dan Informatika (diskominfo)',
      'Badan Kepegawaian Negara (bkn)',
    ]);
    expect(firstColumn(tables[1]!)).toEqual(['Pemerintah Kabupaten Ponorogo (kab-ponorogo)', 'Pemerintah Kota Madiun (kota-madiun)', 'Badan Kepegawaian Negara (bkn)']);
    const findings = Array.from(tables[2]!.querySelectorAll('tbody tr')).map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent));
    expect(findings).toEqual([
      ['Aplikasi tanpa pertukaran data', '3', '2'],
      ['Pertukaran data melalui berkas atau secara manual', '1', '1'],
      ['Instansi yang tidak bertukar data dengan instansi lain', '1', '1'],
    ]);
    expect(document.querySelector('#silos p')!.textContent).toBe('Sebanyak 3 dari 8 aplikasi (37,5%) tidak bertukar data dengan aplikasi lain mana pun.');
  });

  it('takes the findings table from the summary counts when the analysis has them, without reading the findings', () => {
    const analysis = reportAnalysis();
    const counts = { 'isolated-application': { findings: 3, agencies: 2 }, 'manual-exchange': { findings: 1, agencies: 1 }, 'isolated-agency': { findings: 1, agencies: 1 } };
    // Findings that would throw if read: the counts alone must make the table, the same as counting them.
    const unread = new Proxy(analysis.silos, { get: () => { throw new Error('findings read'); } });
    const counted = html(analysis, 'en').document.querySelectorAll('#silos table')[2]!.innerHTML;
    const fromSummary = html({ ...analysis, silos: unread, summary: { ...analysis.summary, siloFindings: counts } }, 'en');
    expect(fromSummary.document.querySelectorAll('#silos table')[2]!.innerHTML).toBe(counted);
  });

  it('groups recommendations by wave and cites recommendation and cluster ids', () => {
    const { document } = html(reportAnalysis(), 'id');
    expect(Array.from(document.querySelectorAll('#recommendations h3')).map((h) => h.textContent)).toEqual(['Gelombang 1', 'Gelombang 2']);
    expect(document.querySelector('#wave-1')!.nextElementSibling!.textContent).toBe('2 rekomendasi; perkiraan penghematan seluruhnya Rp 536 juta per tahun.');
    const rows = Array.from(document.querySelectorAll('#recommendations table tbody tr')).map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent));
    expect(rows).toEqual([
      ['rec-1 dup-1', 'Konsolidasi aplikasi', 'Consolidate three personnel systems', HOSTILE_APP, 'Rp 440 juta (Rp 330 juta – Rp 550 juta)', 'sedang', '1'],
      ['rec-2 dup-2', 'Beralih ke Aplikasi Umum', 'Move complaints to SP4N-LAPOR!', 'SP4N-LAPOR!', 'Rp 96 juta (Rp 72 juta – Rp 120 juta)', 'rendah', '2'],
      ['rec-3', 'Integrasi (interoperabilitas)', 'Connect the queue system', 'SPLP', 'Rp 0', 'tinggi', '3'],
    ]);
    const rationale = Array.from(document.querySelectorAll('#recommendations ul li')).map((li) => li.textContent);
    expect(rationale[0]).toBe(
      `rec-1 3 aplikasi di 3 instansi: SIMPEG Diskominfo, SIMPEG Dinkes, ${HOSTILE_APP}. Three personnel systems in one city government. The keeper has the most users.`,
    );
  });

  it('lists the first recommendations of a long wave and points to the CSV for the rest', () => {
    const { document } = html(reportAnalysis(), 'en', { limits: { recommendationsPerWave: 1 } });
    expect(document.querySelector('#wave-1')!.nextElementSibling!.textContent).toBe('2 recommendations; expected savings together IDR 536 million a year.');
    const table = document.querySelector('#wave-1 ~ table')!;
    expect(table.querySelectorAll('tbody tr')).toHaveLength(1);
    expect(table.nextElementSibling!.textContent).toBe('The first 1 are shown; one more is in recommendations.csv.');
  });

  it('compares today with the target state', () => {
    const { document } = html(reportAnalysis(), 'id');
    const rows = Array.from(document.querySelectorAll('#target table tbody tr')).map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent));
    expect(rows).toEqual([
      ['Jumlah aplikasi', '8', '5', '\u22123'],
      ['Belanja aplikasi per tahun', 'Rp 1,65 miliar', 'Rp 1,11 miliar', '\u2212Rp 536 juta'],
      ['Klaster aplikasi duplikat', '2', '0', '\u22122'],
      ['Indeks silo', '0,62', '0,45', '\u22120,17'],
      ['Pertukaran data otomatis', '40%', '60%', '+20 poin persentase'],
    ]);
    expect(document.querySelector('#target table')!.nextElementSibling!.textContent).toBe('Asumsi simulasi ini tercantum pada bagian Metode dan asumsi.');
    expect(Array.from(document.querySelectorAll('#method li')).map((li) => li.textContent)).toContain('Consolidated applications are retired after migration.');
  });
});

describe('systems vs records', () => {
  it('counts records, systems, national platforms and regional duplicates of them, by government', () => {
    const { document } = html(withSystems(reportAnalysis()), 'id');
    const figure = (key: string): [string | null, string | null] => {
      const el = document.querySelector(`#systems [data-figure="${key}"]`)!;
      return [el.querySelector('.value')!.textContent, el.getAttribute('data-value')];
    };
    expect(figure('records')).toEqual(['8', '8']);
    expect(figure('systems')).toEqual(['7', '7']);
    expect(figure('nationalSystems')).toEqual(['3', '3']);
    expect(figure('duplicatingSystems')).toEqual(['1', '1']);
    const tables = Array.from(document.querySelectorAll('#systems table'));
    const rows = (table: Element) => Array.from(table.querySelectorAll('tbody tr')).map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent));
    expect(rows(tables[0]!)).toEqual([
      ['SIASN (sys-siasn)', 'Badan Kepegawaian Negara', '3', '1'],
      ['SIPD (sys-sipd)', '–', '1', '1'],
      ['SP4N-LAPOR! (sys-lapor)', 'kemenpanrb', '1', '1'],
    ]);
    expect(rows(tables[1]!)).toEqual([['Pemerintah Kabupaten Ponorogo', 'Layanan Pengaduan Ponorogo (daerah)', 'SP4N-LAPOR!', 'dup-2']]);
  });
});

describe('input warnings and method', () => {
  it('counts the warnings and lists the first ones with file, row and column', () => {
    const { document } = html(reportAnalysis(), 'en', { limits: { warningsShown: 1 } });
    const paragraphs = Array.from(document.querySelectorAll('#warnings p')).map((p) => p.textContent);
    expect(paragraphs[0]).toBe('2 input warnings: the rows or values below were skipped; everything else was analysed.');
    expect(paragraphs[1]).toBe('The first 1 are listed; all of them are in analysis.json under "warnings".');
    const rows = Array.from(document.querySelectorAll('#warnings tbody tr')).map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent));
    expect(rows).toEqual([['applications.csv', '14', 'annual_cost', 'not a number: "Rp 5 jt"', 'write the cost as a plain number of rupiah']]);
  });

  it('explains the method from the analysis fields: formula, weights, keeper reasons, savings shares', () => {
    const { document } = html(reportAnalysis(), 'id');
    const method = document.querySelector('#method')!;
    expect(method.querySelector('pre code')!.textContent).toBe(reportAnalysis().siloIndex.formula);
    const parts = Array.from(method.querySelectorAll('table tbody tr')).map((tr) => Array.from(tr.querySelectorAll('td')).slice(1).map((td) => td.getAttribute('data-value')));
    expect(parts).toEqual([
      ['0.375', '0.25'],
      ['0.8', '0.25'],
      ['0.7', '0.25'],
      ['0.6', '0.25'],
    ]);
    const text = method.textContent!;
    expect(text).toContain('designated shared platform (Aplikasi Umum) (klaster dup-2)');
    expect(text).toContain('highest cost and most users (klaster dup-1)');
    expect(text).toContain('setara 60%, 80%, dan 100% dari pemborosan anggaran');
    expect(text).toContain('Sebanyak 1 dari 8 aplikasi tidak mencantumkan biaya');
    expect(text).toContain('bukan predikat resmi evaluasi SPBE');
  });

  it('marks SIPD as of unconfirmed Aplikasi Umum status when the analysis relies on it, and only then', () => {
    expect(html(reportAnalysis(), 'id').document.querySelector('#method')!.textContent).toContain(
      'SIPD diwajibkan secara luas bagi instansi pemerintah, tetapi penetapannya secara resmi sebagai Aplikasi Umum belum terkonfirmasi.',
    );
    expect(md(reportAnalysis(), 'en')).toContain('its formal designation as a shared common application (Aplikasi Umum) is unconfirmed');
    const withoutSipd = reportAnalysis();
    withoutSipd.applications = withoutSipd.applications.map(({ sharedPlatform, ...app }) => (sharedPlatform === 'SIPD' ? app : { ...app, sharedPlatform }));
    expect(html(withoutSipd, 'id').text).not.toContain('belum terkonfirmasi');
  });

  it('says so plainly when there is nothing to report', () => {
    const empty = reportAnalysis();
    empty.duplicateClusters = [];
    empty.recommendations = [];
    empty.warnings = [];
    delete empty.targetState;
    empty.summary = { ...empty.summary, duplicateClusters: 0, duplicateApplications: 0, redundantAnnualCost: 0, estimatedAnnualSavings: { low: 0, expected: 0, high: 0 } };
    const { document } = html(empty, 'en');
    expect(htmlSections(document)).toEqual(SECTIONS.en);
    expect(document.querySelector('#clusters p')!.textContent).toBe('No duplicate clusters were found.');
    expect(document.querySelector('#recommendations p')!.textContent).toBe('The analysis makes no recommendation.');
    expect(document.querySelector('#target p')!.textContent).toBe('The analysis holds no target-state simulation.');
    expect(document.querySelector('#warnings p')!.textContent).toBe('No input warnings: every row was read.');
    expect(document.querySelector('#method')!.textContent).toContain('No redundant spend was found, so no savings are estimated.');
    expect(document.querySelector('[data-figure="estimatedAnnualSavings"] .detail')).toBeNull();
  });
});

describe('escaping untrusted inventory text', () => {
  it('shows hostile names as text in HTML', () => {
    const analysis = withSystems(reportAnalysis());
    const { text, document } = html(analysis, 'id');
    expect(text).not.toContain('<img');
    expect(document.querySelectorAll('img')).toHaveLength(0);
    expect(document.querySelectorAll('[onerror]')).toHaveLength(0);
    expect(document.body.textContent).toContain(HOSTILE_APP);
    expect(document.body.textContent).toContain(HOSTILE_AGENCY);
  });

  it('shows hostile names as text in Markdown', () => {
    const text = md(withSystems(reportAnalysis()), 'en');
    expect(text).not.toContain('<img');
    expect(text).toContain("&lt;img src=x onerror=alert('app')&gt;");
    expect(text).toContain('BKPSDM &lt;img src=x onerror=alert(1)&gt;');
  });

  it('keeps Markdown table structure when a name holds a pipe or a newline', () => {
    const analysis = reportAnalysis();
    analysis.applications = analysis.applications.map((app) => (app.id === 'a1' ? { ...app, name: 'SIMPEG | v2\n## injected' } : app));
    const text = md(analysis, 'en');
    expect(text).toContain('SIMPEG \\| v2 \\#\\# injected');
    expect(text.split('\n').filter((line) => line.startsWith('## injected'))).toHaveLength(0);
  });
});

describe('charts', () => {
  const arrowChart = (colour: string): string =>
    '<?xml version="1.0" encoding="UTF-8"?>' +
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="200" height="100">' +
    '<defs><marker id="arrow"><path d="M0 0L5 5"/></marker><style>#arrow path { fill: ' + colour + '; }</style></defs>' +
    '<script>alert(1)</script>' +
    '<line x1="0" y1="0" x2="100" y2="50" stroke="' + colour + '" marker-end="url(#arrow)" onclick="evil()"/>' +
    '<use xlink:href="#arrow"/><image href="https://example.com/tracker.png"/>' +
    '<text>&lt;img src=x onerror=alert(1)&gt;</text></svg>';

  it('inlines each chart as SVG with its own ids and nothing active or external', () => {
    const { text, document } = html(reportAnalysis(), 'id', { charts: { 'silo-map': arrowChart('red'), duplicates: arrowChart('blue') } });
    expect(htmlSections(document)[1]).toBe('Visualisasi');
    const charts = Array.from(document.querySelectorAll('figure.chart'));
    expect(charts.map((c) => c.getAttribute('data-chart'))).toEqual(['silo-map', 'duplicates']);
    const silo = charts[0]!;
    expect(silo.querySelector('svg marker')!.getAttribute('id')).toBe('chart-silo-map-arrow');
    expect(silo.querySelector('svg line')!.getAttribute('marker-end')).toBe('url(#chart-silo-map-arrow)');
    expect(silo.querySelector('svg use')!.getAttribute('xlink:href')).toBe('#chart-silo-map-arrow');
    expect(silo.querySelector('svg style')!.textContent).toContain('#chart-silo-map-arrow path');
    expect(charts[1]!.querySelector('svg marker')!.getAttribute('id')).toBe('chart-duplicates-arrow');
    expect(silo.querySelector('figcaption')!.textContent).toBe('Tampilan: silo-map');
    expect(document.querySelectorAll('script, [onclick], img')).toHaveLength(0);
    expect(text).not.toContain('example.com');
    expect(text).not.toContain('<?xml');
  });

  it('embeds charts in Markdown as data URIs of the same cleaned SVG', () => {
    const text = md(reportAnalysis(), 'en', { charts: { 'silo-map': arrowChart('red') } });
    const match = /!\[View: silo-map\]\(data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)\)/.exec(text);
    expect(match).not.toBeNull();
    const svg = Buffer.from(match![1]!, 'base64').toString('utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('id="chart-silo-map-arrow"');
    expect(svg).not.toContain('<script');
  });

  it('has no chart section without charts, and skips a chart that is not SVG', () => {
    expect(htmlSections(html(reportAnalysis(), 'en').document)).toEqual(SECTIONS.en);
    expect(htmlSections(html(reportAnalysis(), 'en', { charts: { broken: 'not an svg' } }).document)).toEqual(SECTIONS.en);
  });
});

describe('purity', () => {
  it('renders the same text twice from the same analysis and leaves the analysis untouched', () => {
    const analysis = withSystems(reportAnalysis());
    const before = JSON.stringify(analysis);
    expect(renderReport(analysis, { lang: 'id', format: 'html' })).toBe(renderReport(analysis, { lang: 'id', format: 'html' }));
    expect(JSON.stringify(analysis)).toBe(before);
  });
});
