/**
 * A small HTML character-reference decoder for content scripts, for text a page escaped twice: JSON-LD
 * or embedded JSON that a CMS HTML-escaped (script text is never entity-decoded by the browser), or an
 * attribute holding `&amp;#39;`.
 *
 * Why not the `entities` library, which the feeds use (html-text.ts): its table of every HTML named
 * reference costs more of a content script's 30 KB gzip budget than there is to spare, and the product
 * markup of the saved real pages escapes only `&quot;` and `&amp;` by name (other characters by number).
 * This is the one hand-written decoder in the project; keep it tiny.
 */
import { own } from '../own';

const NAMED: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: '\u00a0' };

/**
 * Decodes decimal and hex references (`&#8211;`, `&#x2013;`) and the six names above, in any case. An
 * unknown name or an invalid code point is left as printed rather than guessed.
 */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code =
        e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return own(NAMED, e.toLowerCase()) ?? m;
  });
}
