/**
 * Amazon order pages (order history and order details, every retail locale) → one identity per printed
 * order line: itemId (ASIN), title, quantity. Lines carry no brand, model or GTIN; the caller resolves
 * them through their product pages, as for cart rows.
 *
 * The order boxes have changed shape many times, but two things have held since the 2010s:
 * - every line links its product page (`/dp/<ASIN>` or `/gp/product/<ASIN>`), an image link and,
 *   except in grocery grids, a title link;
 * - the order (a history card, the details page body) sits in a container with a stable hook: an id,
 *   `js-order-card`, or a `data-component` name. Labels are localised ("Mis pedidos", "Bestellung
 *   aufgegeben"), so nothing here reads them.
 * So: find the order containers; inside them, take the product links that are not recommendations; and
 * group the links into lines by structure. A line is the known line box when the layout has one
 * (`purchasedItems`, `item-box`, `itemDetail`), otherwise the largest element around a link that holds
 * one item's links and no other item's. Grouping by element rather than by ASIN keeps two printed lines
 * of the same product as two lines (a grocery order lists "Coke Zero 2 L" twice when packed twice).
 *
 * eGift and gift-card lines are kept: they are purchased lines with an ASIN of their own (the
 * `/dp/B0…` of the card design), and resolving them costs one product page that simply matches nothing.
 * In-store purchases (Whole Foods, Amazon Go receipts) print no product links and yield no lines.
 */
import type { ProductIdentity } from '../schemas';
import { IdentityBuilder } from './identity-builder';
import { cleanText } from './labels';
import { orderDateOf } from './order-date';

/**
 * Order containers, outermost wins (the 2019–2024 card nests `.a-box-group.order.js-order-card` inside
 * `.order-card.js-order-card`):
 * - `.js-order-card` / `.order-card`: order history 2019–2026 (yohtmlc classes inside), every locale;
 * - `#ordersContainer .order`, `.a-box-group.order`: order history 2014–2019 boxes
 *   (`/gp/css/order-history`, `/gp/your-account/order-history`), before `js-order-card`;
 * - `[id="orderCard"]`: the 2025 skeleton layout (amazon.co.uk, Amazon Business), whose cards all repeat
 *   the same id;
 * - `#orderDetails`: the order-details page 2016–2026, both its yohtmlc shipments and its 2024+
 *   `data-component` body; `[data-component="orderCard"]` and `.od-shipments` name the same block in
 *   pages saved without the outer div.
 */
const ORDER_CONTAINERS = [
  '.js-order-card',
  '.order-card',
  '#ordersContainer .order',
  '.a-box-group.order',
  '[id="orderCard"]',
  '#orderDetails',
  '[data-component="orderCard"]',
  '.od-shipments',
].join(', ');

/**
 * Line boxes of the layouts that have one: `purchasedItems` (order details, 2024+ data-component
 * layout), `item-box` (order history 2024+, one per item and one per tile of a grocery grid),
 * `itemDetail` (2025 skeleton layout, repeated id).
 */
const LINE_BOXES = '[data-component="purchasedItems"], .item-box, [id="itemDetail"], .itemDetails';

/** Title holders inside a line: 2024+ details (`itemTitle`), 2024+ history (`yohtmlc-product-title`). */
const LINE_TITLES = '[data-component="itemTitle"], .yohtmlc-product-title';

/**
 * Quantity badges over the item image, printed only when more than one was bought: `item-view-qty`
 * (2018–2023 history and details), `product-image__qty` (2024+ history), `od-item-view-qty` (2024+
 * details), `itemQuantity` (2025 skeleton layout).
 */
const QUANTITY_BADGES = '.item-view-qty, .product-image__qty, .od-item-view-qty, .itemQuantity';

/**
 * Containers of other products that can sit inside an order container: carousels (Buy it again,
 * Customers also bought, sponsored rows) and personalisation cards.
 */
const NOT_LINES =
  '.a-carousel-container, .a-carousel, [data-a-carousel-options], #rhf, [id^="CardInstance"], .p13n-sc-shoveler';

/**
 * Ref tags of recommendation and ad links (`pd_rhf…`, `sspa_dk…`, `…sccl…`, `b2b_yo_rr…`): they name
 * other products even when a layout places them near an order.
 */
const RECOMMENDATION_REF = /^(?:pd_|sspa|sp_|sr_|bmx_|emc_|sbx_|psdc|b2b_yo_rr|sh_yo)|sccl|rhf|sims/i;

/**
 * Ref tags that Amazon's order pages put on their own item links: `ppx_yo…` / `ppx_od…` / `ppx_hzod…`
 * (2019–2026, "ab_ppx…" on Amazon Business), `oh_aui…` / `od_aui…` (order history and details to 2019),
 * and the bare `fed_asin_title` of the 2025 skeleton layout. Used only when a page has no order container.
 */
const ORDER_LINE_REF = /(?:^|_)(?:ppx|oh_aui|od_aui)_|fed_asin/i;

interface ProductLink {
  el: Element;
  asin: string;
  /** The link shows the item image (an image link may also hold the quantity badge as text). */
  image: boolean;
}

