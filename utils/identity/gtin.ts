/**
 * GTIN handling (GTIN-8, UPC-A/GTIN-12, EAN-13/JAN/ISBN-13, GTIN-14, plus UPC-E and ISBN-10).
 *
 * Everything is keyed as a 14-digit, left-padded string: a UPC-A from a CPSC notice and the EAN-13
 * printed on an EU page for the same item then compare equal. A key's name never decides the length
 * (Walmart prints 12 digits under `gtin13`), and a bad check digit never becomes a key: such strings
 * are kept raw so the matcher can still use them as a weak, exact-string signal.
 */

/**
 * Marks that ride along with copied values: Amazon prefixes tech-spec values with U+200E (&lrm;),
 * bidi embeddings and zero-width spaces come with pasted text, U+00AD is a soft hyphen.
 * Some scraped sources keep the entity as text, so the spelled-out forms are removed too.
 */
const INVISIBLE =
  /[\u00ad\u200b-\u200f\u202a-\u202e\u2060\ufeff]|&(?:lrm|rlm|zwj|zwnj|#x200[b-f]|#820[3-7]);/gi;

/** Spaces, dashes of every kind (after NFKC), dots: what printers put between digit groups. */
const SEPARATORS = /[\s\p{Pd}.]/gu;

/** The mod-10 check digit for `body` (a GTIN without its last digit). */
export function gtinCheckDigit(body: string): number {
  let sum = 0;
  for (let i = body.length - 1, weight = 3; i >= 0; i--, weight = 4 - weight) {
    sum += (body.charCodeAt(i) - 48) * weight;
  }
  return (10 - (sum % 10)) % 10;
}

/** True for 8, 12, 13 or 14 digits whose last digit is the right check digit (and not all zeros). */
export function isValidGtin(digits: string): boolean {
  if (!/^(?:\d{8}|\d{12,14})$/.test(digits)) return false;
  if (/^0+$/.test(digits)) return false;
  return gtinCheckDigit(digits.slice(0, -1)) === digits.charCodeAt(digits.length - 1) - 48;
}

/**
 * Left-pads a valid GTIN to the 14-digit index key. Only zeros are added: a GTIN-14's leading
 * packaging indicator (1-8 for cases) is part of the number and is kept.
 */
export function toGtin14(digits: string): string {
  return digits.padStart(14, '0');
}

/**
 * Expands an 8-digit UPC-E (number system 0 or 1, with check digit) to its 12-digit UPC-A,
 * or returns null when the string is not a well-formed UPC-E.
 */
export function expandUpcE(upce: string): string | null {
  if (!/^[01]\d{7}$/.test(upce)) return null;
  const ns = upce[0] as string;
  const d = upce.slice(1, 7);
  const check = upce[7] as string;
  const last = d[5] as string;
  let body: string;
  if (last === '0' || last === '1' || last === '2') {
    body = `${ns}${d.slice(0, 2)}${last}0000${d.slice(2, 5)}`;
  } else if (last === '3') {
    body = `${ns}${d.slice(0, 3)}00000${d.slice(3, 5)}`;
  } else if (last === '4') {
    body = `${ns}${d.slice(0, 4)}00000${d[4]}`;
  } else {
    body = `${ns}${d.slice(0, 5)}0000${last}`;
  }
  const upca = body + check;
  return isValidGtin(upca) ? upca : null;
}

/** Converts a valid ISBN-10 (9 digits + digit or X) to ISBN-13 (978 prefix), else null. */
export function isbn10To13(isbn10: string): string | null {
  const s = isbn10.toUpperCase();
  if (!/^\d{9}[\dX]$/.test(s)) return null;
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const c = s[i] as string;
    sum += (10 - i) * (c === 'X' ? 10 : Number(c));
  }
  if (sum % 11 !== 0) return null;
  const body = `978${s.slice(0, 9)}`;
  return body + gtinCheckDigit(body);
}

/**
 * Labels printed before a code: "UPC:", "EAN-13", "ISBN-13:", "GTIN-14", "JAN", "EAN/UPC", "Barcode".
 * A length designator only counts when no digit follows it directly, otherwise "EAN 8712345678906"
 * (a Dutch EAN-13) or "ISBN 1305627377" would lose their first digits to the label.
 */
