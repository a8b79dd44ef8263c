/**
 * schema.org Product read from a page's JSON-LD blocks. Outside data is read leniently: every
 * `application/ld+json` block (lenient-json.ts), nodes found through arrays, `@graph`, `mainEntity`,
 * `offers.itemOffered`, `@id` references, `hasVariant` and `isVariantOf`.
 *
 * Which product: a page can carry several (recommendations marked up as Products, a ProductGroup and
 * its variants). The one whose `url`/`@id` is this page wins, then a WebPage's `mainEntity`, then the
 * first. A ProductGroup resolves to the variant the URL selects (`?variant=`, `?sku=`), else the group.
 */
import { isRecord } from '../is-record';
import { decodeEntities } from './decode-entities';
import { cleanText } from './labels';
import { parseJsonLenient } from './lenient-json';
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

type Obj = Record<string, unknown>;

const PRODUCT_TYPE_NAMES = new Set(PRODUCT_TYPES);

const asArray = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);

/**
 * The text values of a JSON-LD property: strings, numbers, `{"@value": ...}`, arrays of those. Entities
 * are decoded because some CMSes HTML-escape the JSON they put in a script element, and script text is
 * never entity-decoded by the browser.
 */
function texts(v: unknown): string[] {
  const out: string[] = [];
  for (const item of asArray(v)) {
    if (typeof item === 'string' || typeof item === 'number') {
      const t = cleanText(decodeEntities(String(item)));
      if (t) out.push(t);
    } else if (isRecord(item) && '@value' in item) {
      out.push(...texts(item['@value']));
    }
  }
  return out;
}

function firstText(v: unknown): string | null {
  return texts(v)[0] ?? null;
}

/** `@type` as bare names: "Product", ["Product", "Car"], "http://schema.org/Product" all work. */
function typeNames(node: Obj): string[] {
  return texts(node['@type']).map((t) =>
    t.replace(/^https?:\/\/schema\.org\//i, '').replace(/^schema:/i, ''),
  );
}

const isProductNode = (node: Obj) => typeNames(node).some((t) => PRODUCT_TYPE_NAMES.has(t));
const isGroupNode = (node: Obj) =>
  typeNames(node).includes('ProductGroup') || asArray(node.hasVariant).length > 0;

/** All JSON-LD blocks of the page, parsed leniently, each flattened to its top-level values. */
export function jsonLdBlocks(doc: Document): unknown[] {
  const out: unknown[] = [];
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json" i]'))) {
    const parsed = parseJsonLenient(script.textContent ?? '');
    if (parsed !== undefined) out.push(...asArray(parsed));
  }
  return out;
}

interface Candidate {
  node: Obj;
  viaMainEntity: boolean;
}

class JsonLdGraph {
  private readonly byId = new Map<string, Obj>();
  readonly candidates: Candidate[] = [];
  private readonly visited = new Set<Obj>();

  constructor(blocks: unknown[]) {
    for (const block of blocks) this.index(block, 0);
    for (const block of blocks) this.collect(block, false, 0);
  }

  /** Files every node that has an `@id` and content, so `{"@id": "#brand"}` references resolve. */
  private index(v: unknown, depth: number): void {
    if (depth > 12) return;
    if (Array.isArray(v)) {
      for (const item of v) this.index(item, depth + 1);
      return;
    }
    if (!isRecord(v)) return;
    const id = typeof v['@id'] === 'string' ? v['@id'] : null;
    if (id && Object.keys(v).some((k) => k !== '@id' && k !== '@type') && !this.byId.has(id))
      this.byId.set(id, v);
    for (const value of Object.values(v)) if (typeof value === 'object') this.index(value, depth + 1);
  }

  /** A node, or the node its bare `{"@id": ...}` reference points at. */
  resolve(v: unknown): unknown {
    if (!isRecord(v)) return v;
    const id = v['@id'];
    if (typeof id === 'string' && Object.keys(v).every((k) => k === '@id' || k === '@type')) {
      return this.byId.get(id) ?? v;
    }
    return v;
  }

