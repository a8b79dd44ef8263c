/**
 * What the pages and content scripts know of the openFDA feed, without its mapper (see FeedAbout).
 * api.fda.gov serves browsers directly (`Access-Control-Allow-Origin: *`), so openFDA needs no host
 * permission; it is off for a new install.
 */
import type { FeedAbout } from '../feed';

export default {
  id: 'openfda',
  name: 'US openFDA enforcement reports (food, drugs, devices)',
  authority: 'U.S. Food and Drug Administration',
  label: 'openFDA',
  jurisdiction: 'US',
  official: true,
  enabledByDefault: false,
  hostPermissions: [],
} satisfies FeedAbout;
