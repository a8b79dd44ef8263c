/**
 * Host permissions for the product pages the background reads for cart and order lines on another
 * origin (utils/background/product-page.ts), generated from the adapter registry at build time: each
 * adapter's `productHosts` (item.jd.com for cart.jd.com, ...). An extension's cross-origin fetch needs
 * the host in its permissions; Chrome happens to count content-script matches too, but that is not a
 * promise, and these hosts are declared for what they are used for. Every one of them is also a match
 * pattern of its marketplace's content script (a conventions test checks it), so they add no host the
 * user was not already asked about.
 */
import { createJiti } from 'jiti';
import { defineWxtModule } from 'wxt/modules';
import type { MarketplaceAdapter } from '../../utils/marketplaces/adapter';
import { MARKETPLACE_RULE, registryMembers } from '../lib/registry-files';

export default defineWxtModule({
  name: 'product-page-hosts',
  setup(wxt) {
    wxt.hook('build:manifestGenerated', async (_wxt, manifest) => {
      const jiti = createJiti(import.meta.url, { moduleCache: false });
      const hosts = new Set<string>();
      for (const member of registryMembers(wxt.config.root, MARKETPLACE_RULE)) {
        const adapter = await jiti.import<MarketplaceAdapter>(member.file, { default: true });
        for (const host of adapter.productHosts ?? []) hosts.add(`https://${host}/*`);
      }
      const listed = manifest.host_permissions ?? [];
      const added = [...hosts].filter((h) => !listed.includes(h)).sort();
      if (added.length > 0) manifest.host_permissions = [...listed, ...added];
    });
  },
});
