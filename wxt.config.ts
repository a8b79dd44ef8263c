import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// Host permissions are not requested here: each marketplace's content script declares its own `matches`
// (generated from the adapter registry by scripts/wxt-modules/site-content-scripts.ts), and the feeds we
// sync send CORS headers. `storage` keeps verdicts, settings; `alarms` schedules syncs.
export default defineConfig({
  // Local WXT modules live under scripts/ so the top level stays as the project layout says.
  modulesDir: 'scripts/wxt-modules',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Recall Sentinel',
    description: 'Shows official product-safety recalls on the shopping pages where you buy.',
    permissions: ['storage', 'alarms', 'webNavigation'],
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
