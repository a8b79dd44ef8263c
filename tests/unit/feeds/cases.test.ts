/**
 * Feed tests, generated: one test per `testCases` entry in utils/feeds/<id>/cases.ts. Each reads its
 * document (tests/unit/feeds/case-documents.ts), checks that the registry hands it to that feed and no
 * other, maps it through the registry's `parseFeedDocument` and compares what the case states: record
 * ids, counts and skips, or the error of a document that is one as a whole. Every record must be a valid
 * `Recall`, under its feed's id unless the feed is a snapshot (which keeps each record's own source).
 * Real data under ../shared/data is required under CI and skipped with a note elsewhere.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { feedById, feeds, parseFeedDocument } from '../../../utils/feeds';
import { aboutFeed } from '../../../utils/feeds/catalogue';
import type { FeedTestCase } from '../../../utils/feeds/feed';
import { feedTestCases } from '../../../utils/feeds/test-cases';
import { Recall } from '../../../utils/schemas';
import { casePath, readDocument } from './case-documents';
import { sharedSample } from './shared-sample';

/** Mapping is reproducible only with a fixed clock. */
const NOW = { now: new Date('2026-11-28T12:00:00Z') };

function runCase(id: string, c: FeedTestCase, file: string): void {
  const doc = readDocument(file);
  expect(
    feeds.filter((f) => f.detect(doc)).map((f) => f.id),
    `${c.fixture} must be recognised by the ${id} feed alone`,
  ).toEqual([id]);

  if (c.expectError !== undefined) {
    expect(() => parseFeedDocument(doc, NOW)).toThrow(c.expectError);
    return;
  }
  const result = parseFeedDocument(doc, NOW);
  expect(result).toEqual(feedById(id)?.map(doc, NOW));
  const ids = result.recalls.map((r) => r.id);

  for (const recall of result.recalls) {
    const parsed = Recall.safeParse(recall);
    expect(parsed.success, parsed.success ? '' : `${recall.id}: ${parsed.error.message}`).toBe(true);
    expect(recall.id.startsWith(`${recall.source}:`), recall.id).toBe(true);
  }
  if (aboutFeed(id)?.official) {
    expect(result.source).toBe(id);
    expect(result.recalls.filter((r) => r.source !== id).map((r) => r.id)).toEqual([]);
  }

  if (c.expectAllIds) expect(ids).toEqual(c.expectAllIds);
  if (c.expectIds) expect(ids).toEqual(expect.arrayContaining([...c.expectIds]));
  if (c.expectRecords !== undefined) expect(ids).toHaveLength(c.expectRecords);
  const reasons = result.skipped.map((s) => s.reason);
  if (c.expectSkips !== undefined) expect(reasons).toHaveLength(c.expectSkips);
  if (c.expectSkipReasons) {
    expect(reasons).toHaveLength(c.expectSkipReasons.length);
    c.expectSkipReasons.forEach((words, i) => {
      expect(reasons[i], `skip ${i}`).toContain(words);
    });
  }
}

for (const [id, cases] of Object.entries(feedTestCases)) {
  describe(`${id} feed`, () => {
    for (const c of cases ?? []) {
      it(c.name, (ctx) => {
        const file = c.shared ? sharedSample(ctx, c.fixture) : casePath(c);
        expect(existsSync(file), `create tests/fixtures/feeds/${c.fixture}`).toBe(true);
        runCase(id, c, file);
      });
    }
  });
}
