/**
 * The generic layer: schema.org Product read from JSON-LD and microdata, and Open Graph / `product:*`
 * meta tags. It runs on pages no adapter claims and is the structured fallback for adapters.
 *
 * Outside data is read leniently (marketplaces.md §3): every `application/ld+json` block, with HTML
 * comments, CDATA wrappers, trailing commas and raw newlines tolerated; nodes found through arrays,
 * `@graph`, `mainEntity`, `offers.itemOffered`, `@id` references, `hasVariant` and `isVariantOf`. A key's
 * name never decides a GTIN's length (Walmart puts 12 digits under `gtin13`): values go to the builder,
 * which validates the digits.
 *
 * Which product: a page can carry several (recommendations marked up as Products, a ProductGroup and
 * its variants). The one whose `url`/`@id` is this page wins, then a WebPage's `mainEntity`, then the
 * first. A ProductGroup resolves to the variant the URL selects (`?variant=`, `?sku=`), else the group.
 */
import type { IdentityFact, IdentityField, IdentitySource } from '../schemas';
import { cleanText, labelKind } from './labels';

type Obj = Record<string, unknown>;

/** What one layer (or all of them) found. */
export interface StructuredData {
  /** True when the layer found a product: a schema.org Product node, or Open Graph product markup. */
  found: boolean;
  /** Facts in the order they were found; the identity builder ranks them by source. */
  facts: IdentityFact[];
  /** The selected variant's distinguishing label ("Medium / Sage"), when a ProductGroup was resolved. */
  variant: string | null;
  /** `og:site_name`, which shops append to their titles. */
  siteName: string | null;
}

const PRODUCT_TYPES = new Set([
  'Product',
  'ProductGroup',
  'IndividualProduct',
  'ProductModel',
  'SomeProducts',
  'Book',
  'Vehicle',
  'Car',
]);

const GTIN_KEYS = ['gtin', 'gtin8', 'gtin12', 'gtin13', 'gtin14', 'isbn'] as const;

/** "isbn:9780316133548", "upc:012345678905", "mpn:KB-TS100" (productID, data-vocabulary identifier). */
const PREFIXED_ID = /^(isbn|upc|ean|jan|gtin(?:8|12|13|14)?|mpn|model)\s*[:：]\s*(.+)$/i;

// ---------------------------------------------------------------------------------------------------
// Lenient JSON

/** Escapes raw control characters inside strings and drops trailing commas, outside strings only. */
function repairJson(text: string): string {
  let out = '';
  let inString = false;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
      else if (c === '\n') {
        out += '\\n';
        continue;
      } else if (c === '\r') {
        out += '\\r';
        continue;
      } else if (c === '\t') {
        out += '\\t';
        continue;
      } else if (c < ' ') continue;
      out += c;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === ',') {
      let j = i + 1;
      while (j < text.length && /\s/.test(text[j] as string)) j++;
      if (text[j] === '}' || text[j] === ']') continue;
    }
    out += c;
  }
  return out;
}

/** Splits concatenated top-level values (`{...}{...}` or `{...}\n{...}`) that some CMSes emit. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{' || c === '[') {
      if (depth === 0) start = i;
      depth++;
    } else if ((c === '}' || c === ']') && depth > 0) {
      depth--;
      if (depth === 0 && start >= 0) parts.push(text.slice(start, i + 1));
    }
  }
  return parts;
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Parses a JSON-LD block the way browsers' authors wrote it, not the way JSON is specified: HTML comment
 * and CDATA wrappers removed, trailing commas and raw newlines tolerated, concatenated objects returned
 * as an array. Returns undefined when nothing parses.
 */
export function parseJsonLenient(text: string): unknown {
  const cleaned = text
    .replace(/(?:\/\/\s*)?<!\[CDATA\[/g, '')
    .replace(/(?:\/\/\s*)?\]\]>/g, '')
    .replace(/<!--|-->/g, '')
    .trim()
    .replace(/;+$/, '');
  if (!cleaned) return undefined;
  const direct = tryParse(cleaned);
  if (direct !== undefined) return direct;
  const repaired = repairJson(cleaned);
  const fixed = tryParse(repaired);
  if (fixed !== undefined) return fixed;
  const parts = splitTopLevel(repaired)
    .map(tryParse)
    .filter((v) => v !== undefined);
  if (parts.length === 0) return undefined;
  return parts.length === 1 ? parts[0] : parts;
}

