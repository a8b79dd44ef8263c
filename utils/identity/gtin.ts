/**
 * GTIN handling (GTIN-8, UPC-A/GTIN-12, EAN-13/JAN/ISBN-13, GTIN-14, plus UPC-E and ISBN-10).
 *
 * Everything is keyed as a 14-digit, left-padded string: a UPC-A from a CPSC notice and the EAN-13
 * printed on an EU page for the same item then compare equal. A key's name never decides the length
 * (Walmart prints 12 digits under `gtin13`), and a bad check digit never becomes a key: such strings
 * are kept raw so the matcher can still use them as a weak, exact-string signal.
 */

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

/** Left-pads a valid GTIN to the 14-digit index key. */
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

/** Prefixes printed before a code: "UPC:", "EAN-13", "ISBN-13:", "GTIN", "JAN", "Barcode" ... */
const CODE_PREFIX =
  /^(?:isbn(?:[- ]?1[03])?|ean(?:[- ]?(?:13|8))?|upc(?:[- ]?[ae])?|gtin(?:[- ]?\d{1,2})?|jan(?:\s*code)?|barcode|bar code)\s*(?:#|no\.?|code)?\s*[:：#]?\s*/i;

export interface GtinReading {
  /** What the page or feed printed, trimmed. */
  raw: string;
  /** The 14-digit key, when the value is a valid GTIN (after UPC-E / ISBN-10 conversion). */
  gtin14: string | null;
}

/**
 * Reads one printed code: strips a label prefix, spaces, dashes and dots, then validates.
 * `8-49398-06563-1`, `UPC 1 00001 00029 7`, `ISBN 0-316-13354-X` and `00766907002966` all work.
 * An 8-digit code is tried as EAN-8 first, then as UPC-E (the two cannot be told apart by shape).
 */
export function readGtin(printed: string): GtinReading {
  const raw = printed.normalize('NFKC').trim();
  const stripped = raw.replace(CODE_PREFIX, '').replace(/[\s\-.\u00a0]/g, '');
  if (/^\d{9}[\dXx]$/.test(stripped)) {
    const isbn13 = isbn10To13(stripped);
    return { raw, gtin14: isbn13 ? toGtin14(isbn13) : null };
  }
  if (!/^\d+$/.test(stripped)) return { raw, gtin14: null };
  if (stripped.length === 8) {
    if (isValidGtin(stripped)) return { raw, gtin14: toGtin14(stripped) };
    const upca = expandUpcE(stripped);
    return { raw, gtin14: upca ? toGtin14(upca) : null };
  }
  if (stripped.length === 11) {
    // A UPC-A printed without its check digit is common in prose; it is only a guess, so it stays raw.
    return { raw, gtin14: null };
  }
  return { raw, gtin14: isValidGtin(stripped) ? toGtin14(stripped) : null };
}

/** Convenience: the 14-digit key of a printed code, or null. */
export function gtinKey(printed: string): string | null {
  return readGtin(printed).gtin14;
}

/** The digits of a printed code with separators removed: the form raw strings are compared in. */
export function rawGtinKey(printed: string): string {
  return printed
    .normalize('NFKC')
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
