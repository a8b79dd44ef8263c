/**
 * What the pages and content scripts know of the RappelConso feed, without its mapper (see FeedAbout).
 * Its host sends no open CORS headers: the user grants its origin when turning the feed on.
 */
import type { FeedAbout } from '../feed';

export default {
  id: 'rappelconso',
  name: 'France RappelConso',
  authority: 'RappelConso (France)',
  label: 'RappelConso',
  jurisdiction: 'FR',
  official: true,
  enabledByDefault: false,
  hostPermissions: ['https://data.economie.gouv.fr/*'],
} satisfies FeedAbout;
