/**
 * The one content script. Its `matches` come from the marketplace registry, so adding an adapter file
 * adds its sites to the manifest. The demo build (`--mode demo`, used by `npm start`) also runs on
 * localhost, where the bundled demo storefront is served; production builds never do.
 */

import { PageScanner } from '@/utils/content/page-scanner';
import { allMatchPatterns } from '@/utils/marketplaces';

const DEMO_MATCHES = ['http://localhost/*', 'http://127.0.0.1/*'];

export default defineContentScript({
  matches: [...allMatchPatterns(), ...(import.meta.env.MODE === 'demo' ? DEMO_MATCHES : [])],
  runAt: 'document_idle',
  main(ctx) {
    new PageScanner(ctx).start();
  },
});
