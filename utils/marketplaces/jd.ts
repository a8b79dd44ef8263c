/**
 * JD.com (item.jd.com, item.jd.hk / npcitem.jd.hk for JD Worldwide, cart.jd.com, order.jd.com).
 * The number in `item.jd.com/<n>.html` is the SKU id (商品编号): every colour and
 * size is its own SKU and page, so it is the item id.
 *
 * Product pages: `var pageConfig = { product: { skuid, name, brand (a numeric id, not a name),
 * colorSize } }` is read first, and only when its skuid is the URL's (a page swapped in place keeps the
 * first SKU's config). Brand, model and 货号 come from the labelled lists, scoped to their sections:
 * recommendation modules (`#choose-recommend`, 猜你喜欢, 店铺热卖) list other SKUs and brands.
 *
 * Cart and orders: one identity per line (SKU, title, quantity); lines carry no brand or model, so each
 * line's item page is read for them (`productUrl`, fetched by the background: another origin).
 */
import { IdentityBuilder } from '../extract/identity-builder';
import { dig, scriptObject } from '../extract/js-literal';
import { cleanText, factsFromPairs, type LabelPair, normalizeLabel } from '../extract/labels';
import { readStructuredData } from '../extract/structured-data';
import type { PageType, ProductIdentity } from '../schemas';
import type { AdapterTestCase, ExtractResult, MarketplaceAdapter } from './adapter';

const ITEM_HOSTS = ['item.jd.com', 'item.jd.hk', 'npcitem.jd.hk'];
const HOSTS = [...ITEM_HOSTS, 'cart.jd.com', 'order.jd.com'];
const SKU_PATH = /^\/(\d{5,15})\.html$/;

function pageType(url: URL): PageType {
  const host = url.hostname;
  const path = url.pathname;
  if (ITEM_HOSTS.includes(host)) return SKU_PATH.test(path) ? 'product' : 'other';
  // cart.action (to 2020) and cart_index (2021+); addToCart.html is the "added" interstitial.
  if (host === 'cart.jd.com') return /^\/(?:cart\.action|cart_index\/?)?$/.test(path) ? 'cart' : 'other';
  // 我的订单
  if (host === 'order.jd.com') return /^\/center\/list\.action$/.test(path) ? 'orders' : 'other';
  return 'other';
}

/** A label/value pair; Chinese labels are padded with U+3000 to align them ("品　　牌"). */
function pair(label: string | null | undefined, value: string | null | undefined): LabelPair | null {
  const printed = cleanText(label).replace(/[\s:：]+/gu, '');
  const v = cleanText(value);
  return printed && v ? { label: printed, key: normalizeLabel(printed), value: v } : null;
}

/**
 * Label/value pairs of the product's own parameter sections:
 * - 商品介绍 `ul.parameter2 li` ("货号：KB-TS100", the `title` holds the full value) and the brand list
 *   `#parameter-brand li[title]` (classic layout, to 2023);
 * - 规格与包装 `.Ptable-item dl`: `dt` label, value in the first `dd` that is not `.Ptable-tips` (the
 *   question-mark explanation that sits between some labels and their value);
 * - 2024+ layout: `.item` rows with `.name` (or `.text`) and `.value`.
 */
function specPairs(doc: Document): LabelPair[] {
  const out: Array<LabelPair | null> = [];
  for (const li of Array.from(doc.querySelectorAll('#detail .p-parameter li, #parameter-brand li'))) {
    const m = /^([^:：]{1,20})[:：](.*)$/su.exec(cleanText(li.textContent));
    if (m) out.push(pair(m[1], li.getAttribute('title') || m[2]));
  }
  for (const dt of Array.from(doc.querySelectorAll('.Ptable dt'))) {
    let dd = dt.nextElementSibling;
    while (dd?.classList.contains('Ptable-tips')) dd = dd.nextElementSibling;
    if (dd?.tagName === 'DD') out.push(pair(dt.textContent, dd.textContent));
  }
  for (const value of Array.from(doc.querySelectorAll('.item > .value'))) {
    out.push(pair(value.parentElement?.querySelector('.name, .text')?.textContent, value.textContent));
  }
  return out.filter((p): p is LabelPair => p !== null);
}

