/**
 * RSS 2.0 without a DOM: the `<item>`s of a channel as text, read with regular expressions because the
 * extension's service worker has no XML parser. Kept apart from the ACCC mapper because it knows nothing
 * of ACCC: it reads any RSS 2.0 channel (title, link, pubDate, description, guid per item) and its own
 * `<link>`, and the mapper decides what the items mean.
 */
import { decodeEntities } from '../../extract/html-text';

export interface RssItem {
  title: string | null;
  link: string | null;
  pubDate: string | null;
  description: string | null;
  guid: string | null;
}

/**
 * The text of an XML element's content: CDATA sections are taken as they are, everything else has its
 * entities decoded (`&lt;p&gt;` → `<p>`). Only one level is decoded: the HTML that comes out keeps its
 * own entities for the HTML reader.
 */
export function xmlText(content: string): string {
  let out = '';
  let at = 0;
  for (const m of content.matchAll(/<!\[CDATA\[([\s\S]*?)\]\]>/g)) {
    out += decodeEntities(content.slice(at, m.index));
    out += m[1] ?? '';
    at = m.index + m[0].length;
  }
  return (out + decodeEntities(content.slice(at))).trim();
}

/** The first child element `name` of an item's XML (namespaced children like `<dc:creator>` are not it). */
function child(xml: string, name: string): string | null {
  const re = new RegExp(`<${name}(?:\\s[^>]*)?(?:/>|>([\\s\\S]*?)</${name}\\s*>)`, 'i');
  const m = re.exec(xml);
  if (!m) return null;
  return xmlText(m[1] ?? '') || null;
}

/**
 * The `<item>`s of an RSS 2.0 document: title, link, pubDate, description and guid as text. Comments
 * are dropped first (a commented-out item is no item); CDATA is read before tags so an item's HTML
 * description cannot close the item early. Returns null when the text is not an RSS channel.
 */
export function rssItems(xml: string): RssItem[] | null {
  // CDATA sections are masked (by a private-use marker) while items are found: "</item>" inside a
  // description is text.
  const cdata: string[] = [];
  const masked = xml
    .replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, (m) => `\uE000${cdata.push(m) - 1}\uE000`)
    .replace(/<!--[\s\S]*?-->/g, '');
  if (!/<rss\b/i.test(masked) || !/<channel\b/i.test(masked)) return null;
  const unmask = (s: string) => s.replace(/\uE000(\d+)\uE000/g, (_, i: string) => cdata[Number(i)] ?? '');
  const items: RssItem[] = [];
  for (const m of masked.matchAll(/<item(?:\s[^>]*)?>([\s\S]*?)<\/item\s*>/gi)) {
    const body = m[1] ?? '';
    // Children are looked up in the masked text, then their content is unmasked and decoded.
    const get = (name: string) => {
      const re = new RegExp(`<${name}(?:\\s[^>]*)?(?:/>|>([\\s\\S]*?)</${name}\\s*>)`, 'i');
      const c = re.exec(body);
      return c ? xmlText(unmask(c[1] ?? '')) || null : null;
    };
    items.push({
      title: get('title'),
      link: get('link'),
      pubDate: get('pubDate'),
      description: get('description'),
      guid: get('guid'),
    });
  }
  return items;
}

/** The channel's own `<link>` (the first one outside any item), for detection. */
export function channelLink(xml: string): string | null {
  const head = xml.split(/<item[\s>]/i)[0] ?? '';
  return child(head.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, ''), 'link');
}
