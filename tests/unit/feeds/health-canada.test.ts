import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { feeds } from '../../../utils/feeds';
import hc, { HC_OPEN_DATA_URL } from '../../../utils/feeds/health-canada';
import { Recall } from '../../../utils/schemas';
import { sharedSample } from './shared-sample';

const NOW = { now: new Date('2026-11-28T12:00:00Z') };
const fixture = (): unknown =>
  JSON.parse(
    readFileSync(
      fileURLToPath(new URL('../../fixtures/feeds/health-canada/open-data-rows.json', import.meta.url)),
      'utf8',
    ),
  );
const other = (p: string): unknown =>
  JSON.parse(readFileSync(fileURLToPath(new URL(p, import.meta.url)), 'utf8'));
const recallOf = (id: string): Recall => {
  const recall = hc.map(fixture(), NOW).recalls.find((r) => r.id === id);
  if (!recall) throw new Error(`${id} was not mapped`);
  return recall;
};

describe('the Health Canada mapper', () => {
  it('maps the English rows into strict Recalls', () => {
    const result = hc.map(fixture(), NOW);
    expect(result.recalls.map((r) => r.id)).toEqual([
      'health-canada:90101',
      'health-canada:90102',
      'health-canada:90104',
    ]);
    for (const recall of result.recalls) expect(Recall.parse(recall)).toEqual(recall);
  });

  it('cleans the title, splits the issue and repairs the remedy text', () => {
    expect(recallOf('health-canada:90101')).toMatchObject({
      jurisdiction: 'CA',
      recallNumber: '90101',
      title: 'Emberline Heated Glove Liners recalled due to fire and burn hazards',
      url: 'https://recalls-rappels.canada.ca/en/alert-recall/emberline-heated-glove-liners-recalled-due-fire-and-burn-hazards',
      published: '2026-11-03',
      updated: '2026-11-03',
      version: '2026-11-03',
      status: 'active',
      hazard: 'Fire hazard; Burn hazard',
    });
    const remedy = recallOf('health-canada:90101').remedy;
    expect(remedy).toContain(
      'stop using the recalled product and contact Emberline for a refund. Consumers must',
    );
    expect(remedy).not.toContain('&nbsp;');
  });

  it('takes the brand from "X brand" titles and from the dba name of a joint recall', () => {
    expect(recallOf('health-canada:90102').products[0]?.brands).toEqual(['Crunchwell']);
    expect(recallOf('health-canada:90101').products[0]?.identifiers).toEqual([
      { field: 'brand', value: 'Emberline', source: 'prose', origin: 'What you should do' },
    ]);
  });

  it('finds a model printed in the title and marks an archived notice completed', () => {
    const recall = recallOf('health-canada:90104');
    expect(recall.products[0]?.models).toEqual(['GL-220']);
    expect(recall.status).toBe('completed');
  });

  it('skips and counts a malformed record without dropping the rest', () => {
    expect(hc.map(fixture(), NOW).skipped.map((s) => s.reason)).toEqual([
      'record 1 (NID 90101): French copy of a notice (the English row is kept)',
      'record 3 (NID 90103): Transport Canada vehicle recall (not a consumer product)',
      'record 5: NID is missing or not a number',
      'record 6 (NID 90105): unreadable record: Title: Invalid input: expected string, received number',
    ]);
  });

  it('points a sync at the daily open-data file', () => {
    expect(hc.endpoint?.buildUrl('2026-11-01')).toBe(HC_OPEN_DATA_URL);
  });

  it('claims only Health Canada rows, leaving the empty array to CPSC', () => {
    expect(hc.detect([])).toBe(false);
    expect(hc.detect(other('../../fixtures/feeds/cpsc/recalls-page.json'))).toBe(false);
    expect(hc.detect(other('../../../scripts/demo-store/data/cpsc-demo.json'))).toBe(false);
    expect(feeds.filter((f) => f.detect(fixture())).map((f) => f.id)).toEqual(['health-canada']);
  });

  it('maps the real sample, skipping only the Transport Canada row', (ctx) => {
    const real = sharedSample(ctx, 'health-canada/open-recall-format/sample.json');
    const result = hc.map(JSON.parse(readFileSync(real, 'utf8')), NOW);
    expect(result.recalls).toHaveLength(6);
    expect(result.skipped.map((s) => s.nativeId)).toEqual(['82705']);
    const gobi = result.recalls.find((r) => r.id === 'health-canada:82661');
    expect(gobi?.products[0]?.brands).toEqual(['Gobi Heat']);
    expect(result.recalls.find((r) => r.id === 'health-canada:82676')?.title).toBe(
      'HotHands Rechargeable Hand Warmers recalled due to burn hazard',
    );
  });
});
