/**
 * What the pages and content scripts know of the snapshot feed, without its mapper (see FeedAbout).
 * Not an authority's feed: a document format read from files and published indexes, whose records keep
 * the source they were written with.
 */
import type { FeedAbout } from '../feed';

export default {
  id: 'snapshot',
  name: 'Recall Sentinel snapshot',
  authority: 'Recall Sentinel snapshot',
  label: 'snapshot',
  jurisdiction: '*',
  official: false,
  enabledByDefault: false,
  hostPermissions: [],
} satisfies FeedAbout;
