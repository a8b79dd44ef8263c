import { describe, expect, it } from 'vitest';
import { formatNumber, timeAgo, wordList } from '@/utils/words';
import { speak } from '../support/i18n-setup';

describe('numbers in words', () => {
  it('groups thousands', () => {
    expect(formatNumber(9969)).toBe('9,969');
    expect(formatNumber(0)).toBe('0');
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

  it('speaks Chinese when the browser does', () => {
    speak('zh_CN');
    expect(timeAgo(minutesBefore(5), now)).toBe('5 分钟前');
    expect(timeAgo(minutesBefore(3 * 24 * 60), now)).toBe('3 天前');
    expect(wordList(['CPSC', 'openFDA'])).toBe('CPSC和openFDA');
  });
});
