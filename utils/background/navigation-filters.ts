/**
 * webNavigation URL filters for the hosts our content scripts run on, derived from their match
 * patterns, so the background hears only about same-document navigations on marketplaces (Walmart,
 * Target and Temu move between products with history.pushState), never about other browsing.
 */
export interface UrlFilter {
  hostEquals?: string;
  hostSuffix?: string;
}

export function navigationFilters(matchPatterns: readonly string[]): UrlFilter[] {
  const seen = new Set<string>();
  const out: UrlFilter[] = [];
  for (const pattern of matchPatterns) {
    const host = /^[a-z*]+:\/\/([^/]+)\//.exec(pattern)?.[1];
    if (!host || host === '*') continue;
    const filter = host.startsWith('*.') ? { hostSuffix: host.slice(1) } : { hostEquals: host };
    const key = JSON.stringify(filter);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(filter);
  }
  return out;
}
