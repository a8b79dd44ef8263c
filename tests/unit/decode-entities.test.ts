import { describe, expect, it } from 'vitest';
import { decodeEntities as decodeInContent } from '../../utils/extract/decode-entities';
import { decodeEntities as decodeInFeeds } from '../../utils/extract/html-text';

describe('the content-side entity decoder', () => {
  it('decodes the names product markup escapes, in any case, and numeric references', () => {
    expect(decodeInContent('Stool &#8211; Oak &amp; Ash')).toBe('Stool – Oak & Ash');
    expect(decodeInContent('&QUOT;Kid&apos;s&quot; &lt;b&gt; &#x2122;&nbsp;x')).toBe('"Kid\'s" <b> ™\u00a0x');
  });

  it('leaves unknown names, invalid code points and bare ampersands as printed', () => {
    expect(decodeInContent('AT&T &eacute; &#0; &#x110000; R&D;')).toBe('AT&T &eacute; &#0; &#x110000; R&D;');
  });
});

describe('the feeds’ entity decoder', () => {
  it('decodes every HTML named reference and numeric references', () => {
    expect(decodeInFeeds('&eacute;t&eacute; &auml; &ndash; &#8217; &#x2013; &AMP;')).toBe('été ä – ’ – &');
  });

  it('decodes only references ended by a semicolon, so prose keeps its ampersands', () => {
    expect(decodeInFeeds('AT&T, &copy 2020, a &amp b, R&D;')).toBe('AT&T, &copy 2020, a &amp b, R&D;');
  });
});
