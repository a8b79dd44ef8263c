/**
 * What the pages and content scripts know of the Health Canada feed, without its mapper (see FeedAbout).
 * Its host sends no open CORS headers: the user grants its origin when turning the feed on.
 */
import type { FeedAbout } from '../feed';

export default {
  id: 'health-canada',
  name: 'Health Canada Recalls and Safety Alerts',
  authority: 'Health Canada',
  label: 'Health Canada',
  jurisdiction: 'CA',
  official: true,
  enabledByDefault: false,
  hostPermissions: ['https://recalls-rappels.canada.ca/*'],
} satisfies FeedAbout;
