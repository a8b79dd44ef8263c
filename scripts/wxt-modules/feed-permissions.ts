/**
 * Optional host permissions for the feeds, generated from the feed registry at build time: each feed
 * whose host does not send open CORS headers adds its origin (utils/feeds/lib/permissions.ts). Nothing
 * is granted at install; the options page asks when the user turns such a feed on.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { createJiti } from 'jiti';
import { defineWxtModule } from 'wxt/modules';
import type { FeedMapper } from '../../utils/feeds/feed';
import { feedOrigins } from '../../utils/feeds/lib/permissions';

// Each folder of utils/feeds is a feed (its mapper in index.ts), except the shared helpers in lib/.
const NOT_FEEDS = new Set(['lib']);

export default defineWxtModule({
  name: 'feed-permissions',
  setup(wxt) {
    wxt.hook('build:manifestGenerated', async (_wxt, manifest) => {
      const dir = path.join(wxt.config.root, 'utils/feeds');
      const jiti = createJiti(import.meta.url, { moduleCache: false });
      const origins = new Set<string>();
      const folders = readdirSync(dir, { withFileTypes: true }).filter(
        (e) => e.isDirectory() && !NOT_FEEDS.has(e.name),
      );
      for (const folder of folders) {
        const feed = await jiti.import<FeedMapper>(path.join(dir, folder.name, 'index.ts'), {
          default: true,
        });
        for (const origin of feedOrigins(feed)) origins.add(origin);
      }
      // Merged with what wxt.config.ts lists (the "any shop" patterns).
      const listed = manifest.optional_host_permissions ?? [];
      const added = [...origins].filter((o) => !listed.includes(o)).sort();
      if (added.length > 0) manifest.optional_host_permissions = [...listed, ...added];
    });
  },
});