const CODE_PREFIX =
  /^(?:(?:ean|upc)\s*\/\s*(?:ean|upc)|isbn(?:[- ]?1[03](?!\d))?|ean(?:[- ]?(?:13|8)(?!\d))?|upc(?:[- ]?[ae](?![a-z]))?|gtin(?:[- ]?(?:8|12|13|14)(?!\d))?|jan(?:\s*(?:code|コード))?|barcode|bar code)\s*(?:#|no\.?|code)?\s*[:：#]?\s*/i;

/** NFKC (full-width digits and colons become ASCII), invisible marks removed, trimmed. */
function cleanPrinted(printed: string): string {
  return printed.normalize('NFKC').replace(INVISIBLE, '').trim();
}

export interface GtinReading {
  /** What the page or feed printed, trimmed and without invisible marks. */
  raw: string;
  /** The 14-digit key, when the value is a valid GTIN (after UPC-E / ISBN-10 conversion). */
  gtin14: string | null;
}

/** The digits (and ISBN X) of a printed code, label and separators removed. */
function codeDigits(raw: string): string {
  return raw.replace(CODE_PREFIX, '').replace(SEPARATORS, '');
}

/**
 * Every 14-digit key a printed code can stand for, the most likely first. Only 8-digit codes can have
 * two: EAN-8 and UPC-E have the same shape, and 01234565 is valid as both (as UPC-E it is the
 * textbook example for UPC-A 012345000065). GS1 reserves GTIN-8s that start with 0 for restricted,
 * in-company circulation (RCN-8, General Specifications 2.1.11), so a leading 0 reads as UPC-E first.
 */
export function gtinKeys(printed: string): string[] {
  const stripped = codeDigits(cleanPrinted(printed));
  if (/^\d{9}[\dXx]$/.test(stripped)) {
    // Ten characters are an ISBN-10 (Amazon book ASINs are ISBN-10s); a random 10-digit run passes
    // the mod-11 check only 1 time in 11, and then can only meet a recalled book's ISBN.
    const isbn13 = isbn10To13(stripped);
    return isbn13 ? [toGtin14(isbn13)] : [];
  }
  if (!/^\d+$/.test(stripped)) return [];
  if (stripped.length === 8) {
    const ean8 = isValidGtin(stripped) ? toGtin14(stripped) : null;
    const upca = expandUpcE(stripped);
    const upce = upca ? toGtin14(upca) : null;
    const ordered = stripped.startsWith('0') ? [upce, ean8] : [ean8, upce];
    return ordered.filter((k): k is string => k !== null);
  }
  // An 11-digit value is usually a UPC-A printed without its check digit; completing it would be a
  // guess, so it stays raw (the same for 9 and 10 digits that are not ISBNs).
  return isValidGtin(stripped) ? [toGtin14(stripped)] : [];
}

/**
 * Reads one printed code: strips invisible marks, a label prefix, spaces, dashes and dots, then
 * validates. `8-49398-06563-1`, `UPC 1 00001 00029 7`, `ISBN 0-8044-2957-X`, `00766907002966` and
 * full-width `４９０１２３４５６７８９４` all work.
 */
export function readGtin(printed: string): GtinReading {
  const raw = cleanPrinted(printed);
  return { raw, gtin14: gtinKeys(raw)[0] ?? null };
}

/** Convenience: the 14-digit key of a printed code, or null. */
export function gtinKey(printed: string): string | null {
  return readGtin(printed).gtin14;
}

/**
 * The digits of a printed code with label and separators removed: the form raw strings are compared
 * in. Leading zeros are kept: a bad code is compared as printed, not reinterpreted.
 */
export function rawGtinKey(printed: string): string {
  return cleanPrinted(printed)
    .replace(CODE_PREFIX, '')
    .replace(/[^\dXx]/g, '')
    .toUpperCase();
}

/** Splits a field that may hold several codes ("0123..., 0456...; 0789...") into separate values. */
export function splitCodes(value: string): string[] {
  return value
    .split(/[,;/|]|\s{2,}|\bor\b|\band\b/i)
    .map((v) => v.trim())
    .filter((v) => /\d{6,}/.test(v.replace(/[\s-]/g, '')));
}