function extractProduct(doc: Document, url: URL): ExtractResult {
  const sku = SKU_PATH.exec(url.pathname)?.[1] ?? '';
  const product = dig(scriptObject(doc, /var\s+pageConfig\s*=/), 'product') as
    | Record<string, unknown>
    | undefined;
  const fresh = product && String(product.skuid) === sku ? product : undefined;
  // Classic `.sku-name` (to 2023), 2024+ `.sku-title-name` / `#sku-name-container`.
  const titleEl = doc.querySelector('.sku-name, .sku-title-name, #sku-name-container, #name h1');
  // A login wall, captcha or "商品已下柜" page carries neither the title block nor this SKU's config.
  if (!titleEl && !fresh) return { pageType: 'other', items: [] };

  const b = new IdentityBuilder({ marketplace: 'jd', pageType: 'product', url: url.href });
  b.add('itemId', sku, 'url');
  b.add('title', fresh?.name, 'embedded-json', 'pageConfig.product.name');
  b.addFacts(readStructuredData(doc, url).facts.filter((f) => f.field !== 'itemId'));
  const pairs = specPairs(doc);
  b.addFacts(factsFromPairs(pairs));
  // The 2024+ layout links the brand to its search filter.
  b.add(
    'brand',
    doc.querySelector('#detail a[href*="ev=exbrand"], .item a[href*="ev=exbrand"]')?.textContent,
    'spec-table',
    'exbrand',
  );
  b.add('title', titleEl?.textContent, 'title-text', 'sku-name');
  b.add('title', doc.querySelector('title')?.textContent, 'title-text', 'title');
  b.add(
    'seller',
    doc.querySelector('.seller-infor a.name, .J-hove-wrap .name a, .top-name-tag .top-name')?.textContent,
    'byline',
    'shop',
  );

  // colorSize lists every sibling SKU with its dimension values ({skuId, 颜色, 尺码 ...}).
  const sibling = (Array.isArray(fresh?.colorSize) ? fresh.colorSize : []).find(
    (c: Record<string, unknown>) => String(c?.skuId) === sku,
  ) as Record<string, unknown> | undefined;
  if (sibling) {
    b.setVariant(
      Object.entries(sibling)
        .filter(([k]) => k !== 'skuId')
        .map(([, v]) => v)
        .join(' / '),
    );
  }
  return { pageType: 'product', items: [b.build()] };
}

/** The SKU in an item link (`//item.jd.com/100012345678.html`). */
function skuOf(href: string | null | undefined): string | null {
  return /item\.jd\.(?:com|hk)\/(\d+)\.html/.exec(href ?? '')?.[1] ?? null;
}

function lines(
  doc: Document,
  url: URL,
  type: 'cart' | 'orders',
  rows: string,
  read: (row: Element) => [string | null, Element | null, string | null | undefined],
): ExtractResult {
  const items: ProductIdentity[] = [];
  const seen = new Set<string>();
  for (const row of Array.from(doc.querySelectorAll(rows))) {
    const [sku, link, quantity] = read(row);
    if (!sku || seen.has(sku)) continue;
    seen.add(sku);
    const b = new IdentityBuilder({ marketplace: 'jd', pageType: type, url: url.href });
    b.add('itemId', sku, 'embedded-json', type === 'cart' ? 'skuid' : 'goods-item');
    b.add('title', link?.getAttribute('title') || link?.textContent, 'title-text', 'p-name');
    b.setQuantity(quantity?.replace(/\D/g, ''));
    items.push(b.build());
  }
  return { pageType: type, items };
}

