/**
 * What the pages and content scripts know of the UK OPSS feed, without its mapper (see FeedAbout).
 * Its host sends no open CORS headers: the user grants its origin when turning the feed on.
 */
import type { FeedAbout } from '../feed';

export default {
  id: 'uk-opss',
  name: 'UK OPSS Product Safety Alerts, Reports and Recalls',
  authority: 'UK Office for Product Safety and Standards',
  label: 'UK OPSS',
  jurisdiction: 'GB',
  official: true,
  enabledByDefault: false,
  hostPermissions: ['https://www.gov.uk/*'],
} satisfies FeedAbout;
