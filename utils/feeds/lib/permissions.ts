/**
 * Which host permission a feed needs: none when its host sends open CORS headers, else its official
 * origin. The build lists these as optional host permissions (scripts/wxt-modules/feed-permissions.ts);
 * the options page requests a feed's origin when the user turns the feed on, and the sync engine checks
 * it before fetching.
 */
import type { FeedMapper } from '../feed';

export function feedOrigins(mapper: FeedMapper): string[] {
  if (!mapper.endpoint || mapper.endpoint.corsOpen) return [];
  return [`${new URL(mapper.endpoint.buildUrl(null)).origin}/*`];
}
