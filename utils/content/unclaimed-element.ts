/**
 * Host elements for our shadow roots that a page cannot have claimed. A page may define a custom
 * element under our tag name (`customElements.define('recall-sentinel-banner', …)`): an element the
 * content script then makes with `document.createElement` is built by the page's class, in the page's
 * world, which can attach a shadow root of its own first, and ours then throws (no banner at all).
 * An element made by a document without a window has no definition to look up, so it is a plain
 * element when we attach our closed root; when it joins the page, the page's class may try to upgrade
 * it, and that constructor's own `attachShadow` fails on the root already there (issue 14, hostile pages).
 */
export function unclaimedElement(tag: string): HTMLElement {
  return document.implementation.createHTMLDocument('').createElement(tag);
}
