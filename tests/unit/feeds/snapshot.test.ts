import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import cpsc from '../../../utils/feeds/cpsc';
import snapshot, { buildSnapshot, SNAPSHOT_FORMAT, Snapshot } from '../../../utils/feeds/snapshot';
import type { Recall } from '../../../utils/schemas';

const NOW = new Date('2026-11-28T12:00:00.000Z');
const demoRecalls = (): Recall[] => {
  const data: unknown = JSON.parse(
    readFileSync(
      fileURLToPath(new URL('../../../scripts/demo-store/data/cpsc-demo.json', import.meta.url)),
      'utf8',
    ),
  );
  return cpsc.map(data, { now: NOW }).recalls;
};

describe('the index snapshot', () => {
  it('round-trips mapped recalls through JSON', () => {
    const recalls = demoRecalls();
    const built = buildSnapshot(recalls, NOW);
    expect(built).toMatchObject({
      format: SNAPSHOT_FORMAT,
      formatVersion: 1,
      generatedAt: '2026-11-28T12:00:00.000Z',
    });
    const result = snapshot.map(JSON.parse(JSON.stringify(built)), { now: NOW });
    expect(result.skipped).toEqual([]);
    expect(result.recalls).toEqual(recalls);
  });

  it('reports the single source of a one-feed snapshot, so it replaces that feed', () => {
    const result = snapshot.map(buildSnapshot(demoRecalls(), NOW), { now: NOW });
    expect(result.source).toBe('cpsc');
    const mixed = demoRecalls().map((r, i) => (i === 0 ? { ...r, id: 'ukopss:1', source: 'ukopss' } : r));
    expect(snapshot.map(buildSnapshot(mixed, NOW), { now: NOW }).source).toBe('snapshot');
  });

  it('sorts recalls by id so the same index always gives the same bytes', () => {
    const recalls = demoRecalls();
    const forward = JSON.stringify(buildSnapshot(recalls, NOW));
    const backward = JSON.stringify(buildSnapshot([...recalls].reverse(), NOW));
    expect(forward).toBe(backward);
    expect(buildSnapshot(recalls, NOW).recalls.map((r) => r.id)).toEqual([
      'cpsc:90001',
      'cpsc:90002',
      'cpsc:90003',
      'cpsc:90004',
    ]);
  });

  it('skips an invalid or duplicated recall with a reason and keeps the rest', () => {
    const [first, second] = demoRecalls();
    const data = {
      format: SNAPSHOT_FORMAT,
      formatVersion: 1,
      generatedAt: NOW.toISOString(),
      recalls: [first, { ...second, products: [] }, 'not a recall', first],
    };
    const result = snapshot.map(data, { now: NOW });
    expect(result.recalls.map((r) => r.id)).toEqual(['cpsc:90001']);
    expect(result.skipped.map((s) => [s.index, s.nativeId])).toEqual([
      [1, 'cpsc:90002'],
      [2, null],
      [3, 'cpsc:90001'],
    ]);
    expect(result.skipped[0]?.reason).toMatch(/^recall 1 \(cpsc:90002\): products: /);
    expect(result.skipped[2]?.reason).toBe('recall 3 (cpsc:90001): duplicate id, already read as recall 0');
  });

  it('refuses a snapshot from a newer format version instead of half-reading it', () => {
    const data = { format: SNAPSHOT_FORMAT, formatVersion: 2, generatedAt: NOW.toISOString(), recalls: [] };
    expect(() => snapshot.map(data, { now: NOW })).toThrow(
      /formatVersion 2 is newer than this build reads \(1\)/,
    );
  });

  it('refuses an envelope without its recalls list', () => {
    expect(() =>
      snapshot.map({ format: SNAPSHOT_FORMAT, formatVersion: 1, generatedAt: 'today' }, { now: NOW }),
    ).toThrow(/snapshot envelope is invalid/);
  });

  it('refuses to build a snapshot it could not read back', () => {
    const [first] = demoRecalls();
    expect(() => buildSnapshot([{ ...(first as Recall), id: 'no id' }], NOW)).toThrow();
    expect(() => buildSnapshot([first as Recall, first as Recall], NOW)).toThrow(/appears twice/);
  });

  it('validates against its own schema', () => {
    expect(Snapshot.safeParse(buildSnapshot(demoRecalls(), NOW)).success).toBe(true);
  });

  it('recognises snapshots and nothing else', () => {
    expect(snapshot.detect(buildSnapshot([], NOW))).toBe(true);
    expect(snapshot.detect([])).toBe(false);
    expect(snapshot.detect({ format: 'something-else' })).toBe(false);
  });
});
