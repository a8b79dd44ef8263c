import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { auditRows } from '../../../utils/audit/audit';
import { evidenceReportHtml } from '../../../utils/audit/evidence-report';
import { CSV_COLUMNS, findingsCsv, REVIEW_COLUMNS } from '../../../utils/audit/export-csv';
import { AUDIT_JSON_FORMAT, type AuditMeta, auditJson } from '../../../utils/audit/export-json';
import type { Finding } from '../../../utils/audit/finding';
import { findingKey, latestDecisions, type ReviewEntry } from '../../../utils/audit/review-log';
import { MemoryIndex } from '../../../utils/recall-index/memory-index';
import { speak } from '../../support/i18n-setup';
import { recall } from '../support/factories';

const index = new MemoryIndex([
  recall(
    '26-264',
    { name: 'Baby gates', brands: ['Vevor'], models: ['YJ-3355'] },
    {
      title: 'Sanven Technology Recalls Vevor Baby Gates <b>Due to</b> Entrapment',
      url: 'https://www.cpsc.gov/Recalls/2026/vevor',
    },
  ),
  recall('99', { name: 'Lamp', brands: ['Luma'], gtins: ['00193175488718'] }, { url: 'javascript:alert(1)' }),
]);
const result = auditRows(
  [
    {
      row: 2,
      values: {
        sku: '=HYPERLINK("x")',
        title: 'Gate <script>alert(1)</script>',
        brand: 'Vevor',
        model: 'YJ-3355',
      },
    },
    { row: 3, values: { sku: 'L1', title: 'Lamp, "tall"', brand: 'Luma', barcode: '193175488718' } },
  ],
  {},
  index,
  [{ row: 4, message: 'row 4: repeats row 2; audited once', skipped: true }],
);
const meta: AuditMeta = {
  catalog: 'shop <export>.csv',
  catalogFormat: 'csv',
  encoding: 'utf-8',
  mapping: { model: 'MPN' },
  sources: [{ source: 'cpsc', records: 2 }],
  generatedAt: '2026-12-05T19:00:00.000Z',
};

describe('exporting findings', () => {
  it('writes CSV with one finding per line that papaparse reads back, lists joined with " | "', () => {
    const parsed = Papa.parse<Record<string, string>>(findingsCsv(result.findings), { header: true });
    expect(parsed.meta.fields).toEqual([...CSV_COLUMNS, ...REVIEW_COLUMNS]);
    expect(parsed.data).toHaveLength(2);
    expect(parsed.data[1]).toMatchObject({ tier: 'likely', row: '2', recallId: 'cpsc:26-264' });
    expect(parsed.data[0]?.title).toBe('Lamp, "tall"');
    expect(parsed.data[0]?.actions?.split(' | ')[0]).toMatch(/^Stop sale now/);
  });

  it('neutralises cells a spreadsheet would run as a formula', () => {
    const parsed = Papa.parse<Record<string, string>>(findingsCsv(result.findings), { header: true });
    expect(parsed.data[1]?.sku).toBe('\'=HYPERLINK("x")');
  });

  it('writes a versioned JSON document with the findings, counts, completeness and problems', () => {
    const doc = JSON.parse(auditJson(result, meta));
    expect(doc).toMatchObject({
      format: AUDIT_JSON_FORMAT,
      formatVersion: 1,
      catalogFormat: 'csv',
      listings: 2,
      counts: { confirmed: 1, likely: 1, possible: 0 },
      problems: [{ row: 4, skipped: true }],
    });
    expect(doc.findings).toHaveLength(2);
  });

  it('writes a printable HTML report with the evidence and official link of each finding, every value escaped', () => {
    const html = evidenceReportHtml(result, meta);
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('@media print');
    expect(html).toContain('<a href="https://www.cpsc.gov/Recalls/2026/vevor">');
    expect(html).toContain('Gate &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Vevor Baby Gates &lt;b&gt;Due to&lt;/b&gt;');
    expect(html).toContain('shop &lt;export&gt;.csv');
    expect(html).not.toContain('<script');
    expect(html).toContain('Model YJ-3355');
    expect(html).toContain('row 4: repeats row 2');
  });

  it('prints the report in the UI language: Chinese headings and counts around the notice as published', () => {
    speak('zh_CN');
    const html = evidenceReportHtml(result, { ...meta, catalogFormat: 'shopify-csv' });
    expect(html).toContain('<html lang="zh-CN">');
    // The catalog's format and each notice's status are named in Chinese too.
    expect(html).toContain('Shopify 商品导出文件 (CSV)');
    expect(html).toMatch(/ · 进行中 · /);
    expect(html).not.toMatch(/ · active · |product export/);
    expect(html).toContain('<h1>shop &lt;export&gt;.csv 的召回检查</h1>');
    expect(html).toMatch(/确认 \d+ 条、很可能 \d+ 条、可能 \d+ 条/);
    expect(html).toContain('<h3>匹配原因</h3>');
    expect(html).toContain('<h2>商品信息完整性</h2>');
    expect(html).not.toMatch(/Why this matched|Listing completeness|Rows with problems/);
    // The notice's own words stay as the authority published them.
    expect(html).toContain('Vevor Baby Gates &lt;b&gt;Due to&lt;/b&gt;');
  });

  it('links and cites only http(s) notice addresses', () => {
    expect(evidenceReportHtml(result, meta)).not.toContain('href="javascript:');
    expect(result.findings[0]?.actions.join(' ')).not.toContain('javascript:');
  });
});

