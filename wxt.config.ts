import path from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { ALL_SITES } from './utils/any-shop';

/**
 * The demo build stands in for a user who allowed one shop (what the popup's "Check this shop" grants),
 * as a required permission, because a test cannot answer the browser's permission prompt. `.test` never
 * resolves on the internet; the e2e tests serve it through Playwright routing.
 */
const DEMO_ALLOWED_SHOP = 'http://shop.test/*';

// Host permissions: each marketplace's content script declares its own `matches` (generated from the
// adapter registry by scripts/wxt-modules/site-content-scripts.ts); the product pages the background
// reads for carts on another origin are added by scripts/wxt-modules/product-page-hosts.ts, and the feeds
// that need one are optional (scripts/wxt-modules/feed-permissions.ts).
// `storage` keeps verdicts, settings; `alarms` schedules syncs; `notifications` tells of products seen
// earlier and recalled since. No `webNavigation` ("Read your browsing history"): the content script
// follows same-document navigations itself (utils/content/location-changes.ts). "Any shop"
// (utils/any-shop.ts): `scripting` registers the reader for the sites the user allows through the
// optional host permissions below, every site or one at a time;
// `activeTab` lets the popup see which site the user is on when they click the toolbar button, so it can
// offer "Check this shop" for that site alone. `contextMenus` adds "Report a safety problem with this
// product" to the page's menu (utils/report/open-report.ts; its click grants `activeTab`, which lets the
// report take a screenshot of the tab).
export default defineConfig({
  // Local WXT modules live under scripts/ so the top level stays as the project layout says.
  modulesDir: 'scripts/wxt-modules',
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  // English and Simplified Chinese, picked from the browser's language by the extension i18n system
  // (_locales, generated from these files by @wxt-dev/i18n). Recall text stays as its source published it.
  i18n: { localesDir: path.resolve(import.meta.dirname, 'utils/locales') },
  // The sources zip (for addons.mozilla.org review) holds what is in git, not local run output.
  zip: {
    excludeSources: ['demo-output/**', 'test-results/**', 'playwright-report/**', 'bench-output/**', '*.log'],
  },
  hooks: {
    // The demo store's recalls are fictional: only the demo build packages them (utils/recall-index/bundled.ts).
    'build:publicAssets': (wxt, files) => {
      if (wxt.config.mode !== 'demo') return;
      files.push({
        absoluteSrc: path.resolve(import.meta.dirname, 'scripts/demo-store/data/demo-snapshot.json'),
        relativeDest: 'demo/demo-snapshot.json',
      });
    },
  },
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser, mode }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // The demo build adds `tabs` in place of `activeTab`, which only a real click on the toolbar grants.
    permissions: [
      'storage',
      'alarms',
      'scripting',
      'notifications',
      'activeTab',
      'contextMenus',
      ...(mode === 'demo' ? ['tabs'] : []),
    ],
    optional_host_permissions: [...ALL_SITES],
    ...(mode === 'demo' && { host_permissions: [DEMO_ALLOWED_SHOP] }),
    action: { default_title: '__MSG_extName__' },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'recall-sentinel@recall-sentinel.org',
          // 140 (the 2025 ESR) is the first release that reads data_collection_permissions.
          strict_min_version: '140.0',
          data_collection_permissions: { required: ['none'] },
        },
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
});
