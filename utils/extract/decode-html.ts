/**
 * Bytes → text the way a browser picks the charset, DOM-free so the CLI, the tests, the content script
 * (same-origin product pages) and the background (product pages it fetches for a content script) share it.
 *
 * Charset sniffing follows the WHATWG order where it matters: a byte-order mark wins (it cannot be wrong
 * about the bytes that follow it), then the Content-Type charset, then a `<meta charset>` /
 * `http-equiv` declaration in the first 2 KB, else UTF-8. Old Tmall/Taobao/JD pages are GBK (often
 * declared only in the page's `<meta>`) and Japanese ones Shift_JIS; browsers' and Node's TextDecoder
 * (full ICU) take those labels as they are.
 */

const PRESCAN_BYTES = 2048;

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

/** `<meta charset="gbk">` or `<meta http-equiv="Content-Type" content="text/html; charset=gbk">`. */
function charsetFromMeta(bytes: Uint8Array): string | null {
  // Declarations are ASCII in every ASCII-compatible charset, so latin1 is a safe lens for the prescan.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, PRESCAN_BYTES));
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const direct = /\bcharset\s*=\s*["']?\s*([^"'\s/>;]+)/i.exec(tag);
    if (direct?.[1]) {
      // A page that reached us as ASCII-compatible bytes cannot really be UTF-16 (HTML spec rule).
      return /^utf-16/i.test(direct[1]) ? 'utf-8' : direct[1];
    }
  }
  return null;
}

function decoderFor(label: string | null): TextDecoder | null {
  if (!label) return null;
  try {
    return new TextDecoder(label.trim().toLowerCase());
  } catch {
    return null;
  }
}

/** Decodes a saved or fetched page into text, choosing the charset as described above. */
export function decodeHtml(bytes: Uint8Array, contentType?: string): string {
  const decoder =
    decoderFor(charsetFromBom(bytes)) ??
    decoderFor(charsetFromContentType(contentType)) ??
    decoderFor(charsetFromMeta(bytes)) ??
    new TextDecoder('utf-8');
  return decoder.decode(bytes);
}
