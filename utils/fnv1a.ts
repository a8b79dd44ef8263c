/**
 * 32-bit FNV-1a, the one hash the project uses where a value must be the same in every runtime and
 * every release: index key hashes and run names (stored in IndexedDB), shard assignment (published
 * index files), the token order of the title rule (index keys), SAMR ids for notices without a number.
 * Changing it changes stored and published data: tests/unit/fnv1a.test.ts pins its output.
 */

const OFFSET_BASIS = 0x811c9dc5;
const PRIME = 0x01000193;

/** FNV-1a over a string's UTF-16 code units (not its UTF-8 bytes), as an unsigned 32-bit number. */
export function fnv1a(text: string): number {
  let h = OFFSET_BASIS;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, PRIME);
  }
  return h >>> 0;
}

/** FNV-1a over bytes (the UTF-8 encoding of a string, for ids that must agree with byte-oriented tools). */
export function fnv1aBytes(bytes: Uint8Array): number {
  let h = OFFSET_BASIS;
  for (const byte of bytes) {
    h ^= byte;
    h = Math.imul(h, PRIME);
  }
  return h >>> 0;
}