  /**
   * Finds Product nodes at the top level, in `@graph`, under `mainEntity` and under Offer `itemOffered`.
   * Product internals (`isRelatedTo`, `isSimilarTo`, `hasVariant`) are not entered: related items are
   * other products, and variants are chosen from their group.
   */
  private collect(v: unknown, viaMainEntity: boolean, depth: number): void {
    if (depth > 12) return;
    if (Array.isArray(v)) {
      for (const item of v) this.collect(item, viaMainEntity, depth + 1);
      return;
    }
    const node = this.resolve(v);
    if (!isRecord(node) || this.visited.has(node)) return;
    this.visited.add(node);
    if (isProductNode(node)) {
      this.candidates.push({ node, viaMainEntity });
      return;
    }
    for (const item of asArray(node['@graph'])) this.collect(item, false, depth + 1);
    for (const item of asArray(node.mainEntity)) this.collect(item, true, depth + 1);
    for (const item of asArray(node.offers)) this.collect(item, viaMainEntity, depth + 1);
    for (const item of asArray(node.itemOffered)) this.collect(item, viaMainEntity, depth + 1);
  }

  nodes(v: unknown): Obj[] {
    return asArray(v)
      .map((item) => this.resolve(item))
      .filter(isRecord);
  }

  /** Names of a brand/manufacturer/model value: a string, `{name}`, a reference, or an array of those. */
  names(v: unknown): string[] {
    const out: string[] = [];
    for (const item of asArray(v)) {
      const node = this.resolve(item);
      if (isRecord(node)) out.push(...texts(node.name));
      else out.push(...texts(node));
    }
    return out;
  }
}

/** How strongly a node claims to be this page: its url/@id names this page (and its variant), or not. */
function urlScore(node: Obj, url: URL): number {
  let best = 0;
  for (const key of ['url', '@id'] as const) {
    const u = toUrl(firstText(node[key]), url);
    if (!u || pageKey(u) !== pageKey(url)) continue;
    const sameVariant = (u.searchParams.get('variant') ?? '') === (url.searchParams.get('variant') ?? '');
    best = Math.max(best, sameVariant ? 3 : 2);
  }
  return best;
}

