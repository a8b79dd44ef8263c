/**
 * "Any shop": the Shopify and schema.org readers on the sites the user allowed, beyond the marketplaces
 * our per-site content scripts cover.
 *
 * The browser's permissions are the only state. The sites are the granted host patterns
 * (`permissions.getAll().origins`: `ALL_SITES` for "every site", or one site's `https://host/*`), minus
 * those a marketplace script already covers (Chrome also reports content-script matches as granted
 * origins) and those granted for a recall feed. From them the
 * background derives one dynamic content-script registration; the options page lists the same sites;
 * the popup asks whether a tab is among them. Nothing here calls `browser.*`: callers pass what the
 * browser reports, so the rules are tested in Node. Match patterns are read by utils/match-pattern.ts.
 */
import {
  type MatchPatternParts,
  matchesUrl,
  parseMatchPattern,
  patternCovers,
  patternsOverlap,
} from './match-pattern';

export const ANY_SHOP_SCRIPT_ID = 'any-shop';
/** The content script the build generates for the readers that recognise pages by content (site-content-scripts.ts). */
export const ANY_SHOP_SCRIPT_FILE = '/content-scripts/any-shop.js';
/** What "Check every site with product data" asks for. */
export const ALL_SITES: readonly string[] = ['https://*/*', 'http://*/*'];

export interface AnyShopContext {
  /** Match patterns of the per-site content scripts (the manifest's `content_scripts`). */
  marketplaceMatches: readonly string[];
  /** Patterns granted for another purpose (the feeds' optional host permissions): never read as shops. */
  reserved: readonly string[];
}

/** The `scripting.registerContentScripts` entry for the allowed sites. */
export interface AnyShopRegistration {
  id: string;
  js: string[];
  matches: string[];
  excludeMatches: string[];
  runAt: 'document_idle';
  allFrames: false;
  /** Kept by the browser across restarts, so pages restored at start-up are read before the background wakes; the background reconciles it with the permissions every time it starts. */
  persistAcrossSessions: true;
}

/** The parts of the manifest the context comes from. */
export interface ManifestLike {
  content_scripts?: Array<{ matches?: string[] }>;
  optional_host_permissions?: string[];
}

export function anyShopContext(manifest: ManifestLike): AnyShopContext {
  return {
    marketplaceMatches: [...new Set((manifest.content_scripts ?? []).flatMap((c) => c.matches ?? []))],
    reserved: (manifest.optional_host_permissions ?? []).filter((p) => !ALL_SITES.includes(p)),
  };
}

/**
 * A pattern's http(s) part (`<all_urls>` and `*://` name both schemes), or null when it names no web
 * page: shops and marketplace scripts are web pages only.
 */
function webPattern(pattern: string): MatchPatternParts | null {
  const parts = parseMatchPattern(pattern);
  const schemes = parts?.schemes.filter((s) => s === 'http' || s === 'https') ?? [];
  return parts && schemes.length > 0 ? { ...parts, schemes } : null;
}

/** Whether `pattern` matches `url` (the popup asks whether a marketplace script runs on its tab). */
export function patternMatches(pattern: string, url: URL): boolean {
  const parts = webPattern(pattern);
  return parts !== null && matchesUrl(parts, url);
}

/** A granted pattern in the form we register: `<all_urls>` and `*://` split into their https and http halves. */
function expand(pattern: string): string[] {
  if (pattern === '<all_urls>') return [...ALL_SITES];
  if (pattern.startsWith('*://')) return [`https${pattern.slice(1)}`, `http${pattern.slice(1)}`];
  return [pattern];
}

/**
 * The granted patterns that are shops: http(s) patterns no marketplace script covers and no feed was
 * granted, de-duplicated and sorted ("every site" first).
 */
export function shopSites(granted: readonly string[], context: AnyShopContext): string[] {
  const marketplaces = context.marketplaceMatches.map(webPattern).filter((p) => p !== null);
  const reserved = new Set(context.reserved.flatMap(expand));
  const out = new Set<string>();
  for (const pattern of granted.flatMap(expand)) {
    const p = webPattern(pattern);
    if (!p || reserved.has(pattern) || marketplaces.some((m) => patternCovers(m, p))) continue;
    out.add(pattern);
  }
  const rank = (s: string) => (ALL_SITES.includes(s) ? ALL_SITES.indexOf(s) : ALL_SITES.length);
  return [...out].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/**
 * The one registration for the shops (null: nothing granted, unregister). Marketplace patterns that
 * overlap a shop pattern are excluded, so a page never gets both its marketplace's script and this one.
 */
export function anyShopRegistration(
  granted: readonly string[],
  context: AnyShopContext,
): AnyShopRegistration | null {
  const matches = shopSites(granted, context);
  if (matches.length === 0) return null;
  const parsed = matches.map(webPattern).filter((p) => p !== null);
  const excludeMatches = [...new Set(context.marketplaceMatches)]
    .filter((m) => {
      const p = webPattern(m);
      return p !== null && parsed.some((s) => patternsOverlap(s, p));
    })
    .sort();
  return {
    id: ANY_SHOP_SCRIPT_ID,
    js: [ANY_SHOP_SCRIPT_FILE],
    matches,
    excludeMatches,
    runAt: 'document_idle',
    allFrames: false,
    persistAcrossSessions: true,
  };
}

/** True when the registration would run on `url`. */
export function coversUrl(registration: AnyShopRegistration | null, url: URL): boolean {
  if (!registration) return false;
  return (
    registration.matches.some((m) => patternMatches(m, url)) &&
    !registration.excludeMatches.some((m) => patternMatches(m, url))
  );
}

/** Whether a pattern names a single site (`https://shop.example/*`), not every site or a domain wildcard. */
export function isSingleSite(pattern: string): boolean {
  const p = webPattern(pattern);
  return p !== null && p.host !== '*' && !p.host.startsWith('*.');
}

/**
 * The single-site shop patterns among newly granted ones: the background reads their open tabs at once
 * (the popup's "Check this shop" and the options page's "Add" land here). A grant of every site does not
 * touch open tabs; they are read when next loaded.
 */
export function newlyAllowedSites(added: readonly string[], context: AnyShopContext): string[] {
  return shopSites(added, context).filter(isSingleSite);
}

/** The pattern "Check this shop" asks for: this page's scheme and host, any port and path. */
export function sitePattern(url: URL): string | null {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  return `${url.protocol}//${url.hostname}/*`;
}

/** How the options page shows a pattern: "https://shop.example". */
export function siteLabel(pattern: string): string {
  return pattern.replace(/\/\*$/, '');
}

/** Whether an existing registration (as the browser reports it) already equals `wanted`. */
export function sameRegistration(
  existing: { js?: string[]; matches?: string[]; excludeMatches?: string[] } | undefined,
  wanted: AnyShopRegistration,
): boolean {
  if (!existing) return false;
  const norm = (xs: string[] | undefined) => (xs ?? []).map((x) => x.replace(/^\//, '')).sort();
  const same = (a: string[] | undefined, b: string[]) => JSON.stringify(norm(a)) === JSON.stringify(norm(b));
  return (
    same(existing.js, wanted.js) &&
    same(existing.matches, wanted.matches) &&
    same(existing.excludeMatches, wanted.excludeMatches)
  );
}
