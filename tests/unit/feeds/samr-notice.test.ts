import { describe, expect, it } from 'vitest';
import { hashedNoticeId } from '../../../utils/feeds/samr/notice';
import { fnv1a } from '../../../utils/fnv1a';

describe('the id of a SAMR notice that prints no 召回编号', () => {
  it('is the FNV-1a hash of the UTF-8 bytes of "title|day", as stored since the first release', () => {
    // The two fixtures without a number (notice-prose.html, notices.json) have had these ids all along.
    expect(hashedNoticeId('深圳市乐童玩具有限公司召回部分儿童电动滑板车|2026-01-12')).toBe('h-8e9de030');
    expect(hashedNoticeId('某品牌电热毯召回|2026-01-30')).toBe('h-b1f86df4');
    expect(hashedNoticeId('Kettle|')).toBe('h-b5e610fa');
  });

  it('keeps its 8 hex digits when the hash is small, and is the offset basis for no text', () => {
    expect(hashedNoticeId('')).toBe('h-811c9dc5');
    expect(hashedNoticeId('|')).toBe('h-f90c4a3b');
  });

  it('hashes bytes, not UTF-16 code units: Chinese text differs from the string hash', () => {
    const key = '某品牌电热毯召回|2026-01-30';
    expect(hashedNoticeId(key)).not.toBe(`h-${fnv1a(key).toString(16).padStart(8, '0')}`);
  });
});