function pickCandidate(candidates: Candidate[], url: URL): Obj | null {
  let best: Candidate | null = null;
  let bestScore = -1;
  for (const c of candidates) {
    const score = Math.max(urlScore(c.node, url), c.viaMainEntity ? 1 : 0);
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best?.node ?? null;
}

/** The variant of `group` that the URL selects (`?variant=<id>` as Shopify writes it, or `?sku=`). */
function pickVariant(graph: JsonLdGraph, group: Obj, url: URL): Obj | null {
  const wanted = url.searchParams.get('variant');
  const sku = url.searchParams.get('sku');
  if (!wanted && !sku) return null;
  for (const variant of graph.nodes(group.hasVariant)) {
    const ids = [...texts(variant.sku), ...texts(variant.productID)];
    if (sku && ids.includes(sku)) return variant;
    if (!wanted) continue;
    if (ids.includes(wanted)) return variant;
    for (const key of ['url', '@id'] as const) {
      const u = toUrl(firstText(variant[key]), url);
      if (u?.searchParams.get('variant') === wanted) return variant;
    }
  }
  return null;
}

/** The group a variant belongs to: its `isVariantOf`, or a candidate group listing it. */
function groupOf(graph: JsonLdGraph, product: Obj): Obj | null {
  const parent = graph.nodes(product.isVariantOf)[0];
  if (parent) return parent;
  const groupId = firstText(product.inProductGroupWithID);
  for (const c of graph.candidates) {
    if (c.node === product || !isGroupNode(c.node)) continue;
    if (graph.nodes(c.node.hasVariant).includes(product)) return c.node;
    if (groupId && firstText(c.node.productGroupID) === groupId) return c.node;
  }
  return null;
}

/** "Fernhollow Kids Helmet - Medium / Sage" under group "Fernhollow Kids Helmet" → "Medium / Sage". */
function variantLabel(variant: Obj, group: Obj): string | null {
  const name = firstText(variant.name);
  const groupName = firstText(group.name);
  if (name && groupName && name.toLowerCase().startsWith(groupName.toLowerCase())) {
    const rest = name
      .slice(groupName.length)
      .replace(/^[\s\-–—|:,/(]+/, '')
      .replace(/[\s)]+$/, '');
    if (rest) return rest;
  }
  if (name && name !== groupName) return name;
  const parts = ['color', 'size', 'material', 'pattern'].flatMap((k) => texts(variant[k]));
  return parts.length > 0 ? parts.join(' / ') : null;
}

function jsonLdProductFacts(graph: JsonLdGraph, node: Obj, out: FactList, withName: boolean): void {
  if (withName) out.add('title', firstText(node.name), 'name');
  for (const brand of graph.names(node.brand)) out.add('brand', brand, 'brand');
  for (const maker of graph.names(node.manufacturer)) out.add('manufacturer', maker, 'manufacturer');
  for (const model of graph.names(node.model)) out.add('model', model, 'model');
  for (const mpn of texts(node.mpn)) out.add('model', mpn, 'mpn');
  for (const key of GTIN_KEYS) for (const g of texts(node[key])) out.add('gtin', gtinValue(g), key);
  for (const id of texts(node.productID)) out.addPrefixed(id, 'productID');
  for (const item of asArray(node.identifier)) {
    const id = graph.resolve(item);
    if (isRecord(id)) {
      const scheme = firstText(id.propertyID) ?? firstText(id.name);
      const value = firstText(id.value);
      if (scheme && value) out.addLabelled(scheme, value);
    } else {
      for (const t of texts(id)) out.addPrefixed(t, 'identifier');
    }
  }
  for (const prop of graph.nodes(node.additionalProperty)) {
    const name = firstText(prop.name) ?? firstText(prop.propertyID);
    const value = firstText(prop.value);
    if (name && value) out.addLabelled(name, value);
  }
  for (const sku of texts(node.sku)) out.add('itemId', sku, 'sku');
  for (const offer of graph.nodes(node.offers)) {
    for (const inner of [offer, ...graph.nodes(offer.offers)]) {
      for (const seller of graph.names(inner.seller)) out.add('seller', seller, 'offers.seller');
      for (const key of GTIN_KEYS)
        for (const g of texts(inner[key])) out.add('gtin', gtinValue(g), `offers.${key}`);
      for (const mpn of texts(inner.mpn)) out.add('model', mpn, 'offers.mpn');
    }
  }
}

/** The schema.org Product of the page from its JSON-LD blocks. */
export function readJsonLd(doc: Document, url: URL): StructuredData {
  const graph = new JsonLdGraph(jsonLdBlocks(doc));
  const out = new FactList('json-ld');
  const chosen = pickCandidate(graph.candidates, url);
  if (!chosen) return notFound();

  let product: Obj | null = chosen;
  let group: Obj | null = null;
  if (isGroupNode(chosen)) {
    group = chosen;
    product = pickVariant(graph, chosen, url);
  } else {
    group = groupOf(graph, chosen);
  }

  // The group's name is the product title; the variant adds its own identifiers first (GTIN, MPN, SKU),
  // and the group fills in what variants usually leave out (brand, manufacturer).
  const groupName = group ? firstText(group.name) : null;
  if (groupName) out.add('title', groupName, 'name');
  if (product) jsonLdProductFacts(graph, product, out, !groupName);
  if (group) jsonLdProductFacts(graph, group, out, false);

  return {
    found: true,
    facts: out.facts,
    variant: product && group ? variantLabel(product, group) : null,
    siteName: null,
  };
}
