/**
 * Optional host permissions for the feeds, generated at build time from each feed's about.ts
 * (`hostPermissions`: the origin of a feed whose host does not send open CORS headers). Nothing is
 * granted at install; the options page asks when the user turns such a feed on.
 */
import path from 'node:path';
import { createJiti } from 'jiti';
import { defineWxtModule } from 'wxt/modules';
import type { FeedAbout } from '../../utils/feeds/feed';
import { FEED_RULE, registryMembers } from '../lib/registry-files';

export default defineWxtModule({
  name: 'feed-permissions',
  setup(wxt) {
    wxt.hook('build:manifestGenerated', async (_wxt, manifest) => {
      const jiti = createJiti(import.meta.url, { moduleCache: false });
      const origins = new Set<string>();
      for (const feed of registryMembers(wxt.config.root, FEED_RULE)) {
        const aboutFile = path.join(path.dirname(feed.file), 'about.ts');
        const about = await jiti.import<FeedAbout>(aboutFile, { default: true });
        for (const origin of about.hostPermissions) origins.add(origin);
      }
      // Merged with what wxt.config.ts lists (the "any shop" patterns).
      const listed = manifest.optional_host_permissions ?? [];
      const added = [...origins].filter((o) => !listed.includes(o)).sort();
      if (added.length > 0) manifest.optional_host_permissions = [...listed, ...added];
    });
  },
});
