/**
 * The word lists of the title rule (title-similarity.ts): words that name no product, words that make a
 * title an accessory, words too common to key on, and the noise cut out of CJK titles. They are data,
 * kept apart from the rule so the rule reads as logic and a list can grow without touching it.
 *
 * Every list holds folded forms, as `readTitle` gives them (lower case, apostrophes dropped, a plain
 * English plural made singular). Changing a list changes index keys (keys.ts files a recall under its
 * first title tokens), so a change here calls for a new KEY_RULES_VERSION.
 */

/**
 * A set of whitespace-separated words, so a group of short words reads as one line. Calls are marked
 * pure: content scripts import the title rule's token order (keys.ts, explain.ts) but not these lists,
 * and the bundler may drop an unused list only when building it has no side effect.
 */
const wordSet = (...groups: string[]): ReadonlySet<string> =>
  new Set(groups.flatMap((group) => group.trim().split(/\s+/)));

/** Quantities, colours and shop words in CJK titles, cut out before bigrams are taken. */
export const CJK_NOISE = /* @__PURE__ */ new RegExp(
  [
    // 5000毫安, 500毫升, 3件装, 12寸 (the digits would be dropped anyway; the unit would leave a bigram)
    String.raw`\d+(?:\.\d+)?\s*(?:毫安时?|毫升|升|千克|公斤|克|斤|件装?|个装?|只装?|片装?|支装?|包|盒|瓶|支|寸|英寸|厘米|毫米|米|码|瓦|伏|人份|岁)`,
    // colours: 白色, 原木色, 玫瑰金色, 深灰色
    '(?:深|浅|亮|哑光)?(?:白|黑|红|蓝|绿|黄|粉|紫|灰|银|金|棕|橙|米|青|咖啡|原木|卡其|藏青|香槟|玫瑰金|透明)色',
    // shop words: new, genuine, free shipping, flagship, hot, official, limited
    '新款|正品|包邮|官方|旗舰|爆款|热卖|现货|特价|促销|限量|同款|升级版?|新品|专用',
  ].join('|'),
  'gu',
);

/** Words that carry no product: function words (English, French, German), shop and packaging words. */
export const STOP_WORDS = /* @__PURE__ */ wordSet(
  // English function words
  'a an the and or for of with without in on to by from at as is are it its this that your our',
  'my you up all per plus amp',
  // French and German function words (RappelConso, Amazon .fr/.de)
  'de du des la le les et en pour avec un une au aux',
  'der die das und mit für fur von zu im ein eine',
  // marketing and listing words
  'new sale best seller premium quality original genuine authentic official brand branded',
  'edition version style model type size gift gifts shipping upgraded upgrade latest great',
  'perfect ideal item product recalled recall genre marke marque',
  // legal forms, which a firm name in the product name brings along ("Kettlebrook Home Goods, LLC")
  'inc incorporated llc ltd limited corp corporation company co gmbh pty plc sarl srl',
  // brand placeholders, which name no brand and so are not stripped as one
  'generic unbranded oem',
  // packaging and counts (the number itself has a digit and is dropped already)
  'pack pk pcs pc piece count ct bundle pair lot assorted various',
  // units and clothing sizes
  'oz fl ml cl ltr liter litre lb pound ounce kg mg mm cm inch ft feet foot mah qt quart gal',
  'gallon xs xl xxl xxxl small medium large',
  // colours (a variant, not a product)
  'black white grey gray red blue green yellow pink purple orange brown beige silver gold navy',
  'ivory cream natural charcoal teal tan khaki clear transparent multicolor multicolour multi',
  'color colour noir blanc rouge bleu vert schwarz weiß weiss rot blau grün',
);

/**
 * Words that make a title an accessory or part of the product rather than the product: a title that
 * has one the notice lacks ("Replacement Cable for …") is not the recalled item, however many words
 * of the notice it repeats.
 */
export const ACCESSORY_WORDS = /* @__PURE__ */ wordSet(
  'replacement spare part accessory compatible case cover cable charger adapter adaptor refill',
  'protector skin sleeve pouch decal sticker',
);

/**
 * Words that many products of one brand share: audiences, materials, power sources, build and style
 * adjectives. They count in the similarity like any word, but are the last choice for an index key: a
 * key pairs the brand with one word, and "acme kid" would bring up every children's product of a brand
 * with hundreds of recalls, while "acme cozynest" brings up one line.
 */
export const COMMON_WORDS = /* @__PURE__ */ wordSet(
  // audiences
  'kid children child baby infant toddler adult men women boy girl unisex',
  // materials
  'wooden wood plastic metal steel stainless glass cotton leather silicone bamboo',
  // power sources
  'electric rechargeable cordless wireless battery solar usb led',
  // build and style
  'portable foldable folding adjustable waterproof outdoor indoor deluxe compact mini heavy duty',
  'smart digital automatic manual classic home kitchen travel soft safety organic',
);
