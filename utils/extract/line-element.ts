/**
 * Where a cart or order line sits on the page: the element that shows it (its title link, as a rule),
 * beside which the content script puts its mark. Read-only: queries, no mutation, so adapters stay pure.
 *
 * Order: the adapter's own `lineElement` (it knows its row markup, e.g. Amazon's active cart), then the
 * first link to the item with visible text (every cart and order fixture names its line by a title link
 * whose href carries the item id: /dp/<ASIN>, /itm/<id>, item.jd.com/<sku>.html, ?id=, A-<tcin>), then
 * the first text that reads as the line's title (Taobao's order list links no item), then a picture whose
 * alt text is the title (Target's past orders show thumbnails only). Links come first because a title can repeat (recommendations, "buy it again").
 */
import type { MarketplaceAdapter } from '../marketplaces/adapter';
import type { ProductIdentity } from '../schemas';

const space = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

/** True when `href` carries `itemId` as a whole token (not inside a longer id). */
export function hrefNamesItem(href: string, itemId: string): boolean {
  let from = 0;
  for (;;) {
    const at = href.indexOf(itemId, from);
    if (at < 0) return false;
    const before = href[at - 1] ?? '';
    const after = href[at + itemId.length] ?? '';
    if (!/[0-9A-Za-z]/.test(before) && !/[0-9A-Za-z]/.test(after)) return true;
    from = at + 1;
  }
}

function linkTo(doc: Document, itemId: string): Element | null {
  for (const link of Array.from(doc.querySelectorAll('a[href]'))) {
    if (hrefNamesItem(link.getAttribute('href') ?? '', itemId) && space(link.textContent) !== '') return link;
  }
  return null;
}

/** The element holding the title's text (a longer text counts when it starts with the title's first 40 characters). */
function textOf(doc: Document, title: string): Element | null {
  const wanted = space(title);
  if (wanted.length < 4 || !doc.body) return null;
  const head = wanted.slice(0, 40);
  const walker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = space(node.nodeValue);
    if (text !== wanted && !(head.length >= 20 && text.startsWith(head))) continue;
    const parent = node.parentElement;
    if (parent && !/^(SCRIPT|STYLE|TEMPLATE|NOSCRIPT|TITLE)$/.test(parent.tagName)) return parent;
  }
  return null;
}

export function findLineElement(
  doc: Document,
  item: ProductIdentity,
  adapter: MarketplaceAdapter | undefined,
): Element | null {
  const own = adapter?.lineElement?.(doc, item);
  if (own) return own;
  const link = item.itemId ? linkTo(doc, item.itemId) : null;
  if (link) return link;
  return item.title ? (textOf(doc, item.title) ?? pictureOf(doc, item.title)) : null;
}

/** A thumbnail whose alt text is the title (Target's past orders show lines as pictures). */
function pictureOf(doc: Document, title: string): Element | null {
  const wanted = space(title);
  for (const img of Array.from(doc.querySelectorAll('img[alt]'))) {
    // Target appends " - quantity: 3" to the alt text of a line bought more than once.
    const alt = space(img.getAttribute('alt'));
    if (alt !== wanted && !alt.startsWith(`${wanted} - `)) continue;
    // The thumbnail's own link, not a link around a whole order card.
    const link = img.closest('a');
    if (link && space(link.textContent) === '') return link;
    return img.closest('picture') ?? img;
  }
  return null;
}