function refTag(href: URL): string {
  const ref = href.searchParams.get('ref') ?? href.searchParams.get('ref_');
  return ref ?? /\/ref=([^/?#]+)/.exec(href.pathname)?.[1] ?? '';
}

/** The outermost order containers, in page order. */
function orderContainers(doc: Document): Element[] {
  const all = Array.from(doc.querySelectorAll(ORDER_CONTAINERS));
  return all.filter((el) => !all.some((other) => other !== el && other.contains(el)));
}

function productLinks(
  root: Element,
  page: URL,
  asinOf: (href: URL) => string | null,
  keep: (ref: string) => boolean,
): ProductLink[] {
  const links: ProductLink[] = [];
  for (const el of Array.from(root.querySelectorAll('a[href]'))) {
    if (el.closest(NOT_LINES)) continue;
    let href: URL;
    try {
      href = new URL(el.getAttribute('href') ?? '', page);
    } catch {
      continue;
    }
    const asin = asinOf(href);
    if (!asin || !keep(refTag(href))) continue;
    links.push({ el, asin, image: el.querySelector('img') !== null });
  }
  return links;
}

/**
 * The line around a link: its line box when the layout has one, else the largest ancestor below the
 * container whose links are all this item's and hold at most one image link and one title link.
 */
function lineOf(link: ProductLink, container: Element, links: readonly ProductLink[]): Element {
  const holdsOneItem = (el: Element): boolean => {
    const inside = links.filter((l) => el.contains(l.el));
    const images = inside.filter((l) => l.image).length;
    return inside.every((l) => l.asin === link.asin) && images <= 1 && inside.length - images <= 1;
  };
  const box = link.el.closest(LINE_BOXES);
  if (box && box !== container && container.contains(box) && holdsOneItem(box)) return box;
  let node: Element = link.el;
  for (let parent = node.parentElement; parent && parent !== container; parent = parent.parentElement) {
    if (!holdsOneItem(parent)) break;
    node = parent;
  }
  return node;
}

/** Text of an element without its quantity badge (the 2025 skeleton layout puts it inside the image link). */
function textWithoutBadge(el: Element): string {
  let text = '';
  const walk = (node: Node): void => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) text += child.textContent ?? '';
      else if (child.nodeType === 1 && !(child as Element).matches(`${QUANTITY_BADGES}, script, style`))
        walk(child);
    }
  };
  walk(el);
  return cleanText(text);
}

/** The printed title: the title holder, the title link, an image link's text, else the image's alt text. */
function lineTitle(line: Element, links: readonly ProductLink[]): string {
  const holder = cleanText(line.querySelector(LINE_TITLES)?.textContent);
  if (holder) return holder;
  for (const link of links.filter((l) => !l.image)) {
    const text = textWithoutBadge(link.el);
    if (text) return text;
  }
  for (const link of links) {
    const text = textWithoutBadge(link.el) || cleanText(link.el.querySelector('img')?.getAttribute('alt'));
    if (text) return text;
  }
  return '';
}

/** The quantity as printed: the image badge, else the 2024+ `quantity` component; no badge means one. */
function lineQuantity(line: Element): number {
  for (const el of Array.from(line.querySelectorAll(`${QUANTITY_BADGES}, [data-component="quantity"]`))) {
    const n = /\d+/.exec(cleanText(el.textContent))?.[0];
    if (n && Number.parseInt(n, 10) > 0) return Number.parseInt(n, 10);
  }
  return 1;
}

/** Order lines of an order history or order details page, in page order. */
export function amazonOrderLines(
  doc: Document,
  page: URL,
  asinOf: (href: URL) => string | null,
): ProductIdentity[] {
  const containers = orderContainers(doc);
  const scopes: Array<{ root: Element; links: ProductLink[] }> =
    containers.length > 0
      ? containers.map((root) => ({
          root,
          links: productLinks(root, page, asinOf, (ref) => !RECOMMENDATION_REF.test(ref)),
        }))
      : // A layout none of the containers name: only links tagged as order-page item links count.
        doc.body
        ? [{ root: doc.body, links: productLinks(doc.body, page, asinOf, (ref) => ORDER_LINE_REF.test(ref)) }]
        : [];

  const items: ProductIdentity[] = [];
  for (const { root, links } of scopes) {
    // The whole page is no order box: its first date could be anything.
    const orderedAt = containers.length > 0 ? orderDateOf(root) : null;
    const lines = new Map<Element, ProductLink[]>();
    for (const link of links) {
      const line = lineOf(link, root, links);
      lines.set(line, [...(lines.get(line) ?? []), link]);
    }
    for (const [line, lineLinks] of lines) {
      const asin = lineLinks[0]?.asin;
      if (!asin) continue;
      items.push(
        new IdentityBuilder({ marketplace: 'amazon', pageType: 'orders', url: page.href })
          .add('itemId', asin, 'url', 'order item link')
          .add('title', lineTitle(line, lineLinks), 'title-text', 'order item link')
          .setQuantity(lineQuantity(line))
          .setOrderedAt(orderedAt)
          .build(),
      );
    }
  }
  return items;
}
