/**
 * schema.org Product read from a page's microdata (`itemscope itemtype=".../Product"` and its
 * `itemprop`s), which some shops print instead of JSON-LD or beside it.
 */
import { cleanText } from './labels';
import {
  FactList,
  GTIN_KEYS,
  gtinValue,
  notFound,
  PRODUCT_TYPES,
  pageKey,
  type StructuredData,
  toUrl,
} from './structured-facts';

/** A product `itemtype` URL: `https://schema.org/Product`, `http://data-vocabulary.org/Product/` ... */
const PRODUCT_ITEMTYPE = new RegExp(
  String.raw`(?:schema\.org|data-vocabulary\.org)/(?:${PRODUCT_TYPES.join('|')})/?$`,
  'i',
);

function isProductScope(el: Element): boolean {
  return (el.getAttribute('itemtype') ?? '').split(/\s+/).some((t) => PRODUCT_ITEMTYPE.test(t));
}

/** The item a property element belongs to: its nearest `itemscope` ancestor (not itself). */
function ownerScope(el: Element): Element | null {
  return el.parentElement?.closest('[itemscope]') ?? null;
}

/** Property elements of `scope` by name (an element can carry several names: `itemprop="gtin13 productID"`). */
function itemProps(scope: Element): Map<string, Element[]> {
  const props = new Map<string, Element[]>();
  for (const el of Array.from(scope.querySelectorAll('[itemprop]'))) {
    if (ownerScope(el) !== scope) continue;
    for (const name of (el.getAttribute('itemprop') ?? '').split(/\s+/)) {
      if (!name) continue;
      const list = props.get(name) ?? [];
      list.push(el);
      props.set(name, list);
    }
  }
  return props;
}

/**
 * A property's value: `content`, then `value`, then the link target for links, then the text. For an
 * `a` element the text wins over `href` unless the property is a URL: shops write
 * `<a itemprop="brand" href="/brands/x">Brand</a>` and mean the name, not the link.
 */
function propValue(el: Element, name: string): string {
  const content = el.getAttribute('content');
  if (content !== null) return cleanText(content);
  const value = el.getAttribute('value');
  if (value !== null) return cleanText(value);
  const tag = el.tagName.toLowerCase();
  const href = el.getAttribute('href');
  if (href !== null && (tag === 'link' || tag === 'area' || (tag === 'a' && name === 'url')))
    return href.trim();
  if (tag === 'time' && el.getAttribute('datetime')) return cleanText(el.getAttribute('datetime'));
  const text = cleanText(el.textContent);
  if (text) return text;
  return href?.trim() ?? cleanText(el.getAttribute('src'));
}

/** Values of one property; an item-valued property gives its `name` (a Brand or Organization item). */
function propNames(props: Map<string, Element[]>, name: string): string[] {
  const out: string[] = [];
  for (const el of props.get(name) ?? []) {
    if (el.hasAttribute('itemscope')) {
      const inner = itemProps(el);
      const n = (inner.get('name') ?? []).map((e) => propValue(e, 'name')).find(Boolean);
      if (n) out.push(n);
    } else {
      const v = propValue(el, name);
      if (v) out.push(v);
    }
  }
  return out;
}

function propItems(props: Map<string, Element[]>, name: string): Map<string, Element[]>[] {
  return (props.get(name) ?? []).filter((el) => el.hasAttribute('itemscope')).map(itemProps);
}

/** The page's main product item: it names this page, or holds the page heading, or comes first. */
function mainProductScope(doc: Document, url: URL): Element | null {
  const scopes = Array.from(doc.querySelectorAll('[itemscope][itemtype]')).filter(isProductScope);
  // A Product that is itself a property of another item is a related product or an offered accessory.
  const top = scopes.filter((el) => {
    const prop = el.getAttribute('itemprop');
    return prop === null || /\bmainEntity\b/.test(prop);
  });
  for (const scope of top) {
    const own = (itemProps(scope).get('url') ?? []).map((el) => toUrl(propValue(el, 'url'), url));
    if (own.some((u) => u && pageKey(u) === pageKey(url))) return scope;
  }
  return top.find((scope) => scope.querySelector('h1') !== null) ?? top[0] ?? null;
}

function microdataProductFacts(props: Map<string, Element[]>, out: FactList): void {
  for (const name of propNames(props, 'name')) out.add('title', name, 'name');
  for (const brand of propNames(props, 'brand')) out.add('brand', brand, 'brand');
  for (const maker of propNames(props, 'manufacturer')) out.add('manufacturer', maker, 'manufacturer');
  for (const model of propNames(props, 'model')) out.add('model', model, 'model');
  for (const mpn of propNames(props, 'mpn')) out.add('model', mpn, 'mpn');
  for (const key of GTIN_KEYS) for (const g of propNames(props, key)) out.add('gtin', gtinValue(g), key);
  for (const key of ['productID', 'identifier'] as const) {
    for (const el of props.get(key) ?? []) {
      if (el.hasAttribute('itemscope')) {
        const inner = itemProps(el);
        const scheme = propNames(inner, 'propertyID')[0] ?? propNames(inner, 'name')[0];
        const value = propNames(inner, 'value')[0];
        if (scheme && value) out.addLabelled(scheme, value);
      } else {
        out.addPrefixed(propValue(el, key), key);
      }
    }
  }
  for (const prop of propItems(props, 'additionalProperty')) {
    const name = propNames(prop, 'name')[0] ?? propNames(prop, 'propertyID')[0];
    const value = propNames(prop, 'value')[0];
    if (name && value) out.addLabelled(name, value);
  }
  for (const sku of propNames(props, 'sku')) out.add('itemId', sku, 'sku');
  for (const offer of propItems(props, 'offers')) {
    for (const inner of [offer, ...propItems(offer, 'offers')]) {
      for (const seller of propNames(inner, 'seller')) out.add('seller', seller, 'offers.seller');
      for (const key of GTIN_KEYS)
        for (const g of propNames(inner, key)) out.add('gtin', gtinValue(g), `offers.${key}`);
      for (const mpn of propNames(inner, 'mpn')) out.add('model', mpn, 'offers.mpn');
    }
  }
}

/** The schema.org Product of the page from its microdata (`itemscope itemtype=".../Product"`). */
export function readMicrodata(doc: Document, url: URL): StructuredData {
  const scope = mainProductScope(doc, url);
  if (!scope) return notFound();
  const out = new FactList('microdata');
  microdataProductFacts(itemProps(scope), out);
  return { found: true, facts: out.facts, variant: null, siteName: null };
}
