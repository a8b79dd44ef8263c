/**
 * Which host permissions a feed needs, as its `about.ts` declares them (`hostPermissions`): none when
 * its host sends open CORS headers, else its official origin. The build lists these as optional host
 * permissions (scripts/wxt-modules/feed-permissions.ts); the options page requests a feed's origins when
 * the user turns the feed on, and the sync engine checks them before fetching. The feed conventions test
 * checks that they cover the origin the feed's endpoint fetches from.
 */
import { aboutFeed } from '../catalogue';

/** The host permission patterns of the feed with this id (a mapper or an about); none for an unknown id. */
export function feedOrigins(feed: { id: string }): string[] {
  return [...(aboutFeed(feed.id)?.hostPermissions ?? [])];
}
