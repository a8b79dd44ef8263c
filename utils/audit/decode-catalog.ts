/**
 * Catalog file bytes → text. Seller tools write three kinds of files: UTF-8 (with or without a BOM),
 * UTF-16 from Excel's "Unicode Text" / "CSV UTF-16" (always with a BOM), and, from Chinese seller tools
 * and a Chinese-locale Excel, GBK without any mark; Amazon's US and EU reports and a Western-locale Excel
 * write windows-1252. So: a BOM decides; else the bytes are UTF-8 when they decode as UTF-8 without
 * error (GBK and windows-1252 text practically never are); else an XML declaration's encoding; else
 * GB18030 (a superset of GBK and GB2312) or windows-1252, told apart by how the bytes above 0x7F sit:
 * Chinese text is pairs of them (a GB2312 character is two bytes from 0xA1 up), while accented Latin
 * text has them alone between ASCII letters ("Caf\xe9 cr\xe8me").
 * The HTML decoder (utils/extract/decode-html.ts) reads <meta charset>, which a CSV never has, and keeps
 * its BOM sniffing private, so the few lines needed are here.
 */

export interface DecodedCatalog {
  text: string;
  /** The WHATWG name of the encoding the text was decoded with. */
  encoding: string;
}

function bomEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** `<?xml version="1.0" encoding="GB2312"?>`: read from the ASCII-compatible start of the file. */
function xmlDeclaredEncoding(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const m = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i.exec(head);
  return m?.[1]?.trim().toLowerCase() ?? null;
}

function tryDecode(bytes: Uint8Array, label: string, fatal: boolean): DecodedCatalog | null {
  try {
    const decoder = new TextDecoder(label, { fatal, ignoreBOM: false });
    return { text: decoder.decode(bytes), encoding: decoder.encoding };
  } catch {
    return null;
  }
}

/** Whether most bytes above 0x7F come in runs of two or more, as double-byte Chinese text does. */
function looksDoubleByte(bytes: Uint8Array): boolean {
  let high = 0;
  let paired = 0;
  for (let i = 0; i < bytes.length; i++) {
    if ((bytes[i] as number) < 0x80) continue;
    high++;
    if ((bytes[i - 1] ?? 0) >= 0x80 || (bytes[i + 1] ?? 0) >= 0x80) paired++;
  }
  return paired * 2 >= high;
}

export function decodeCatalog(bytes: Uint8Array): DecodedCatalog {
  const bom = bomEncoding(bytes);
  // TextDecoder drops the BOM it recognises (ignoreBOM: false), so headers do not start with U+FEFF.
  if (bom) return tryDecode(bytes, bom, false) as DecodedCatalog;
  const utf8 = tryDecode(bytes, 'utf-8', true);
  if (utf8) return utf8;
  const declared = xmlDeclaredEncoding(bytes);
  const byDeclaration = declared && declared !== 'utf-8' ? tryDecode(bytes, declared, false) : null;
  if (byDeclaration) return byDeclaration;
  return tryDecode(bytes, looksDoubleByte(bytes) ? 'gb18030' : 'windows-1252', false) as DecodedCatalog;
}
