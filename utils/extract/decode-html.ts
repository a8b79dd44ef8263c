/**
 * Bytes → text the way a browser picks the charset, DOM-free so the CLI, the tests, the content script
 * (same-origin product pages) and the background (product pages it fetches for a content script) share it.
 *
 * The order is the WHATWG one (https://html.spec.whatwg.org/#determining-the-character-encoding):
 * 1. a byte-order mark wins (it cannot be wrong about the bytes that follow it);
 * 2. the Content-Type charset;
 * 3. the first `<meta charset>` / `<meta http-equiv="Content-Type" content="…charset=…">` the prescan
 *    finds, read with the spec's tag and attribute rules (comments, `<!…>`/`<?…>` and other tags'
 *    attributes skipped, so a `charset=` inside them is not a declaration). The spec looks at the first
 *    1024 bytes; Chromium keeps looking while the document is still in its head, and so does this:
 *    saved Tmall/Taobao/JD pages carry their `<meta charset="gbk">` after 100 KB of inline scripts.
 *    Script, style, title and textarea contents are skipped whole, as the tokenizer would;
 * 4. else UTF-8 (browsers guess from the locale; our pages are UTF-8 unless they say otherwise).
 *
 * One deliberate difference from a browser: a legacy charset declared only in a `<meta>` loses to bytes
 * that decode as valid, non-ASCII UTF-8. Crawlers and "Save as" re-encode pages to UTF-8 and keep the
 * original `<meta charset=gbk>`; a browser opening such a file shows mojibake, while real GBK, Shift_JIS
 * or windows-1252 text is practically never valid UTF-8, so reading it as UTF-8 gives the text the page
 * had. A live page is decoded by the browser itself; this only reads bytes we were handed.
 * TextDecoder (browsers, Node with full ICU) takes the WHATWG labels (gbk, gb2312, shift_jis …) as is.
 */

/** Past this many bytes the prescan stops at the first element that cannot be in `<head>` (Chromium). */
const UNCONDITIONAL_PRESCAN_BYTES = 1024;
/** A hard stop for pathological heads. */
const MAX_PRESCAN_BYTES = 4 * 1024 * 1024;

/** Elements whose presence keeps the prescan "in the head" (Chromium's HTMLMetaCharsetParser list). */
const HEAD_TAGS = new Set(['script', 'noscript', 'style', 'link', 'meta', 'object', 'title', 'base']);
/** Elements whose content is text up to their end tag, never tags. */
const RAW_TEXT_TAGS = new Set([
  'script',
  'style',
  'title',
  'textarea',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
]);

