/**
 * Brand names. The same brand arrives as "Visit the Gorilla Store", "HARPPA, Inc., of Denver, Colorado",
 * "Southern Telecom Inc." or "Apple/苹果"; the key keeps only what names the brand. Brand equality alone
 * never makes a match (the matcher needs a GTIN or a model too); it confirms or vetoes one.
 */

const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060\ufeff\u00ad]/g;

/** Marketplace byline wrappers around a brand, by locale. */
const BYLINE_WRAPPERS: RegExp[] = [
  /^visit the (.+?) store$/i,
  /^brand:\s*(.+)$/i,
  /^marke:\s*(.+)$/i,
  /^marque\s*:\s*(.+)$/i,
  /^marca:\s*(.+)$/i,
  /^besuchen sie den (.+?)-store$/i,
  /^besuche den (.+?)-store$/i,
  /^visitez la boutique (.+)$/i,
  /^visita la tienda de (.+)$/i,
  /^visita lo store di (.+)$/i,
  /^ブランド[:：]\s*(.+)$/,
  /^(.+?)のストアを表示$/,
];

/** Legal-form suffixes removed from the end of a company name (applied repeatedly). */
const CORPORATE_SUFFIX =
  /[\s,]+(?:inc|incorporated|llc|l\.l\.c|ltd|limited|co|company|corp|corporation|gmbh|ag|kg|sa|sas|sarl|srl|spa|bv|nv|plc|pty|pte|oy|ab|as|kk|lp|llp|s\.a|s\.r\.l|s\.p\.a|b\.v|n\.v)\.?$/i;
const CHINESE_SUFFIX =
  /(?:股份有限公司|有限责任公司|有限公司|集团|公司|官方旗舰店|旗舰店|专卖店|专营店|品牌|株式会社|有限会社)$/;

/** Values that are not a brand at all. */
const SENTINELS = new Set([
  'na',
  'none',
  'unknown',
  'generic',
  'unbranded',
  'nobrand',
  'other',
  'doesnotapply',
  'notapplicable',
  'nicht zutreffend',
  'keine angabe',
  'nincs',
  '其他',
  '无',
  '无品牌',
  '其它',
  '不适用',
]);

/** Strips a marketplace byline wrapper: "Visit the Gorilla Store" → "Gorilla". */
export function stripByline(text: string): string {
  const t = text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
  for (const re of BYLINE_WRAPPERS) {
    const m = re.exec(t);
    if (m?.[1]) return m[1].trim();
  }
  return t;
}

/**
 * Cuts a firm description down to its name: "HARPPA, Inc., of Denver, Colorado" → "HARPPA, Inc.";
 * "X Co., Ltd., dba Enhomee-Direct, of China" → "X Co., Ltd." (the dba name is a separate alias).
 */
export function firmName(text: string): string {
  return text
    .replace(/,?\s+(?:doing business as|d\/b\/a|dba)\s+.*$/i, '')
    .replace(/,?\s+of\s+[A-Z][^,]*(?:,\s*[A-Z][^,]*)*$/, '')
    .trim();
}

/** The "dba"/"doing business as" names inside a firm description. */
export function dbaNames(text: string): string[] {
  const out: string[] = [];
  const re = /(?:doing business as|d\/b\/a|\bdba)\s+([^,;()]+?)(?=,|;|\)|\s+of\s+[A-Z]|$)/gi;
  for (const m of text.matchAll(re)) {
    if (m[1]) out.push(m[1].trim());
  }
  return out;
}

/**
 * The comparison key of a brand: byline and legal suffixes removed, NFKC, lower case, letters and digits
 * only (CJK kept). Returns null for sentinels such as "Generic", "N/A", 其他 or Hungarian "nincs".
 */
export function brandKey(brand: string): string | null {
  let s = stripByline(brand.normalize('NFKC'));
  s = s.replace(/[（(][^）)]*[）)]\s*$/, '').trim();
  let previous = '';
  while (previous !== s) {
    previous = s;
    s = s.replace(CORPORATE_SUFFIX, '').replace(CHINESE_SUFFIX, '').trim();
  }
  const key = s
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^\p{L}\p{N}]+/gu, '');
  if (!key || SENTINELS.has(key) || SENTINELS.has(s.toLowerCase())) return null;
  return key;
}

/** A listed brand can hold aliases: Tmall's "Apple/苹果" is two names of one brand. */
export function brandAliases(brand: string): string[] {
  const parts = brand.includes('/') ? brand.split('/') : [brand];
  const keys = parts.map((p) => brandKey(p)).filter((k): k is string => k !== null);
  return [...new Set(keys)];
}

/**
 * Whether two brand names can name the same brand. Equal keys, an alias in common, or one key being a
 * word-boundary prefix of the other ("gorilla" vs "gorillaglue") count as compatible.
 */
export function brandsCompatible(a: string, b: string): boolean {
  const ka = brandAliases(a);
  const kb = brandAliases(b);
  for (const x of ka) {
    for (const y of kb) {
      if (x === y) return true;
      const [short, long] = x.length <= y.length ? [x, y] : [y, x];
      if (short.length >= 4 && long.startsWith(short)) return true;
    }
  }
  return false;
}

/** Cleans a printed brand for display: byline stripped, whitespace collapsed; null for sentinels. */
export function cleanBrand(brand: string): string | null {
  const s = stripByline(brand.normalize('NFKC')).trim();
  return brandKey(s) ? s : null;
}
