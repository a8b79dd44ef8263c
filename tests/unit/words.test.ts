import { describe, expect, it } from 'vitest';
import { count, timeAgo, wordList } from '@/utils/words';

describe('counts in words', () => {
  it('uses the singular for exactly one', () => {
    expect(count(1, 'recall', 'recalls')).toBe('1 recall');
  });

  it('uses the plural for none and for many, with thousands separated', () => {
    expect(count(0, 'recall', 'recalls')).toBe('0 recalls');
    expect(count(9969, 'recall', 'recalls')).toBe('9,969 recalls');
  });
});

describe('lists in words', () => {
  it('joins two names with "and" and longer lists with commas', () => {
    expect(wordList(['CPSC'])).toBe('CPSC');
    expect(wordList(['CPSC', 'openFDA'])).toBe('CPSC and openFDA');
    expect(wordList(['CPSC', 'openFDA', 'ACCC'])).toBe('CPSC, openFDA, and ACCC');
  });
});

describe('ages in words', () => {
  const now = new Date('2026-12-05T12:00:00Z');
  const minutesBefore = (minutes: number) => new Date(now.getTime() - minutes * 60_000).toISOString();

  it('says "just now" under a minute, and for a clock that ran ahead', () => {
    expect(timeAgo(minutesBefore(0.2), now)).toBe('just now');
    expect(timeAgo(minutesBefore(-5), now)).toBe('just now');
  });

  it('counts minutes, hours and days with their plural forms', () => {
    expect(timeAgo(minutesBefore(1), now)).toBe('1 minute ago');
    expect(timeAgo(minutesBefore(5), now)).toBe('5 minutes ago');
    expect(timeAgo(minutesBefore(60), now)).toBe('1 hour ago');
    expect(timeAgo(minutesBefore(47 * 60), now)).toBe('47 hours ago');
    expect(timeAgo(minutesBefore(3 * 24 * 60), now)).toBe('3 days ago');
  });
});
