/**
 * Host permissions for the product pages the background reads for cart and order lines on another
 * origin (utils/background/product-page.ts), generated from the adapter registry at build time: each
 * adapter's `productHosts` (item.jd.com for cart.jd.com, ...). An extension's cross-origin fetch needs
 * the host in its permissions; Chrome happens to count content-script matches too, but that is not a
 * promise, and these hosts are declared for what they are used for. Every one of them is also a match
 * pattern of its marketplace's content script (a conventions test checks it), so they add no host the
 * user was not already asked about.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { createJiti } from 'jiti';
import { defineWxtModule } from 'wxt/modules';
import type { MarketplaceAdapter } from '../../utils/marketplaces/adapter';

const NOT_ADAPTERS = new Set(['index.ts', 'adapter.ts']);

export default defineWxtModule({
  name: 'product-page-hosts',
  setup(wxt) {
    wxt.hook('build:manifestGenerated', async (_wxt, manifest) => {
      const dir = path.join(wxt.config.root, 'utils/marketplaces');
      const jiti = createJiti(import.meta.url, { moduleCache: false });
      const hosts = new Set<string>();
      for (const file of readdirSync(dir).filter(
        (f) => f.endsWith('.ts') && !NOT_ADAPTERS.has(f) && !f.endsWith('.test.ts'),
      )) {
        const adapter = await jiti.import<MarketplaceAdapter>(path.join(dir, file), { default: true });
        for (const host of adapter.productHosts ?? []) hosts.add(`https://${host}/*`);
      }
      const listed = manifest.host_permissions ?? [];
      const added = [...hosts].filter((h) => !listed.includes(h)).sort();
      if (added.length > 0) manifest.host_permissions = [...listed, ...added];
    });
  },
});
