/**
 * HTML to plain text without a DOM. Feed mappers run in the MV3 service worker, where Chrome has no
 * `DOMParser`, and notices arrive as HTML fragments (GOV.UK `details.body`, ACCC RSS descriptions, SAMR
 * notice pages). This is not a general HTML parser: it reads the well-formed, server-generated markup of
 * those sources well enough to keep block structure as lines and table rows as "label | value" lines,
 * which label-keyed readers then split. Scripts, styles and comments are dropped whole.
 */
import { decodeHTMLStrict } from 'entities/decode';
import { escapeRegExp } from '../escape-regexp';

/**
 * Decodes character references as HTML defines them (every named reference, decimal and hex), with the
 * `entities` library, so no name a short table would miss (`&eacute;`, `&auml;`) is left as printed.
 * Only references ended by `;` count, so "AT&T" and "&copy 2020" stay as printed. Content scripts use
 * decode-entities.ts instead, which fits their size budget.
 */
export function decodeEntities(text: string): string {
  return decodeHTMLStrict(text);
}

/** Elements whose start or end begins a new line. */
const BLOCK =
  /^(?:p|div|section|article|header|footer|main|aside|nav|h[1-6]|ul|ol|li|dl|dt|dd|table|thead|tbody|tfoot|caption|blockquote|pre|figure|figcaption|address|hr|form|fieldset|details|summary)$/i;

/**
 * Plain text of an HTML fragment. Block elements and `<br>` end lines; each table row becomes one line
 * with its cells joined by " | " (GOV.UK product tables: "Barcode | 5052089365995"); list items keep a
 * leading "- " so a reader can tell them from running text. Whitespace inside a line is collapsed,
 * non-breaking spaces become spaces, and empty lines are removed.
 */
export function htmlToText(html: string): string {
  const stripped = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|noscript|template)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1');
  let out = '';
  let cellsInRow = 0;
  const tag = /<\/?([a-zA-Z][a-zA-Z0-9]*)\b(?:[^>"']|"[^"]*"|'[^']*')*>/g;
  let last = 0;
  for (let m = tag.exec(stripped); m; m = tag.exec(stripped)) {
    // Source line breaks are only spaces in HTML; lines come from the markup alone.
    out += stripped.slice(last, m.index).replace(/\s+/g, ' ');
    last = m.index + m[0].length;
    const name = (m[1] ?? '').toLowerCase();
    const closing = m[0].startsWith('</');
    if (name === 'br') out += '\n';
    else if (name === 'tr') {
      out += '\n';
      cellsInRow = 0;
    } else if (name === 'td' || name === 'th') {
      // Cells are separated, not terminated: the first cell of a row gets no leading bar.
      if (!closing) {
        if (cellsInRow > 0) out += ' | ';
        cellsInRow++;
      }
    } else if (name === 'li' && !closing) out += '\n- ';
    else if (BLOCK.test(name)) out += '\n';
  }
  out += stripped.slice(last).replace(/\s+/g, ' ');
  return decodeEntities(out)
    .split('\n')
    .map((line) =>
      line
        .replace(/[\s\u00a0\u3000]+/g, ' ')
        .replace(/\s*\|\s*/g, ' | ')
        .trim(),
    )
    .filter((line) => line.length > 0 && line !== '-' && !/^(?:\|\s*)+$/.test(line))
    .join('\n');
}

/**
 * The inner HTML of the first element `<tag ... class="... name ...">`, with nested elements of the same
 * tag balanced (a SAMR `div.TRS_Editor` holds more `<div>`s). Returns null when there is none. The class
 * must match as a whole word: "show_tit" does not find "show_tit2".
 */
export function innerHtmlByClass(html: string, tagName: string, className: string): string | null {
  const escaped = escapeRegExp(className);
  const open = new RegExp(
    `<${tagName}\\b[^>]*\\bclass\\s*=\\s*["'](?:[^"']*\\s)?${escaped}(?:\\s[^"']*)?["'][^>]*>`,
    'i',
  );
  const start = open.exec(html);
  if (!start) return null;
  const from = start.index + start[0].length;
  const tags = new RegExp(`<(/?)${tagName}\\b[^>]*>`, 'gi');
  tags.lastIndex = from;
  let depth = 1;
  for (let m = tags.exec(html); m; m = tags.exec(html)) {
    depth += m[1] ? -1 : m[0].endsWith('/>') ? 0 : 1;
    if (depth === 0) return html.slice(from, m.index);
  }
  // Unclosed (a truncated page): the rest of the document is the element.
  return html.slice(from);
}

/** The text of the first `<title>`, decoded, or null. */
export function documentTitle(html: string): string | null {
  const m = /<title\b[^>]*>([\s\S]*?)<\/title\s*>/i.exec(html);
  const text = m?.[1] ? htmlToText(m[1]).replace(/\n/g, ' ') : '';
  return text || null;
}