describe('exporting findings with the review log', () => {
  const [lamp, gate] = result.findings as [Finding, Finding];
  const entry = (f: Finding, decision: ReviewEntry['decision'], note: string, at: string): ReviewEntry => ({
    at,
    findingKey: findingKey(f),
    recallId: f.recallId,
    listing: f.sku ?? '',
    decision,
    note,
    catalog: meta.catalog,
  });
  // The gate was first marked reviewed, then "not this product": the later decision is the one exported.
  const latest = latestDecisions([
    entry(gate, 'reviewed', 'looked at it', '2026-12-05T19:10:00.000Z'),
    entry(gate, 'not-this-product', '=ours is the YJ-3356, see label', '2026-12-05T19:20:00.000Z'),
  ]);

  it("adds each finding's latest decision, note and time to the CSV, empty where there is none", () => {
    const rows = Papa.parse<Record<string, string>>(findingsCsv(result.findings, latest), {
      header: true,
    }).data;
    expect(rows.map((r) => [r.sku, r.review, r.reviewNote, r.reviewedAt])).toEqual([
      ['L1', '', '', ''],
      [
        '\'=HYPERLINK("x")',
        'not-this-product',
        // A note is text from the merchant, neutralised like every other cell.
        "'=ours is the YJ-3356, see label",
        '2026-12-05T19:20:00.000Z',
      ],
    ]);
  });

  it('gives every finding of the JSON a review, null where there is none', () => {
    const doc = JSON.parse(auditJson(result, meta, latest));
    expect(doc.findings.map((f: { review: unknown }) => f.review)).toEqual([
      null,
      {
        decision: 'not-this-product',
        note: '=ours is the YJ-3356, see label',
        at: '2026-12-05T19:20:00.000Z',
      },
    ]);
    expect(JSON.parse(auditJson(result, meta)).findings[0].review).toBeNull();
  });

  it('prints the decision and its note under each finding of the report, escaped', () => {
    const reviewed = latestDecisions([
      entry(lamp, 'reviewed', 'pulled <b>all</b> stock', '2026-12-05T20:05:09.000Z'),
    ]);
    const html = evidenceReportHtml(result, meta, reviewed);
    const sections = html.split('<section class="finding').slice(1);
    expect(sections[0]).toContain(
      'Your review: <strong>Reviewed on 2026-12-05 20:05 UTC</strong>: pulled &lt;b&gt;all&lt;/b&gt; stock',
    );
    expect(sections[1]).toContain('Your review: not reviewed yet.');
    expect(evidenceReportHtml(result, meta, latest)).toContain(
      'Your review: <strong>Not this product (decided 2026-12-05 19:20 UTC)</strong>: =ours is the YJ-3356',
    );
  });

  it('leaves the review out of the report when there is no log to read (the CLI)', () => {
    expect(evidenceReportHtml(result, meta)).not.toContain('Your review');
  });
});
