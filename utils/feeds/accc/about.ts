/**
 * What the pages and content scripts know of the ACCC feed, without its mapper (see FeedAbout).
 * Its host sends no open CORS headers: the user grants its origin when turning the feed on.
 */
import type { FeedAbout } from '../feed';

export default {
  id: 'accc',
  name: 'Australia ACCC Product Safety Recalls',
  authority: 'Australian Competition and Consumer Commission',
  label: 'ACCC',
  jurisdiction: 'AU',
  official: true,
  enabledByDefault: false,
  hostPermissions: ['https://www.productsafety.gov.au/*'],
} satisfies FeedAbout;