const jd: MarketplaceAdapter = {
  id: 'jd',
  name: 'JD.com',
  countries: ['CN', 'HK'],
  matches: HOSTS.map((host) => `https://${host}/*`),
  claims: (url) => url.protocol === 'https:' && HOSTS.includes(url.hostname),
  pageType,
  extract(doc, url) {
    switch (pageType(url)) {
      case 'product':
        return extractProduct(doc, url);
      case 'cart':
        // Cart rows (2020 cart.action markup): `div.item-item[skuid][num]`; the recommendations below
        // the cart are plain `li` tiles. A gift line inside a row has no `skuid` of its own.
        return lines(doc, url, 'cart', '.item-item[skuid]', (row) => [
          row.getAttribute('skuid'),
          row.querySelector('.p-name a'),
          row.getAttribute('num') ?? row.querySelector('.quantity-form input')?.getAttribute('value'),
        ]);
      case 'orders':
        // 我的订单: `table.order-tb` bodies, one `.goods-item.p-<sku>` per ordered SKU, its quantity
        // ("x2") in the `.goods-number` beside it.
        return lines(doc, url, 'orders', '.order-tb .goods-item', (row) => {
          const link = row.querySelector('.p-name a');
          return [
            /\bp-(\d+)\b/.exec(row.className)?.[1] ?? skuOf(link?.getAttribute('href')),
            link,
            row.parentElement?.querySelector('.goods-number')?.textContent,
          ];
        });
      default:
        return { pageType: 'other', items: [] };
    }
  },
  // Variant choices and the parameter tabs; the 2024+ layout swaps them in place.
  observeSelectors: ['.product-intro', '#detail'],
  // Cart and order lines carry only the SKU; its page is item.jd.com/<sku>.html, another origin than
  // cart.jd.com and order.jd.com, so the background reads it. A JD Worldwide SKU redirects to
  // npcitem.jd.hk, which is not on the list: that line stays as the cart shows it.
  productUrl: (sku) => (/^\d{5,15}$/.test(sku) ? `https://item.jd.com/${sku}.html` : null),
  productHosts: ['item.jd.com'],
};

export default jd;

export const testCases: AdapterTestCase[] = [
  {
    name: 'reads the recalled demo step stool from the classic layout without the recommended products',
    url: 'https://item.jd.com/100012345678.html',
    fixture: 'jd/product-classic.html',
    expectPageType: 'product',
    expectItems: [
      {
        itemId: '100012345678',
        title: 'Kettlebrook 儿童学习塔 CozyNest 踏步凳 KB-TS100',
        brand: 'Kettlebrook',
        manufacturer: '杭州凯特布鲁克家居用品有限公司',
        models: ['KB-TS100'],
        gtins: [],
        seller: 'Kettlebrook京东自营旗舰店',
      },
    ],
  },
  {
    name: 'reads a 2024 layout page whose config is stale after an in-place SKU swap',
    url: 'https://item.jd.com/100055501234.html',
    fixture: 'jd/product-2024.html',
    expectPageType: 'product',
    expectItems: [
      {
        itemId: '100055501234',
        title: 'Lumora 充电暖手宝 LM-HW5000 双面发热 白色',
        brand: 'Lumora/路摩',
        models: ['LM-HW5000', 'LMHW5000-WH'],
        gtins: ['06901234567892'],
        seller: 'Lumora路摩官方旗舰店',
      },
    ],
  },
  {
    name: 'lists the cart rows by SKU with quantities and skips the recommendations',
    url: 'https://cart.jd.com/cart_index',
    fixture: 'jd/cart.html',
    expectPageType: 'cart',
    expectItems: [
      { itemId: '100012345678', title: 'Kettlebrook 儿童学习塔 CozyNest 踏步凳 KB-TS100' },
      { itemId: '100055501234', title: 'Lumora 充电暖手宝 LM-HW5000 双面发热 白色' },
    ],
  },
  {
    name: 'lists the ordered SKUs of 我的订单',
    url: 'https://order.jd.com/center/list.action?search=0&d=2&s=4096',
    fixture: 'jd/orders.html',
    expectPageType: 'orders',
    expectItems: [
      { itemId: '100012345678', title: 'Kettlebrook 儿童学习塔 CozyNest 踏步凳 KB-TS100' },
      { itemId: '100023456789', title: '禾木 婴儿硅胶围兜 三件装' },
    ],
  },
  {
    name: 'returns nothing for a login wall served at an item URL',
    url: 'https://item.jd.com/100012345678.html',
    fixture: 'jd/login-wall.html',
    expectPageType: 'other',
    expectItems: [],
  },
  {
    name: 'treats a JD Worldwide item as a product page',
    url: 'https://npcitem.jd.hk/100031234567.html',
    expectPageType: 'product',
  },
  {
    name: 'treats cart.action as a cart page',
    url: 'https://cart.jd.com/cart.action',
    expectPageType: 'cart',
  },
  {
    name: 'does not treat the added-to-cart interstitial as a cart page',
    url: 'https://cart.jd.com/addToCart.html?rcd=1&pid=100012345678&pc=1',
    expectPageType: 'other',
  },
  {
    name: 'does not treat an item comment page as a product page',
    url: 'https://item.jd.com/comments/100012345678.html',
    expectPageType: 'other',
  },
];
