/**
 * Small readers every feed mapper uses on outside values: is it an object (the project's one isRecord,
 * passed on), drop the nulls, collapse the whitespace, read a URL or an ISO day. Shared by every feed,
 * so they live in lib/, which the registry (../index.ts) does not read as a feed.
 */

export { isRecord } from '../../is-record';

/** The entries of a list that may be missing, null, or hold nulls (feeds send all three). */
export function present<T>(items: ReadonlyArray<T | null | undefined> | null | undefined): T[] {
  return (items ?? []).filter((x): x is T => x !== null && x !== undefined);
}

/** What `clean` would change: a zero-width character, whitespace other than one inner space. */
const UNCLEAN = /\u200b|\u200c|\u200d|\ufeff|[^\S ]| {2}|^ | $/;

/**
 * Whitespace collapsed and trimmed. Zero-width spaces and joiners go too: Health Canada titles carry
 * them, and `\s` does not match them (it does match U+FEFF and the no-break space).
 */
export function clean(value: string | null | undefined): string {
  const s = value ?? '';
  // Most values are clean already: returned as they are, they are not copied (a mapped record then
  // shares its strings with the parsed feed instead of holding a second copy of each).
  if (!UNCLEAN.test(s)) return s;
  return s
    .replace(/\u200b|\u200c|\u200d|\ufeff/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Non-empty, cleaned, first occurrence of each. */
export function distinct(values: Array<string | null | undefined>): string[] {
  return [...new Set(values.map(clean).filter((v) => v.length > 0))];
}

/**
 * An http(s) URL, or null. Spaces are encoded, as CPSC image URLs contain them ("...SautePans .png");
 * `base` resolves the relative links of an HTML page (SAMR notices).
 */
export function readUrl(value: string | null | undefined, base?: string): string | null {
  const s = clean(value).replace(/ /g, '%20');
  if (!s) return null;
  try {
    const url = new URL(s, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** The calendar day an ISO date or timestamp starts with, as the feed printed it (no zone shift). */
export function isoDay(value: string | null | undefined): string | null {
  return /^(\d{4}-\d{2}-\d{2})/.exec(clean(value))?.[1] ?? null;
}