// ---------------------------------------------------------------------------------------------------
// Small value helpers

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: ' ' };

/** Some CMSes HTML-escape the JSON they put in a script element; script text is never entity-decoded. */
function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code =
        e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** The text values of a JSON-LD property: strings, numbers, `{"@value": ...}`, arrays of those. */
function texts(v: unknown): string[] {
  const out: string[] = [];
  for (const item of asArray(v)) {
    if (typeof item === 'string' || typeof item === 'number') {
      const t = cleanText(decodeEntities(String(item)));
      if (t) out.push(t);
    } else if (isObj(item) && '@value' in item) {
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

const isProductNode = (node: Obj) => typeNames(node).some((t) => PRODUCT_TYPES.has(t));
const isGroupNode = (node: Obj) =>
  typeNames(node).includes('ProductGroup') || asArray(node.hasVariant).length > 0;

/** The GTIN inside a GS1 Digital Link URI (`https://id.gs1.org/01/09506000134352/10/ABC`), else null. */
export function gtinFromDigitalLink(value: string): string | null {
  if (!/^https?:\/\//i.test(value)) return null;
  const m = /\/01\/(\d{8,14})(?=[/?#]|$)/.exec(value);
  return m?.[1] ?? null;
}

/** A printed GTIN value, with a Digital Link URI reduced to its GTIN. */
function gtinValue(value: string): string {
  return gtinFromDigitalLink(value) ?? value;
}

/** `host + path` of a URL for "is this node about this page" comparisons. */
function pageKey(u: URL): string {
  return `${u.host.toLowerCase()}${u.pathname.replace(/\/+$/, '').toLowerCase()}`;
}

function toUrl(value: string | null, base: URL): URL | null {
  if (!value) return null;
  try {
    return new URL(value, base);
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------------
// Facts

class FactList {
  readonly facts: IdentityFact[] = [];
  constructor(private readonly source: IdentitySource) {}

  add(field: IdentityField, value: string | null | undefined, label?: string): void {
    const v = cleanText(value);
    if (!v) return;
    const fact: IdentityFact = { field, value: v, source: this.source };
    if (label) fact.label = label;
    this.facts.push(fact);
  }

  /** A "scheme:value" identifier (productID, identifier) routed by its scheme. */
  addPrefixed(value: string, label: string): boolean {
    const m = PREFIXED_ID.exec(value);
    if (!m?.[1] || !m[2]) return false;
    const scheme = m[1].toLowerCase();
    if (scheme === 'mpn' || scheme === 'model') this.add('model', m[2], `${label}:${scheme}`);
    else this.add('gtin', gtinValue(m[2].trim()), `${label}:${scheme}`);
    return true;
  }

  /** A name/value pair whose name is a label ("UPC", "Model", "Marke") from the shared alias table. */
  addLabelled(name: string, value: string): void {
    const kind = labelKind(name);
    if (kind === 'brand' || kind === 'manufacturer') this.add(kind, value, name);
    else if (kind === 'model' || kind === 'mpn') this.add('model', value, name);
    else if (kind === 'gtin') this.add('gtin', gtinValue(value), name);
  }
}

// ---------------------------------------------------------------------------------------------------
// JSON-LD

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
    if (!isObj(v)) return;
    const id = typeof v['@id'] === 'string' ? v['@id'] : null;
    if (id && Object.keys(v).some((k) => k !== '@id' && k !== '@type') && !this.byId.has(id))
      this.byId.set(id, v);
    for (const value of Object.values(v)) if (typeof value === 'object') this.index(value, depth + 1);
  }

  /** A node, or the node its bare `{"@id": ...}` reference points at. */
  resolve(v: unknown): unknown {
    if (!isObj(v)) return v;
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
    if (!isObj(node) || this.visited.has(node)) return;
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
      .filter(isObj);
  }

  /** Names of a brand/manufacturer/model value: a string, `{name}`, a reference, or an array of those. */
  names(v: unknown): string[] {
    const out: string[] = [];
    for (const item of asArray(v)) {
      const node = this.resolve(item);
      if (isObj(node)) out.push(...texts(node.name));
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
    if (isObj(id)) {
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
  if (!chosen) return { found: false, facts: [], variant: null, siteName: null };

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

// ---------------------------------------------------------------------------------------------------
// Microdata

const PRODUCT_ITEMTYPE =
  /(?:schema\.org|data-vocabulary\.org)\/(?:Product|ProductGroup|IndividualProduct|ProductModel|SomeProducts|Book|Vehicle|Car)\/?$/i;

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
  if (!scope) return { found: false, facts: [], variant: null, siteName: null };
  const out = new FactList('microdata');
  microdataProductFacts(itemProps(scope), out);
  return { found: true, facts: out.facts, variant: null, siteName: null };
}

// ---------------------------------------------------------------------------------------------------
// Open Graph and product:* meta

const META_FIELDS: Record<string, IdentityField> = {
  'og:title': 'title',
  'product:brand': 'brand',
  'og:brand': 'brand',
  'product:mfr_part_no': 'model',
  'product:upc': 'gtin',
  'product:ean': 'gtin',
  'product:gtin': 'gtin',
  'product:isbn': 'gtin',
  'og:upc': 'gtin',
  'og:ean': 'gtin',
  'og:isbn': 'gtin',
  'product:retailer_item_id': 'itemId',
};

/** Open Graph / Facebook catalogue meta: `og:type` product, `product:brand`, `product:upc` ... */
export function readMetaTags(doc: Document): StructuredData {
  const out = new FactList('meta');
  let isProduct = false;
  let hasIdentity = false;
  let siteName: string | null = null;
  // Some sites misuse `name=` for Open Graph keys, so both attributes are read.
  for (const meta of Array.from(doc.querySelectorAll('meta[property], meta[name]'))) {
    const key = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? '').trim().toLowerCase();
    const content = cleanText(meta.getAttribute('content'));
    if (!key || !content) continue;
    if (key === 'og:type') {
      if (/^(?:og:)?product(?:\.item|\.group)?$/i.test(content)) isProduct = true;
      continue;
    }
    if (key === 'og:site_name') {
      siteName ??= content;
      continue;
    }
    const field = META_FIELDS[key];
    if (!field) continue;
    if (field !== 'title' && field !== 'itemId') hasIdentity = true;
    out.add(field, field === 'gtin' ? gtinValue(content) : content, key);
  }
  const found = isProduct || hasIdentity;
  return { found, facts: found ? out.facts : [], variant: null, siteName };
}

// ---------------------------------------------------------------------------------------------------
// All layers

function identityKeys(facts: IdentityFact[]): Set<string> {
  const keys = new Set<string>();
  for (const f of facts) {
    if (f.field === 'title' || f.field === 'itemId' || f.field === 'model' || f.field === 'gtin') {
      keys.add(`${f.field}:${f.value.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')}`);
    }
  }
  return keys;
}

/**
 * Every structured layer of the page, merged: JSON-LD, then microdata, then meta tags (the builder
 * ranks facts by source anyway). When JSON-LD found a product, microdata is kept only if it shares a
 * title, item id, model or GTIN with it: themes often mark up recommendation tiles as Products too, and
 * their GTINs must not join the main product's.
 */
export function readStructuredData(doc: Document, url: URL): StructuredData {
  const jsonLd = readJsonLd(doc, url);
  const microdata = readMicrodata(doc, url);
  const meta = readMetaTags(doc);
  let micro = microdata.facts;
  if (jsonLd.found && microdata.found) {
    const keys = identityKeys(jsonLd.facts);
    if (![...identityKeys(micro)].some((k) => keys.has(k))) micro = [];
  }
  return {
    found: jsonLd.found || microdata.found || meta.found,
    facts: [...jsonLd.facts, ...micro, ...meta.facts],
    variant: jsonLd.variant,
    siteName: meta.siteName,
  };
}
