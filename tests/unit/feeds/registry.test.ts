import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { feedById, feedFiles, feeds, parseFeedDocument } from '../../../utils/feeds';
import { feedCatalogue } from '../../../utils/feeds/catalogue';
import { buildSnapshot } from '../../../utils/feeds/snapshot';

const NOW = { now: new Date('2026-11-28T12:00:00Z') };
const fixture = (path: string): unknown =>
  JSON.parse(readFileSync(fileURLToPath(new URL(path, import.meta.url)), 'utf8'));

describe('the feed registry', () => {
  it('names each mapper after its folder (rename the folder or the id when this fails)', () => {
    for (const feed of feeds) expect(feedFiles[feed.id], `utils/feeds/${feed.id}/index.ts`).toBe(feed.id);
  });

  it('pairs every mapper with an about of the same id, and every about with a mapper', () => {
    expect(feedCatalogue.map((a) => a.id)).toEqual(feeds.map((f) => f.id));
  });

  it('gives every mapper a jurisdiction, a name and a description of what it reads', () => {
    for (const feed of feeds) {
      expect(feed.jurisdiction, feed.id).toMatch(/^(?:[A-Z]{2,3}|\*)$/);
      expect(feed.name.length, feed.id).toBeGreaterThan(0);
      expect(feed.accepts, feed.id).toMatch(/^an? /);
    }
  });

  it('finds a mapper by id', () => {
    expect(feedById('cpsc')?.name).toBe('US CPSC Recalls');
    expect(feedById('snapshot')?.id).toBe('snapshot');
    expect(feedById('nope')).toBeUndefined();
  });

  it('routes a CPSC array and a snapshot to their mappers', () => {
    const page = parseFeedDocument(fixture('../../fixtures/feeds/cpsc/recalls-page.json'), NOW);
    expect(page.source).toBe('cpsc');
    expect(page.recalls).toHaveLength(6);
    const snap = parseFeedDocument(buildSnapshot(page.recalls, NOW.now), NOW);
    expect(snap.recalls.map((r) => r.id)).toEqual([...page.recalls.map((r) => r.id)].sort());
  });

  it('loads the bundled demo dataset', () => {
    const result = parseFeedDocument(fixture('../../../scripts/demo-store/data/cpsc-demo.json'), NOW);
    expect(result).toMatchObject({ source: 'cpsc', skipped: [] });
    expect(result.recalls).toHaveLength(4);
  });

  it('throws a clear error for a document no mapper reads', () => {
    for (const data of [{ results: [] }, 'text', null, 42]) {
      expect(() => parseFeedDocument(data, NOW)).toThrow(/^unrecognised feed format: expected /);
    }
  });

  it('passes on a CPSC error response as an error', () => {
    expect(() => parseFeedDocument(fixture('../../fixtures/feeds/cpsc/error-record.json'), NOW)).toThrow(
      /CPSC feed returned an error record/,
    );
  });

  it('never throws from detect, whatever the document', () => {
    fc.assert(
      fc.property(fc.anything(), (data) => {
        for (const feed of feeds) expect(typeof feed.detect(data)).toBe('boolean');
      }),
    );
  });
});
