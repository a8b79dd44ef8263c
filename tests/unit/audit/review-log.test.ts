/**
 * The review log of the audit page: append-only, timestamped, the latest decision per finding shown,
 * on findings of a real catalog audited against the starter index (real CPSC notices).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadStarterIndex } from '../../../scripts/commands/audit-index';
import { auditRows } from '../../../utils/audit/audit';
import type { Finding } from '../../../utils/audit/finding';
import {
  findingKey,
  latestDecisions,
  REVIEW_LOG_KEY,
  REVIEW_NOTE_MAX,
  ReviewLog,
  type ReviewStorage,
} from '../../../utils/audit/review-log';
import { readFixture } from './read-fixture';

let findings: Finding[];
beforeAll(async () => {
  const { index } = await loadStarterIndex();
  const catalog = readFixture('generic.csv');
  findings = auditRows(catalog.rows, catalog.mapping, index).findings;
}, 60_000);

function memoryStorage(): ReviewStorage & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  return {
    data,
    async get(key) {
      return key in data ? { [key]: structuredClone(data[key]) } : {};
    },
    async set(items) {
      Object.assign(data, structuredClone(items));
    },
  };
}

const find = (sku: string) => findings.find((f) => f.sku === sku) as Finding;

describe('the audit review log', () => {
  it('keeps every decision with its time, note and listing, oldest first', async () => {
    const log = new ReviewLog(memoryStorage());
    await log.append(
      find('HF-PS2000'),
      'reviewed',
      ' Pulled from sale, 12 units held ',
      'generic.csv',
      new Date('2026-12-01T10:00:00Z'),
    );
    await log.append(
      find('BB-LOUNGER'),
      'not-this-product',
      'Ours is the BLG26BF',
      'generic.csv',
      new Date('2026-12-01T11:00:00Z'),
    );
    expect(await log.entries()).toEqual([
      {
        at: '2026-12-01T10:00:00.000Z',
        findingKey: findingKey(find('HF-PS2000')),
        recallId: 'cpsc:25-366',
        listing: 'SKU HF-PS2000',
        decision: 'reviewed',
        note: 'Pulled from sale, 12 units held',
        catalog: 'generic.csv',
      },
      expect.objectContaining({
        recallId: 'cpsc:26-185',
        decision: 'not-this-product',
        listing: 'SKU BB-LOUNGER',
      }),
    ]);
  });

  it('never rewrites an earlier entry: a second decision is added and supersedes the first on screen', async () => {
    const log = new ReviewLog(memoryStorage());
    const gate = find('VV-GATE-29');
    await log.append(gate, 'not-this-product', 'different gate', 'a.csv', new Date('2026-12-01T10:00:00Z'));
    await log.append(
      gate,
      'reviewed',
      'it is the recalled gate after all',
      'a.csv',
      new Date('2026-12-02T10:00:00Z'),
    );
    const entries = await log.entries();
    expect(entries.map((e) => e.decision)).toEqual(['not-this-product', 'reviewed']);
    expect(latestDecisions(entries).get(findingKey(gate))?.note).toBe('it is the recalled gate after all');
  });

  it('lands both of two decisions made at once', async () => {
    const log = new ReviewLog(memoryStorage());
    await Promise.all([
      log.append(find('HF-PS2000'), 'reviewed', '', 'a.csv'),
      log.append(find('WG-APAP-500'), 'reviewed', '', 'a.csv'),
    ]);
    expect((await log.entries()).map((e) => e.recallId).sort()).toEqual([
      'cpsc:20220616-8efeb7',
      'cpsc:25-366',
    ]);
  });

  it('cuts a note to its limit and skips a damaged stored entry without losing it', async () => {
    const storage = memoryStorage();
    storage.data[REVIEW_LOG_KEY] = [{ at: 5 }];
    const log = new ReviewLog(storage);
    await log.append(find('HF-PS2000'), 'reviewed', 'x'.repeat(REVIEW_NOTE_MAX + 50), 'a.csv');
    const [entry, ...rest] = await log.entries();
    expect(rest).toEqual([]);
    expect(entry?.note.length).toBe(REVIEW_NOTE_MAX);
    expect(storage.data[REVIEW_LOG_KEY]).toHaveLength(2);
  });

  it('names a finding by its listing and recall, not by its row, so a re-ordered catalog keeps the decision', () => {
    const f = find('HF-PS2000');
    expect(findingKey({ ...f, row: f.row + 10 })).toBe(findingKey(f));
    expect(findingKey({ ...f, recallId: 'cpsc:other' })).not.toBe(findingKey(f));
  });
});
