/** The entry every per-site content script calls (see scripts/wxt-modules/site-content-scripts.ts). */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { MarketplaceAdapter } from '../marketplaces/adapter';
import { PageScanner } from './page-scanner';

export function startContentScript(ctx: ContentScriptContext, adapters: readonly MarketplaceAdapter[]): void {
  new PageScanner(ctx, adapters).start();
}
