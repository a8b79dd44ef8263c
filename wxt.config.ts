import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// Host permissions are not requested here: content scripts declare their own `matches` (derived from the
// marketplace registry), and feed hosts arrive with live sync. `storage` keeps per-tab verdicts and settings.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Recall Sentinel',
    description: 'Shows official product-safety recalls on the shopping pages where you buy.',
    permissions: ['storage'],
    action: { default_title: 'Recall Sentinel' },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'recall-sentinel@recall-sentinel.org',
          strict_min_version: '128.0',
          data_collection_permissions: { required: ['none'] },
        },
      },
    }),
  }),
});
