import { describe, expect, it } from 'vitest';
import { fnv1a, fnv1aBytes } from '../../utils/fnv1a';

// Golden values, computed by the implementations this module replaced (runs.ts keyHash, published.ts
// shardOf, samr.ts ids). They are stored in IndexedDB and in published index files: if one changes,
// every user's index and every published shard is silently misfiled.
describe('fnv1a, the hash in stored and published formats', () => {
  it.each([
    ['', 2166136261],
    ['a', 3826002220],
    ['g:00012345678905', 2925875312],
    ['cpsc:10915', 3535667576],
    ['m:vx32764kmhd', 3433679600],
    ['儿童座椅|2026-03-05', 3364917315],
    ['fleece-lined boots', 1130829767],
  ])('hashes the UTF-16 code units of %j to %d', (text, hash) => {
    expect(fnv1a(text)).toBe(hash);
  });

  it.each([
    ['', 0x811c9dc5],
    ['cpsc:10915', 0xd2be0178],
    ['儿童座椅|2026-03-05', 0x18d07e15],
  ])('hashes the UTF-8 bytes of %j to %d', (text, hash) => {
    expect(fnv1aBytes(new TextEncoder().encode(text))).toBe(hash);
  });

  it('differs between code units and bytes only beyond ASCII', () => {
    expect(fnv1a('fleece-lined boots')).toBe(fnv1aBytes(new TextEncoder().encode('fleece-lined boots')));
    expect(fnv1a('儿童')).not.toBe(fnv1aBytes(new TextEncoder().encode('儿童')));
  });
});