/** The `charset` parameter of a Content-Type header value. */
function charsetFromContentType(contentType: string | undefined): string | null {
  if (!contentType) return null;
  const m = /;\s*charset\s*=\s*["']?([^;"'\s]+)/i.exec(contentType);
  return m?.[1] ?? null;
}

function charsetFromBom(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return null;
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\f' || c === '\r';
const isLetter = (c: string | undefined) => c !== undefined && /[A-Za-z]/.test(c);

/**
 * The spec's "algorithm for extracting a character encoding from a meta element", on a `content`
 * value: the text after the first `charset` followed by `=`, quoted or up to a space or `;`.
 */
function charsetFromContent(content: string): string | null {
  let i = 0;
  for (;;) {
    const at = content.toLowerCase().indexOf('charset', i);
    if (at < 0) return null;
    let j = at + 7;
    while (isSpace(content[j])) j++;
    if (content[j] !== '=') {
      i = at + 7;
      continue;
    }
    j++;
    while (isSpace(content[j])) j++;
    const q = content[j];
    if (q === '"' || q === "'") {
      const end = content.indexOf(q, j + 1);
      return end < 0 ? null : content.slice(j + 1, end);
    }
    const m = /^[^\s;]+/.exec(content.slice(j));
    return m ? m[0] : null;
  }
}

/** A label TextDecoder knows, in its canonical name, or null. */
function knownEncoding(label: string | null): string | null {
  if (!label) return null;
  try {
    return new TextDecoder(label.trim().toLowerCase()).encoding;
  } catch {
    return null;
  }
}

/**
 * The encoding the prescan finds, null when it finds none, undefined when `s` (a window of the page,
 * `complete` false) ended before the prescan could decide. `s` is the bytes read as latin1
 * (declarations are ASCII in every ASCII-compatible charset, and latin1 keeps one character per byte).
 */
function prescan(s: string, complete: boolean): string | null | undefined {
  const end = complete ? null : undefined;
  let inHead = true;
  let i = 0;

  /** The spec's "get an attribute": returns [name, value] and moves `i` past it, or null at `>`. */
  const attribute = (): [string, string] | null => {
    while (isSpace(s[i]) || s[i] === '/') i++;
    if (i >= s.length || s[i] === '>') return null;
    let name = '';
    let value = '';
    for (;;) {
      const c = s[i];
      if (c === undefined) return [name, value];
      if (c === '=' && name) {
        i++;
        break;
      }
      if (isSpace(c)) {
        while (isSpace(s[i])) i++;
        if (s[i] !== '=') return [name, value];
        i++;
        break;
      }
      if (c === '/' || c === '>') return [name, value];
      name += c.toLowerCase();
      i++;
    }
    while (isSpace(s[i])) i++;
    const q = s[i];
    if (q === '"' || q === "'") {
      const end = s.indexOf(q, i + 1);
      value = s.slice(i + 1, end < 0 ? s.length : end);
      i = end < 0 ? s.length : end + 1;
      return [name, value];
    }
    while (i < s.length && !isSpace(s[i]) && s[i] !== '>') value += s[i++];
    return [name, value];
  };

  /** A `<meta …>`: the encoding it declares, or null (spec steps for `<meta`). */
  const meta = (): string | null => {
    const seen = new Set<string>();
    let gotPragma = false;
    let needPragma: boolean | null = null;
    let charset: string | null = null;
    for (let a = attribute(); a; a = attribute()) {
      const [name, value] = a;
      if (seen.has(name)) continue;
      seen.add(name);
      if (name === 'http-equiv') gotPragma ||= value.toLowerCase() === 'content-type';
      else if (name === 'content' && charset === null) {
        const found = charsetFromContent(value);
        if (found !== null) {
          charset = found;
          needPragma = true;
        }
      } else if (name === 'charset') {
        charset = value;
        needPragma = false;
      }
    }
    if (needPragma === null || (needPragma && !gotPragma)) return null;
    const encoding = knownEncoding(charset);
    if (!encoding) return null;
    // A page that reached us as ASCII-compatible bytes cannot really be UTF-16 (spec rule).
    if (encoding.startsWith('utf-16')) return 'utf-8';
    return encoding === 'x-user-defined' ? 'windows-1252' : encoding;
  };

  while (i < s.length) {
    if (!inHead && i >= UNCONDITIONAL_PRESCAN_BYTES) return null;
    const lt = s.indexOf('<', i);
    if (lt < 0) return end;
    i = lt;
    if (s.startsWith('<!--', i)) {
      const close = s.indexOf('-->', i + 2);
      if (close < 0) return end;
      i = close + 3;
      continue;
    }
    const closing = s[i + 1] === '/';
    if (isLetter(s[i + (closing ? 2 : 1)])) {
      i += closing ? 2 : 1;
      const start = i;
      while (i < s.length && !isSpace(s[i]) && s[i] !== '>' && s[i] !== '/') i++;
      const name = s.slice(start, i).toLowerCase();
      const encoding = !closing && name === 'meta' ? meta() : null;
      if (encoding === null) while (attribute()) {}
      // A tag cut off by the window may have lost part of its attributes: read a larger window.
      if (i >= s.length) return end;
      if (encoding) return encoding;
      i++;
      // Chromium: any end tag but a head element's, or a start tag other than html/head/head elements,
      // means the head is over.
      if (!HEAD_TAGS.has(name) && (closing || (name !== 'html' && name !== 'head'))) inHead = false;
      if (!closing && RAW_TEXT_TAGS.has(name)) {
        const close = new RegExp(`</${name}`, 'gi');
        close.lastIndex = i;
        if (!close.exec(s)) return end;
        i = close.lastIndex - name.length - 2;
      }
      continue;
    }
    if (s[i + 1] === '!' || s[i + 1] === '/' || s[i + 1] === '?') {
      const close = s.indexOf('>', i + 1);
      if (close < 0) return end;
      i = close + 1;
      continue;
    }
    i++;
  }
  return end;
}

/** The declared charset from the prescan, for a page with no BOM and no Content-Type charset. */
function charsetFromMeta(bytes: Uint8Array): string | null {
  // Growing windows: most pages decide in the first few KB, and reading 4 MB as latin1 costs ~20 ms.
  for (let size = 64 * 1024; ; size *= 8) {
    const limit = Math.min(bytes.length, size, MAX_PRESCAN_BYTES);
    const complete = limit === bytes.length || limit === MAX_PRESCAN_BYTES;
    const found = prescan(new TextDecoder('latin1').decode(bytes.subarray(0, limit)), complete);
    if (found !== undefined) return found;
  }
}

/** True when the bytes are well-formed UTF-8 and contain at least one multi-byte sequence. */
function isNonAsciiUtf8(bytes: Uint8Array): boolean {
  if (!bytes.some((b) => b >= 0x80)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function decoderFor(label: string | null): TextDecoder | null {
  if (!label) return null;
  try {
    return new TextDecoder(label.trim().toLowerCase());
  } catch {
    return null;
  }
}

/** The charset a page is decoded by, chosen as described above. */
export function sniffCharset(bytes: Uint8Array, contentType?: string): string {
  const byBom = decoderFor(charsetFromBom(bytes));
  if (byBom) return byBom.encoding;
  const byHeader = decoderFor(charsetFromContentType(contentType));
  if (byHeader) return byHeader.encoding;
  const declared = charsetFromMeta(bytes);
  if (declared && declared !== 'utf-8' && isNonAsciiUtf8(bytes)) return 'utf-8';
  return declared ?? 'utf-8';
}

/** Decodes a saved or fetched page into text, choosing the charset as described above. */
export function decodeHtml(bytes: Uint8Array, contentType?: string): string {
  return new TextDecoder(sniffCharset(bytes, contentType)).decode(bytes);
}
