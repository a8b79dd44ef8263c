/**
 * What the pages and content scripts know of the EU Safety Gate feed, without its mapper (see FeedAbout).
 * Its host sends no open CORS headers: the user grants its origin when turning the feed on.
 */
import type { FeedAbout } from '../feed';

export default {
  id: 'eu-safety-gate',
  name: 'EU Safety Gate alerts',
  authority: 'EU Safety Gate',
  label: 'EU Safety Gate',
  jurisdiction: 'EU',
  official: true,
  enabledByDefault: false,
  hostPermissions: ['https://ec.europa.eu/*'],
} satisfies FeedAbout;
