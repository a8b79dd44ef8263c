/**
 * Chrome match patterns (https://developer.chrome.com/docs/extensions/develop/concepts/match-patterns):
 * the one place the project reads them. Whether a URL matches is `@webext-core/match-patterns`' answer
 * (the WXT ecosystem's parser); what the library does not offer, and the "other shops" rules
 * (any-shop.ts) and the navigation filters need, is here: a pattern's parts, and whether one pattern
 * covers or overlaps another.
 *
 * A port in a pattern is accepted and ignored, as the hosts our scripts and grants name carry none.
 */
import { MatchPattern } from '@webext-core/match-patterns';

export interface MatchPatternParts {
  /** The schemes the pattern names: `*` stands for http and https; `<all_urls>` names every scheme. */
  schemes: string[];
  /** Lower case: `*`, `*.example.com`, `shop.example`, or empty for `file:`. */
  host: string;
  /** From the first `/`, with `*` as the only special character. */
  path: string;
}

const SCHEMES = 'https?|wss?|ftp|file|urn';
const PATTERN = new RegExp(
  String.raw`^(\*|${SCHEMES}):\/\/(\*|(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*)?(?::(?:\d+|\*))?(\/.*)$`,
  'i',
);
const ALL_URLS: MatchPatternParts = {
  schemes: ['http', 'https', 'ws', 'wss', 'ftp', 'file'],
  host: '*',
  path: '/*',
};

/** The parts of a valid match pattern, or null for anything else. */
export function parseMatchPattern(pattern: string): MatchPatternParts | null {
  if (pattern === '<all_urls>') return { ...ALL_URLS, schemes: [...ALL_URLS.schemes] };
  const m = PATTERN.exec(pattern);
  if (!m) return null;
  const [, scheme = '', host = '', path = ''] = m;
  const lower = scheme.toLowerCase();
  if ((lower === 'file') !== (host === '')) return null;
  return { schemes: lower === '*' ? ['http', 'https'] : [lower], host: host.toLowerCase(), path };
}

/** Whether a pattern names only http and https pages (what content scripts and shop grants name). */
export function isWebPattern(parts: MatchPatternParts): boolean {
  return parts.schemes.every((s) => s === 'http' || s === 'https');
}

const matchers = new Map<string, MatchPattern>();

/** The library's matcher for a parsed pattern, built from its normalised form (host lower case, no port). */
function matcherOf(parts: MatchPatternParts): MatchPattern {
  const scheme = parts.schemes.length === 1 ? parts.schemes[0] : parts.schemes.length === 2 ? '*' : null;
  const text = scheme ? `${scheme}://${parts.host}${parts.path}` : '<all_urls>';
  let matcher = matchers.get(text);
  if (!matcher) {
    matcher = new MatchPattern(text);
    matchers.set(text, matcher);
  }
  return matcher;
}

/**
 * Whether `pattern` matches `url`. The path is matched against the URL's path without its query (the
 * library's reading); for patterns whose path ends in `/*`, as every pattern of ours does, it is the same.
 */
export function matchesUrl(pattern: string | MatchPatternParts, url: URL): boolean {
  const parts = typeof pattern === 'string' ? parseMatchPattern(pattern) : pattern;
  if (!parts?.schemes.includes(url.protocol.replace(/:$/, ''))) return false;
  try {
    // As a string: the library tests `instanceof Location` for other objects, and Node has no Location.
    return matcherOf(parts).includes(url.href);
  } catch {
    // The library leaves some schemes (ftp, urn) unimplemented and throws for them.
    return false;
  }
}

/** Whether the glob `pattern` (only `*` is special) matches all of `text`. */
function glob(pattern: string, text: string): boolean {
  const parts = pattern.split('*');
  const first = parts[0] ?? '';
  if (parts.length === 1) return pattern === text;
  if (!text.startsWith(first)) return false;
  let at = first.length;
  for (let i = 1; i < parts.length - 1; i++) {
    const found = text.indexOf(parts[i] ?? '', at);
    if (found < 0) return false;
    at = found + (parts[i] ?? '').length;
  }
  const last = parts[parts.length - 1] ?? '';
  return text.length - at >= last.length && text.endsWith(last);
}

/** Whether two globs (only `*` is special) can match a common string. */
function globsOverlap(a: string, b: string): boolean {
  const memo = new Map<string, boolean>();
  const go = (i: number, j: number): boolean => {
    const key = `${i},${j}`;
    const cached = memo.get(key);
    if (cached !== undefined) return cached;
    let result: boolean;
    if (i === a.length && j === b.length) result = true;
    else if (a[i] === '*') result = go(i + 1, j) || (j < b.length && go(i, j + 1));
    else if (b[j] === '*') result = go(i, j + 1) || (i < a.length && go(i + 1, j));
    else result = i < a.length && j < b.length && a[i] === b[j] && go(i + 1, j + 1);
    memo.set(key, result);
    return result;
  };
  return go(0, 0);
}

/** Host `a` covers host `b`: every host `b` names is one `a` names. */
function hostCovers(a: string, b: string): boolean {
  if (a === '*' || a === b) return true;
  if (b === '*' || !a.startsWith('*.')) return false;
  const domain = a.slice(2);
  const bare = b.startsWith('*.') ? b.slice(2) : b;
  return bare === domain || bare.endsWith(`.${domain}`);
}

/** Pattern `a` covers pattern `b`: every URL `b` matches, `a` matches. */
export function patternCovers(a: MatchPatternParts, b: MatchPatternParts): boolean {
  return b.schemes.every((s) => a.schemes.includes(s)) && hostCovers(a.host, b.host) && glob(a.path, b.path);
}

/** Whether two patterns can match a common URL. */
export function patternsOverlap(a: MatchPatternParts, b: MatchPatternParts): boolean {
  return (
    a.schemes.some((s) => b.schemes.includes(s)) &&
    (hostCovers(a.host, b.host) || hostCovers(b.host, a.host)) &&
    globsOverlap(a.path, b.path)
  );
}
