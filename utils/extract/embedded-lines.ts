/**
 * DOM helpers shared by the US marketplace adapters (Walmart, eBay, Target, Best Buy, Home Depot,
 * Etsy), for markup that is not a table and not schema.org:
 * - `lineItems`: the rows of a cart or order list, found by their product links. Cart markup on these
 *   sites uses hashed or unstable class names, while the link to the product page is stable, so a row
 *   is the largest ancestor of a link that links to no other item.
 * - `textPairs`: "label: value" lines whose label sits in its own element (Target's
 *   `<div><b>UPC</b>: 0123…</div>`, Walmart's spec headings).
 * - `namedPairs`: `[{name, value}]` spec arrays from embedded JSON, as label pairs.
 * - `lineIdentities`: line items as identities (item id, title, quantity); rows carry no brand, model
 *   or GTIN, so resolving them through the product page is the caller's job.
 */
import type { PageType, ProductIdentity } from '../schemas';
import { IdentityBuilder } from './identity-builder';
import { cleanText, type LabelPair, normalizeLabel } from './labels';

export interface LineItem {
  id: string;
  href: URL;
  title: string;
  quantity: string | null;
}

function pair(label: unknown, value: unknown): LabelPair | null {
  const l = cleanText(String(label ?? '')).replace(/[\s:：]+$/u, '');
  const v = typeof value === 'string' || typeof value === 'number' ? cleanText(String(value)) : '';
  return l && v ? { label: l, key: normalizeLabel(l), value: v } : null;
}

export function namedPairs(list: unknown, name = 'name', value = 'value'): LabelPair[] {
  if (!Array.isArray(list)) return [];
  return list
    .map((o) => (o && typeof o === 'object' ? pair((o as never)[name], (o as never)[value]) : null))
    .filter((p): p is LabelPair => p !== null);
}

/**
 * Pairs from each `labels` element: its text is the label; the value is its next sibling element's
 * text (Walmart `h3` + `div`, legacy eBay `td.attrLabels` + `td`), else the rest of its parent's text
 * (Target `<div><b>UPC</b>: 0123…</div>`).
 */
export function textPairs(root: ParentNode | null | undefined, labels: string): LabelPair[] {
  const out: LabelPair[] = [];
  for (const el of Array.from(root?.querySelectorAll(labels) ?? [])) {
    const label = cleanText(el.textContent);
    const whole = cleanText(el.parentElement?.textContent);
    const rest = whole.startsWith(label) ? whole.slice(label.length).replace(/^[\s:：]+/u, '') : '';
    const p = pair(label, cleanText(el.nextElementSibling?.textContent) || rest);
    if (p) out.push(p);
  }
  return out;
}

/** Quantity shown in a row: a select, a number/qty input, a `data-quantity`, or "Qty 2" text. */
function rowQuantity(row: Element): string | null {
  const select = row.querySelector('select');
  const picked = select?.querySelector('option[selected]') ?? null;
  if (picked) return picked.getAttribute('value') ?? picked.textContent;
  const input = row.querySelector('input[type="number"], input[name*="qty" i], input[name*="quantity" i]');
  const value =
    input?.getAttribute('value') ?? row.querySelector('[data-quantity]')?.getAttribute('data-quantity');
  if (value) return value;
  // Steppers print the count between two buttons and name it in an aria-label ("Current Quantity 2").
  const labels = Array.from(row.querySelectorAll('[aria-label]'), (el) => el.getAttribute('aria-label'));
  const text = `${cleanText(row.textContent)} ${labels.join(' ')}`;
  return /\b(?:qty|quantity)\D{0,12}?(\d{1,3})\b/i.exec(text)?.[1] ?? null;
}

/**
 * One entry per product linked under `root`, in page order. `idOf` maps a link's URL to the item id
 * (null for links that are not product links); links inside `skip` (recommendation carousels,
 * saved-for-later lists) are ignored. The title is the longest link text of the item, else an image's
 * alt text. With `cart`, only rows that show a quantity count: every cart line has a quantity
 * control, while product tiles elsewhere (a product page served at a cart URL, a carousel) have none.
 */
export function lineItems(
  root: ParentNode | null | undefined,
  base: URL,
  idOf: (u: URL) => string | null,
  skip?: string,
  cart = false,
): LineItem[] {
  const idAt = (a: Element): string | null => {
    if (skip && a.closest(skip)) return null;
    try {
      return idOf(new URL(a.getAttribute('href') ?? '', base));
    } catch {
      return null;
    }
  };
  const items = new Map<string, LineItem & { row: Element }>();
  for (const a of Array.from(root?.querySelectorAll('a[href]') ?? [])) {
    const id = idAt(a);
    if (!id) continue;
    let row: Element = a;
    for (let up = row.parentElement; up && up !== root; up = up.parentElement) {
      if (Array.from(up.querySelectorAll('a[href]')).some((o) => (idAt(o) ?? id) !== id)) break;
      row = up;
    }
    const text = cleanText(a.textContent) || cleanText(a.querySelector('img')?.getAttribute('alt'));
    const seen = items.get(id);
    if (!seen) {
      items.set(id, {
        id,
        href: new URL(a.getAttribute('href') ?? '', base),
        title: text,
        quantity: null,
        row,
      });
    } else if (text.length > seen.title.length) seen.title = text;
  }
  return [...items.values()]
    .map(({ row, ...item }) => ({ ...item, quantity: rowQuantity(row) }))
    .filter((item) => !cart || item.quantity);
}

/** One identity per line item: the item id from the link (or `idOf` result), its title and quantity. */
export function lineIdentities(
  marketplace: string,
  pageType: PageType,
  url: URL,
  lines: readonly LineItem[],
): ProductIdentity[] {
  return lines.map((line) =>
    new IdentityBuilder({ marketplace, pageType, url: url.href })
      .add('itemId', line.id, 'url', 'line item link')
      .add('title', line.title, 'title-text', 'line item link')
      .setQuantity(line.quantity)
      .build(),
  );
}
