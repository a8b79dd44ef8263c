/**
 * What the pages and content scripts know of the SAMR feed, without its mapper (see FeedAbout).
 * Its host sends no open CORS headers: the user grants its origin when turning the feed on.
 */
import type { FeedAbout } from '../feed';

export default {
  id: 'samr',
  name: 'China SAMR/DPAC Consumer Product Recalls',
  authority: 'China State Administration for Market Regulation',
  label: 'SAMR',
  jurisdiction: 'CN',
  official: true,
  enabledByDefault: false,
  hostPermissions: ['https://www.samrdprc.org.cn/*'],
} satisfies FeedAbout;
