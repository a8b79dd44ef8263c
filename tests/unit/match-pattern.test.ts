import { describe, expect, it } from 'vitest';
import {
  isWebPattern,
  type MatchPatternParts,
  matchesUrl,
  parseMatchPattern,
  patternCovers,
  patternsOverlap,
} from '../../utils/match-pattern';

const p = (pattern: string) => parseMatchPattern(pattern) as MatchPatternParts;

describe('reading a match pattern', () => {
  it('accepts Chrome patterns and rejects malformed ones', () => {
    for (const ok of [
      'https://www.amazon.com/*',
      '*://*.example.com/p/*',
      'http://localhost:8080/*',
      '<all_urls>',
    ]) {
      expect(parseMatchPattern(ok), ok).not.toBeNull();
    }
    for (const bad of [
      'www.amazon.com/*',
      'https://www.amazon.*/*',
      'https://*amazon.com/*',
      'https://www.amazon.com',
      'not a pattern',
    ]) {
      expect(parseMatchPattern(bad), bad).toBeNull();
    }
  });

  it('gives the schemes, the lower-case host without its port, and the path', () => {
    expect(parseMatchPattern('*://Shop.Example:8080/p/*')).toEqual({
      schemes: ['http', 'https'],
      host: 'shop.example',
      path: '/p/*',
    });
    expect(isWebPattern(p('https://*/*'))).toBe(true);
    expect(isWebPattern(p('<all_urls>'))).toBe(false);
  });
});

describe('matching a URL', () => {
  it('matches a host exactly, or a domain and its subdomains through "*."', () => {
    expect(matchesUrl('https://www.amazon.com/*', new URL('https://www.amazon.com/dp/B0DEMO0001'))).toBe(
      true,
    );
    expect(matchesUrl('https://www.amazon.com/*', new URL('https://www.amazon.de/dp/B0DEMO0001'))).toBe(
      false,
    );
    expect(matchesUrl('https://*.aliexpress.com/*', new URL('https://de.aliexpress.com/item/1.html'))).toBe(
      true,
    );
    expect(matchesUrl('https://*.aliexpress.com/*', new URL('https://aliexpress.com/'))).toBe(true);
    expect(matchesUrl('https://*.aliexpress.com/*', new URL('https://notaliexpress.com/'))).toBe(false);
  });

  it('matches the scheme and the path, on any port', () => {
    expect(matchesUrl('https://shop.example/*', new URL('http://shop.example/'))).toBe(false);
    expect(matchesUrl('*://shop.example/*', new URL('http://shop.example/'))).toBe(true);
    expect(matchesUrl('https://shop.example/p/*', new URL('https://shop.example/cart'))).toBe(false);
    expect(matchesUrl('http://localhost/*', new URL('http://localhost:5173/products/x'))).toBe(true);
  });

  it('matches no URL for a malformed pattern, and no page of another scheme for every host', () => {
    expect(matchesUrl('not a pattern', new URL('https://shop.example/'))).toBe(false);
    expect(matchesUrl('https://*/*', new URL('file:///home/me/page.html'))).toBe(false);
    expect(matchesUrl('<all_urls>', new URL('https://shop.example/'))).toBe(true);
  });
});

describe('comparing patterns', () => {
  it('sees a pattern cover the narrower ones it contains, and not the reverse', () => {
    expect(patternCovers(p('https://*/*'), p('https://www.amazon.com/*'))).toBe(true);
    expect(patternCovers(p('https://*.amazon.com/*'), p('https://www.amazon.com/dp/*'))).toBe(true);
    expect(patternCovers(p('https://www.amazon.com/*'), p('*://www.amazon.com/*'))).toBe(false);
    expect(patternCovers(p('https://www.amazon.com/dp/*'), p('https://www.amazon.com/*'))).toBe(false);
  });

  it('sees overlap through wildcards and none between distinct hosts or paths', () => {
    expect(patternsOverlap(p('https://*.amazon.com/*'), p('https://www.amazon.com/dp/*'))).toBe(true);
    expect(patternsOverlap(p('*://www.amazon.de/*'), p('https://www.amazon.de/gp/*'))).toBe(true);
    expect(patternsOverlap(p('https://www.amazon.com/*'), p('https://www.amazon.de/*'))).toBe(false);
    expect(patternsOverlap(p('https://shop.example/a/*'), p('https://shop.example/b/*'))).toBe(false);
  });
});
