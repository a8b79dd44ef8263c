/**
 * webNavigation URL filters for the pages our content scripts run on, derived from their match
 * patterns, so the background hears only about same-document navigations there (Walmart, Target and
 * Temu move between products with history.pushState, and so do many shops on their own domains), never
 * about other browsing. A pattern for every host ("https://*\/*", a user who allowed every shop) becomes
 * a filter on its scheme.
 */
import { isWebPattern, parseMatchPattern } from '../match-pattern';

export interface UrlFilter {
  hostEquals?: string;
  hostSuffix?: string;
  schemes?: string[];
}

export function navigationFilters(matchPatterns: readonly string[]): UrlFilter[] {
  const seen = new Set<string>();
  const out: UrlFilter[] = [];
  for (const pattern of matchPatterns) {
    // http(s) only: `<all_urls>` or a file: pattern would reach pages no script of ours reads.
    const parts = parseMatchPattern(pattern);
    if (!parts || !isWebPattern(parts)) continue;
    const { host, schemes } = parts;
    const filter: UrlFilter =
      host === '*'
        ? { schemes }
        : host.startsWith('*.')
          ? { hostSuffix: host.slice(1) }
          : { hostEquals: host };
    const key = JSON.stringify(filter);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(filter);
  }
  return out;
}
