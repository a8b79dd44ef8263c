/**
 * Same-document navigations heard by the content script itself, so the background needs no
 * `webNavigation` permission (Chrome words it "Read your browsing history"; issue 14). Walmart, Target,
 * Temu and many shops move between products with history.pushState.
 *
 * The Navigation API's `navigate` event fires on the window's one `navigation` object for every
 * navigation the page makes (pushState, replaceState, back and forward, fragment changes, new documents),
 * and listeners added in the content script's isolated world hear it: the page cannot see or remove them.
 * Where the API is missing (Firefox before 147), the address is compared once a second, and `popstate`
 * (which reaches the isolated world too) answers back and forward at once.
 *
 * Why not WXT's `wxt:locationchange`: it re-dispatches each change on the page's `window` as an event
 * named after the extension id, which a page can listen for to learn the extension is there (the
 * fingerprint issue 14 finding 5 removed).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

const POLL_MS = 1000;

interface NavigateEvent extends Event {
  destination: { url: string };
}
interface NavigationLike {
  addEventListener(
    type: 'navigate',
    listener: (e: NavigateEvent) => void,
    options: AddEventListenerOptions,
  ): void;
}

/** Calls `onChange` when the page navigates (where it can tell, also to the same address); stops with `ctx`. */
export function onLocationChange(ctx: ContentScriptContext, onChange: () => void): void {
  let last = location.href;
  const changedTo = (href: string) => {
    if (href === last) return;
    last = href;
    onChange();
  };
  const navigation = (globalThis as { navigation?: NavigationLike }).navigation;
  if (typeof navigation?.addEventListener === 'function')
    // Every navigation counts, the same address again included: Chrome tells the background the tab is
    // loading even for history.replaceState to the same URL, and the background forgets the verdict
    // (utils/background/verdict-lifetime.ts), so the page is looked up again to file it back.
    navigation.addEventListener(
      'navigate',
      (e) => {
        last = e.destination.url;
        onChange();
      },
      { signal: ctx.signal },
    );
  else ctx.setInterval(() => changedTo(location.href), POLL_MS);
  ctx.addEventListener(window, 'popstate', () => changedTo(location.href));
}
