/** The entries of the generated content scripts (see scripts/wxt-modules/site-content-scripts.ts). */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { MarketplaceAdapter } from '../marketplaces/adapter';
import { PageScanner } from './page-scanner';
import { hasProductMarkup } from './product-markup';

/** A per-site script (and the demo build's localhost one): the page is the adapters' by its address. */
export function startContentScript(ctx: ContentScriptContext, adapters: readonly MarketplaceAdapter[]): void {
  new PageScanner(ctx, adapters).start();
}

/**
 * The any-shop script, registered at run time for the sites the user allowed (utils/any-shop.ts) and
 * injected into a tab when its site is allowed. Those can be any pages, so it stops after a cheap look
 * when the page carries no product data: no adapter runs, nothing is sent to the background.
 */
export function startWhereProductData(
  ctx: ContentScriptContext,
  adapters: readonly MarketplaceAdapter[],
): void {
  if (!hasProductMarkup(document)) return;
  new PageScanner(ctx, adapters).start();
}
