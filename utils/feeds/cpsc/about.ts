/**
 * What the pages and content scripts know of the CPSC feed, without its mapper (see FeedAbout).
 * saferproducts.gov answers with `Access-Control-Allow-Origin: *` (seen in recorded responses), so CPSC
 * needs no host permission and is on for a new install.
 */
import type { FeedAbout } from '../feed';

export default {
  id: 'cpsc',
  name: 'US CPSC Recalls',
  authority: 'U.S. Consumer Product Safety Commission',
  label: 'CPSC',
  jurisdiction: 'US',
  official: true,
  enabledByDefault: true,
  hostPermissions: [],
} satisfies FeedAbout;
