/**
 * Builds every content script with utils/content/script-context.ts in place of WXT's ContentScriptContext,
 * whose start-up handshake posts the extension's id to the page and can be stopped by a page's forged
 * event (issue 14, finding 5; the why is in that file). Only WXT's own imports are redirected: the wrapper
 * itself imports the original.
 */
import path from 'node:path';
import { defineWxtModule } from 'wxt/modules';

const WRAPPER = path.resolve(import.meta.dirname, '../../utils/content/script-context.ts');

export default defineWxtModule({
  name: 'safe-script-context',
  setup(wxt) {
    wxt.hook('vite:build:extendConfig', (_entrypoints, config) => {
      config.plugins ??= [];
      config.plugins.push({
        name: 'recall-sentinel:safe-script-context',
        enforce: 'pre',
        resolveId(source, importer) {
          if (source !== 'wxt/utils/content-script-context' || importer?.split('?')[0] === WRAPPER)
            return null;
          return WRAPPER;
        },
      });
    });
  },
});
