/**
 * Taobao and Tmall, one adapter: they share the item id (`item.htm?id=`), the `&skuId=` variant
 * parameter, the parameter vocabulary, the React layouts since 2022, the cart (cart.taobao.com) and the
 * order list (已买到的宝贝, buyertrade.taobao.com).
 *
 * Product pages, newest layout first where it matters:
 * - Tmall to 2021: `TShop.Setup({ itemDO: {itemId, brand, title}, valItemInfo: {skuList} })`, used only
 *   when its itemId is the URL's; parameters in `ul#J_AttrUL li` ("品牌: Lumora/路摩", "Lumora型号: X",
 *   the `title` attribute holding the value). These pages are often GBK: the browser decodes them; the
 *   CLI and the tests decode by the declared charset.
 * - Taobao to 2021: `g_config = {itemId, shopName}` (a literal with expressions: read by key),
 *   `Hub.config.set('sku', {valItemInfo: {skuMap, propertyMemoMap}})`, `ul.attributes-list li`.
 * - 2022–2023 React: `[class*="Attrs--attr--"]` items printed "品牌：X" (CSS-module hashes vary).
 * - 2024+: `[class*="emphasisParamsInfoItem--"]` (Title child = value, SubTitle = label) and
 *   `[class*="generalParamsInfoItem--"]` (Title = label, SubTitle = value): opposite orders.
 * Sellers fill 品牌 with "other/其他" and 型号 with colour names; the builder drops non-distinctive
 * models, and a brand made only of placeholders is dropped here.
 */
import { IdentityBuilder } from '../extract/identity-builder';
import { dig, jsField, scriptObject, scriptText } from '../extract/js-literal';
import {
  cleanText,
  factsFromPairs,
  isSentinelValue,
  type LabelPair,
  labelKind,
  normalizeLabel,
} from '../extract/labels';
import { readStructuredData } from '../extract/structured-data';
import type { PageType, ProductIdentity } from '../schemas';
import type { AdapterTestCase, ExtractResult, MarketplaceAdapter } from './adapter';

type Obj = Record<string, unknown>;

const ITEM_HOSTS = ['item.taobao.com', 'detail.tmall.com', 'detail.tmall.hk', 'chaoshi.detail.tmall.com'];
const HOSTS = [...ITEM_HOSTS, 'cart.taobao.com', 'buyertrade.taobao.com'];

function pageType(url: URL): PageType {
  const host = url.hostname;
  if (ITEM_HOSTS.includes(host))
    return url.pathname === '/item.htm' && /^\d+$/.test(url.searchParams.get('id') ?? '')
      ? 'product'
      : 'other';
  if (host === 'cart.taobao.com') return /^\/(?:cart\.htm)?$/.test(url.pathname) ? 'cart' : 'other';
  return url.pathname === '/trade/itemlist/list_bought_items.htm' ? 'orders' : 'other';
}

/**
 * A note in brackets after a model: "A2217 (电源适配器可选：A1695 输出: 5VDC 3A 或9VDC 2A)" (3C规格型号 on a
 * 2020 Tmall phone page) names the certified model first and the charger's after it. A bracket holding
 * Chinese text or a colon is such a note; "(ABC-12)" alone is part of the model and stays.
 */
const MODEL_NOTE = /\s*[(（][^)）]*[\p{Script=Han}:：][^)）]*(?:[)）].*)?$/u;

/** A pair; labels lose the U+3000 padding, and "other/其他"-style values count as empty. */
function pair(label: string | null | undefined, value: string | null | undefined): LabelPair | null {
  const printed = cleanText(label).replace(/[\s:：]+/gu, '');
  let v = cleanText(value);
  if (!printed || v.split('/').every(isSentinelValue)) return null;
  if (labelKind(printed) === 'model') v = v.replace(MODEL_NOTE, '') || v;
  return { label: printed, key: normalizeLabel(printed), value: v };
}

function specPairs(doc: Document): LabelPair[] {
  const out: Array<LabelPair | null> = [];
  // "label: value" items; the `title` attribute holds the untruncated value on the 2020 pages.
  for (const li of Array.from(
    doc.querySelectorAll('#J_AttrUL li, ul.attributes-list li, [class*="Attrs--attr--"]'),
  )) {
    const m = /^([^:：]{1,30})[:：](.*)$/su.exec(cleanText(li.textContent));
    if (m) out.push(pair(m[1], li.getAttribute('title') || m[2]));
  }
  for (const [item, valueFirst] of [
    ['[class*="emphasisParamsInfoItem--"]', true],
    ['[class*="generalParamsInfoItem--"]', false],
  ] as const) {
    for (const el of Array.from(doc.querySelectorAll(item))) {
      const title = el.querySelector('[class*="InfoItemTitle--"]');
      const sub = el.querySelector('[class*="InfoItemSubTitle--"]');
      const [label, value] = valueFirst ? [sub, title] : [title, sub];
      out.push(pair(label?.textContent, value?.getAttribute('title') || value?.textContent));
    }
  }
  return out.filter((p): p is LabelPair => p !== null);
}

