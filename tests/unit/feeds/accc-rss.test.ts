import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { channelLink, rssItems, xmlText } from '../../../utils/feeds/accc/rss';

const xml = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../../fixtures/feeds/accc/${name}`, import.meta.url)), 'utf8');

describe('RSS without a DOM', () => {
  it('reads items with escaped HTML, CDATA, attributes on guid, and skips commented-out items', () => {
    const items = rssItems(xml('recalls.xml'));
    expect(items?.map((i) => i.guid)).toEqual([
      '21345 at https://www.productsafety.gov.au',
      '21299 at https://www.productsafety.gov.au',
      '21250 at https://www.productsafety.gov.au',
    ]);
    expect(items?.[0]?.title).toBe('Zephyra Home Pty Ltd — Zephyra Single Electric Blanket ZP-EB410');
    expect(items?.[0]?.description).toContain('<h3>Identifying numbers</h3>');
    expect(items?.[1]?.title).toBe('Racecub Toys Pty Ltd — Racecub Ride-On Car RC-88');
  });

  it('does not end an item at an "</item>" inside a CDATA description', () => {
    const items = rssItems(xml('recalls.xml'));
    expect(items).toHaveLength(3);
    expect(items?.[2]?.pubDate).toBe('Mon, 06 Oct 2026 11:00:00 +1100');
  });

  it('decodes one level of entities outside CDATA and none inside', () => {
    expect(xmlText('&lt;p&gt;A &amp;amp; B&lt;/p&gt;')).toBe('<p>A &amp; B</p>');
    expect(xmlText('<![CDATA[<p>A &amp; B</p>]]>')).toBe('<p>A &amp; B</p>');
  });

  it('returns null for a document that is not an RSS channel', () => {
    expect(rssItems('<feed xmlns="http://www.w3.org/2005/Atom"></feed>')).toBeNull();
  });
});

describe("an RSS channel's own link", () => {
  it('is the link before the first item, not an item link or one inside CDATA', () => {
    expect(channelLink(xml('recalls.xml'))).toBe('https://www.productsafety.gov.au/');
    expect(
      channelLink(
        '<rss><channel><![CDATA[<link>x</link>]]><item><link>https://a.example/1</link></item></channel></rss>',
      ),
    ).toBeNull();
  });
});
