import { describe, expect, it } from 'vitest';
import { RecordCache } from '../../../utils/recall-index/record-cache';
import { recall } from '../support/factories';

describe("an audit's record cache", () => {
  it('holds at most its limit, dropping the least recently used record first', () => {
    const cache = new RecordCache(2);
    const [a, b, c] = ['1', '2', '3'].map((id) => recall(id, { brands: ['Vevor'], models: ['YJ-3355'] }));
    cache.set('cpsc#1', 'run', 0, a ?? null);
    cache.set('cpsc#1', 'run', 1, b ?? null);
    expect(cache.get('cpsc#1', 'run', 0)).toBe(a);
    cache.set('cpsc#1', 'run', 2, c ?? null);
    expect(cache.size).toBe(2);
    expect(cache.get('cpsc#1', 'run', 1)).toBeUndefined();
    expect(cache.get('cpsc#1', 'run', 0)).toBe(a);
    expect(cache.get('cpsc#1', 'run', 2)).toBe(c);
    expect({ hits: cache.hits, misses: cache.misses }).toEqual({ hits: 3, misses: 1 });
  });

  it('tells a damaged record (null) from one it does not hold, and keeps places apart by generation and run', () => {
    const cache = new RecordCache();
    cache.set('cpsc#1', 'run', 5, null);
    expect(cache.get('cpsc#1', 'run', 5)).toBeNull();
    expect(cache.get('cpsc#2', 'run', 5)).toBeUndefined();
    expect(cache.get('cpsc#1', 'other', 5)).toBeUndefined();
    cache.clear();
    expect(cache.size).toBe(0);
  });
});