/** The selected SKU's label: Tmall `skuList[].names`, else Taobao's `skuMap` path through `propertyMemoMap`. */
function variantOf(doc: Document, tshop: Obj | null, skuId: string): string | null {
  const list = dig(tshop, 'skuList');
  const named = (Array.isArray(list) ? (list as Obj[]) : []).find((s) => String(s?.skuId) === skuId);
  if (named) return cleanText(String(named.names ?? ''));
  const sku = scriptObject(doc, /Hub\.config\.set\(\s*['"]sku['"]\s*,/);
  const map = (dig(sku, 'skuMap') ?? {}) as Record<string, Obj>;
  const memo = (dig(sku, 'propertyMemoMap') ?? {}) as Record<string, string>;
  const path = Object.keys(map).find((k) => String(map[k]?.skuId) === skuId);
  const names = path?.split(';').flatMap((pv) => memo[pv] ?? []);
  return names?.length ? names.join(' / ') : skuId;
}

function extractProduct(doc: Document, url: URL): ExtractResult {
  const id = url.searchParams.get('id') ?? '';
  const tshop = scriptObject(doc, /TShop\.Setup\s*\(/);
  const itemDO = dig(tshop, 'itemDO') as Obj | undefined;
  const fresh = itemDO && String(itemDO.itemId) === id ? itemDO : undefined;
  const gConfig = scriptText(doc, /g_config\s*=/);
  const taobao = jsField(gConfig, 'itemId') === id;
  const titleEl = doc.querySelector(
    '.tb-detail-hd h1, h3.tb-main-title, [class*="ItemHeader--mainTitle"], [class*="mainTitle--"]',
  );
  // A slider captcha or login page at the item URL has no title block and no data for this item.
  if (!titleEl && !fresh && !taobao) return { pageType: 'other', items: [] };

  const b = new IdentityBuilder({ marketplace: 'taobao', pageType: 'product', url: url.href });
  b.add('itemId', id, 'url');
  b.add('title', fresh?.title, 'embedded-json', 'itemDO.title');
  const brand = String(fresh?.brand ?? '');
  if (!brand.split('/').every(isSentinelValue)) b.add('brand', brand, 'embedded-json', 'itemDO.brand');
  b.add('seller', taobao ? jsField(gConfig, 'shopName') : null, 'embedded-json', 'g_config.shopName');
  b.addFacts(readStructuredData(doc, url).facts.filter((f) => f.field !== 'itemId'));
  b.addFacts(factsFromPairs(specPairs(doc)));
  b.add('title', titleEl?.getAttribute('data-title') || titleEl?.textContent, 'title-text', 'mainTitle');
  b.add('title', doc.querySelector('title')?.textContent, 'title-text', 'title');
  b.add(
    'seller',
    doc.querySelector('.slogo-shopname strong, .tb-shop-name a, [class*="shopName--"]')?.textContent,
    'byline',
    'shopName',
  );
  const skuId = url.searchParams.get('skuId');
  if (skuId) b.setVariant(variantOf(doc, tshop, skuId));
  return { pageType: 'product', items: [b.build()] };
}

function line(url: URL, type: PageType, id: unknown, title: unknown, quantity: unknown): ProductIdentity {
  const b = new IdentityBuilder({ marketplace: 'taobao', pageType: type, url: url.href });
  b.add('itemId', id as string, 'embedded-json', 'item id');
  b.add('title', title as string, 'title-text', 'item title');
  b.setQuantity(String(quantity ?? ''));
  return b.build();
}

/** Cart rows (2016–2021 markup): `#J_OrderList .item-content`, title link, `.text-amount` quantity. */
function extractCart(doc: Document, url: URL): ExtractResult {
  const items: ProductIdentity[] = [];
  for (const row of Array.from(doc.querySelectorAll('#J_OrderList .item-content'))) {
    const link = row.querySelector('a.item-title');
    const id = /[?&]id=(\d+)/.exec(link?.getAttribute('href') ?? '')?.[1];
    if (!id || items.some((i) => i.itemId === id)) continue;
    items.push(
      line(url, 'cart', id, link?.textContent, row.querySelector('input.text-amount')?.getAttribute('value')),
    );
  }
  return { pageType: 'cart', items };
}

/**
 * 已买到的宝贝: the page embeds its orders as `var data = JSON.parse('…')`, `mainOrders[].subOrders[]`
 * with `itemInfo {id, title}` and `quantity`. The rendered rows add nothing the data lacks.
 */
function extractOrders(doc: Document, url: URL): ExtractResult {
  const data = scriptObject(doc, /var\s+data\s*=\s*JSON\.parse\(/);
  const items: ProductIdentity[] = [];
  for (const order of (dig(data, 'mainOrders') ?? []) as Obj[]) {
    for (const sub of (order?.subOrders ?? []) as Obj[]) {
      const info = (sub?.itemInfo ?? {}) as Obj;
      const id = String(info.id ?? '');
      if (/^\d+$/.test(id) && !items.some((i) => i.itemId === id))
        items.push(line(url, 'orders', id, info.title, sub.quantity));
    }
  }
  return { pageType: 'orders', items };
}

const taobao: MarketplaceAdapter = {
  id: 'taobao',
  name: 'Taobao / Tmall',
  countries: ['CN', 'HK'],
  matches: HOSTS.map((host) => `https://${host}/*`),
  claims: (url) => url.protocol === 'https:' && HOSTS.includes(url.hostname),
  pageType,
  extract(doc, url) {
    const type = pageType(url);
    if (type === 'product') return extractProduct(doc, url);
    if (type === 'cart') return extractCart(doc, url);
    if (type === 'orders') return extractOrders(doc, url);
    return { pageType: 'other', items: [] };
  },
  // The SKU picker and parameter blocks: `#J_DetailMeta` (Tmall to 2021), `#J_isku` (Taobao), `#root` (React).
  observeSelectors: ['#J_DetailMeta', '#J_isku', '#root'],
  // Cart and order lines carry only the item id. item.taobao.com/item.htm?id= is the one address for
  // both: a Tmall item redirects to detail.tmall.com/item.htm?id=, so both hosts are listed (the
  // background checks where the redirect lands). Both are other origins than cart.taobao.com and
  // buyertrade.taobao.com, so the background reads them.
  productUrl: (id) => (/^\d{6,15}$/.test(id) ? `https://item.taobao.com/item.htm?id=${id}` : null),
  productHosts: ['item.taobao.com', 'detail.tmall.com'],
};

export default taobao;

export const testCases: AdapterTestCase[] = [
  {
    name: 'reads the recalled demo hand warmer from a GBK Tmall page with a brand-prefixed model label',
    url: 'https://detail.tmall.com/item.htm?id=700000000001',
    fixture: 'taobao/tmall-gbk.html',
    expectPageType: 'product',
    expectItems: [
      {
        itemId: '700000000001',
        title: 'Lumora路摩 充电暖手宝 LM-HW5000 便携双面发热 5000毫安',
        brand: 'Lumora/路摩',
        models: ['LM-HW5000'],
        gtins: [],
        seller: 'lumora路摩旗舰店',
      },
    ],
  },
  {
    name: 'reads a Taobao C2C page whose brand is a placeholder and whose 型号 is a colour',
    url: 'https://item.taobao.com/item.htm?spm=a1z10.1-c.w4004-1.2.3a4b&id=612345678901&skuId=4811111111111',
    fixture: 'taobao/taobao-2020.html',
    expectPageType: 'product',
    expectItems: [
      {
        itemId: '612345678901',
        title: '实木儿童踏步凳 宝宝洗手垫脚凳 厨房学习站台',
        brand: null,
        models: ['TS-2088'],
        seller: '木木童家居小店',
      },
    ],
  },
  {
    name: 'reads a 2024 Tmall layout whose two parameter blocks use opposite label orders',
    url: 'https://detail.tmall.com/item.htm?id=700000000002&skuId=5200000000002',
    fixture: 'taobao/tmall-2024.html',
    expectPageType: 'product',
    expectItems: [
      {
        itemId: '700000000002',
        title: 'Kettlebrook儿童学习塔 CozyNest踏步凳 KB-TS100 原木色',
        brand: 'Kettlebrook',
        manufacturer: '杭州凯特布鲁克家居用品有限公司',
        models: ['KB-TS100'],
        seller: 'kettlebrook旗舰店',
      },
    ],
  },
  {
    name: 'lists the cart rows with quantities',
    url: 'https://cart.taobao.com/cart.htm?spm=a21bo.jianhua.1997525049.1.5af911d9',
    fixture: 'taobao/cart.html',
    expectPageType: 'cart',
    expectItems: [
      { itemId: '700000000001', title: 'Lumora路摩 充电暖手宝 LM-HW5000 便携双面发热 5000毫安' },
      { itemId: '612345678901', title: '实木儿童踏步凳 宝宝洗手垫脚凳 厨房学习站台' },
    ],
  },
  {
    name: 'lists the items of 已买到的宝贝 from the embedded order data',
    url: 'https://buyertrade.taobao.com/trade/itemlist/list_bought_items.htm?spm=a1z09.2.a2109.d1000368',
    fixture: 'taobao/orders.html',
    expectPageType: 'orders',
    expectItems: [
      { itemId: '700000000001', title: 'Lumora路摩 充电暖手宝 LM-HW5000 便携双面发热 5000毫安' },
      { itemId: '700000000002', title: 'Kettlebrook儿童学习塔 CozyNest踏步凳 KB-TS100 原木色' },
    ],
  },
  {
    name: 'treats a Tmall Global item as a product page',
    url: 'https://detail.tmall.hk/item.htm?id=700000000009',
    expectPageType: 'product',
  },
  {
    name: 'does not treat an item URL without an id as a product page',
    url: 'https://item.taobao.com/item.htm?spm=a1z10.1-c',
    expectPageType: 'other',
  },
  {
    name: 'does not treat a trade snapshot as the order list',
    url: 'https://buyertrade.taobao.com/trade/detail/trade_item_detail.htm?bizOrderId=123',
    expectPageType: 'other',
  },
];
