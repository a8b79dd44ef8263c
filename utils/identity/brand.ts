/**
 * Brand names. The same brand arrives as "Visit the Gorilla Store", "HARPPA, Inc., of Denver, Colorado",
 * "Southern Telecom Inc." or "Apple/苹果"; the key keeps only what names the brand. Brand equality alone
 * never makes a match (the matcher needs a GTIN or a model too); it confirms or vetoes one.
 *
 * A brand is handled as a list of words ("gorilla", "glue") so that compatibility can respect word
 * boundaries: "Gorilla" fits "Gorilla Glue", but "Apple" does not fit "Applebee's".
 */
import { BRAND_ALIAS_GROUPS } from './brand-aliases';

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
  /^品牌[:：]\s*(.+)$/,
];

/** Legal-form suffixes removed from the end of a company name (applied repeatedly). */
const CORPORATE_SUFFIX =
  /[\s,]+(?:inc|incorporated|llc|l\.l\.c|ltd|limited|co|company|corp|corporation|gmbh|ag|kg|sa|sas|sarl|srl|spa|bv|nv|plc|pty|pte|oy|ab|as|kk|lp|llp|s\.a|s\.r\.l|s\.p\.a|b\.v|n\.v)\.?$/i;
const CHINESE_SUFFIX =
  /(?:股份有限公司|有限责任公司|有限公司|集团|公司|官方旗舰店|旗舰店|专卖店|专营店|品牌|株式会社|有限会社)$/;
/** Japanese legal forms also come first: 株式会社ニトリ. */
const JAPANESE_PREFIX = /^(?:株式会社|有限会社)\s*/;
/**
 * Chinese firm names start with the registering city or province (珠海格力电器, 青岛海尔); the trade
 * name follows. Only the common ones are listed; the prefix is removed only when a name remains.
 */
const CHINESE_REGION =
  /^(?:中国|北京|上海|天津|重庆|深圳|广州|珠海|佛山|东莞|中山|惠州|汕头|杭州|宁波|温州|义乌|金华|台州|苏州|无锡|常州|南京|南通|青岛|济南|烟台|厦门|福州|泉州|武汉|长沙|成都|西安|郑州|合肥|香港|台湾|广东|浙江|江苏|福建|山东|河北|河南|湖北|湖南|安徽|四川|江西|辽宁)(?:市|省)?/;
/**
 * The same city and province prefixes in pinyin, as importers print them in CPSC notices ("Shenzhen X
 * Technology Co., Ltd."). Removed only when another word remains; both sides of a comparison lose them,
 * so "Shanghai Tang" still equals itself.
 */
const PINYIN_REGIONS = new Set([
  'china',
  'beijing',
  'shanghai',
  'tianjin',
  'chongqing',
  'shenzhen',
  'guangzhou',
  'zhuhai',
  'foshan',
  'dongguan',
  'zhongshan',
  'huizhou',
  'shantou',
  'hangzhou',
  'ningbo',
  'wenzhou',
  'yiwu',
  'jinhua',
  'taizhou',
  'suzhou',
  'wuxi',
  'changzhou',
  'nanjing',
  'nantong',
  'qingdao',
  'jinan',
  'yantai',
  'xiamen',
  'fuzhou',
  'quanzhou',
  'wuhan',
  'changsha',
  'chengdu',
  'xian',
  'zhengzhou',
  'hefei',
  'guangdong',
  'zhejiang',
  'jiangsu',
  'fujian',
  'shandong',
  'hebei',
  'henan',
  'hubei',
  'hunan',
  'anhui',
  'sichuan',
  'jiangxi',
  'liaoning',
]);
/** Han, kana and hangul: names in these scripts have no spaces, so prefixes are compared by character. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** Keys of values that are not a brand at all ("Generic", "No brand", Hungarian "nincs", 其他). */
const SENTINELS = new Set([
  'na',
  'none',
  'unknown',
  'generic',
  'unbranded',
  'nobrand',
  'nobrands',
  'oem',
  'other',
  'others',
  'doesnotapply',
  'notapplicable',
  'nichtzutreffend',
  'keineangabe',
  'ohnemarke',
  'sansmarque',
  'sinmarca',
  'senzamarca',
  'nincs',
  'ノーブランド',
  'ノーブランド品',
  '其他',
  '其它',
  '无',
  '无品牌',
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
 * The "of <place>" tail is only cut after a comma or a legal form, so "Bank of America" and
 * "The Land of Nod, of Northbrook, Ill." keep the "of" inside their names.
 */
export function firmName(text: string): string {
  return text
    .replace(/,?\s+(?:doing business as|d\/b\/a|dba)\b.*$/i, '')
    .replace(
      /(?:,|(?<=\b(?:[Ii]nc|LLC|[Ll]td|Co|Corp|Limited|GmbH)\.?))\s+of\s+(?:the\s+)?[A-Z][^,]*(?:,\s*[A-Z][^,]*)*$/,
      '',
    )
    .trim();
}

/** The "dba"/"doing business as" names inside a firm description, without surrounding quotes. */
export function dbaNames(text: string): string[] {
  const out: string[] = [];
  const re = /(?:doing business as|d\/b\/a|\bdba)\b[\s:]+([^,;()]+?)(?=,|;|\)|\s+of\s+[A-Z]|$)/gi;
  for (const m of text.matchAll(re)) {
    const name = m[1]?.replace(/^["'“”‘’]+|["'“”‘’]+$/g, '').trim();
    if (name) out.push(name);
  }
  return out;
}

/** Removes wrappers, parentheticals, legal forms and city prefixes, leaving the name as printed. */
function bareName(brand: string): string {
  let s = stripByline(brand.normalize('NFKC'))
    .replace(/[（(][^（()）]*[）)]/g, ' ')
    .replace(JAPANESE_PREFIX, '')
    .replace(/^the\s+/i, '')
    .trim();
  let previous = '';
  while (previous !== s) {
    previous = s;
    s = s
      .replace(CORPORATE_SUFFIX, '')
      .replace(CHINESE_SUFFIX, '')
      // "X GmbH & Co. KG" leaves a dangling "&" once the legal forms are gone.
      .replace(/[\s,;:&+\-–—]+$/, '')
      .trim();
  }
  const withoutRegion = s.replace(CHINESE_REGION, '');
  return withoutRegion.length >= 2 && CJK.test(withoutRegion) ? withoutRegion : s;
}

/**
 * The words of a brand name: lower case, letters and digits only ("Applebee's" is one word, "&" reads
 * "and"). Returns null for sentinels such as "Generic", "N/A", 其他 or Hungarian "nincs".
 */
export function brandWords(brand: string): string[] | null {
  const words = bareName(brand)
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’`]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
  if (words.length > 1 && PINYIN_REGIONS.has(words[0] as string)) words.shift();
  const key = words.join('');
  if (!key || SENTINELS.has(key)) return null;
  return words;
}

/**
 * The comparison key of a brand: byline and legal suffixes removed, NFKC, lower case, letters and digits
 * only (CJK kept). Returns null for sentinels.
 */
export function brandKey(brand: string): string | null {
  return brandWords(brand)?.join('') ?? null;
}

/** Alias table rows as word lists, by the key of each of their names. */
let aliasIndex: Map<string, string[][]> | null = null;
function aliasGroupOf(key: string): string[][] {
  if (!aliasIndex) {
    aliasIndex = new Map();
    for (const group of BRAND_ALIAS_GROUPS) {
      const names = group.map(brandWords).filter((w): w is string[] => w !== null);
      for (const words of names) aliasIndex.set(words.join(''), names);
    }
  }
  return aliasIndex.get(key) ?? [];
}

/**
 * The names one listed brand stands for, as word lists. "Apple/苹果" is split into two names only when
 * the halves are in different scripts (the Tmall convention); "AC/DC" stays one name. Names in the
 * alias table bring their other spellings along.
 */
function brandNames(brand: string): string[][] {
  let names = namesCache.get(brand);
  if (names === undefined) {
    if (namesCache.size >= MAX_CACHED_NAMES) namesCache.clear();
    names = readBrandNames(brand);
    namesCache.set(brand, names);
  }
  return names;
}

/**
 * Brand names are read again for every candidate a lookup compares (and for its title keys); the same
 * few brands come back, so their readings are kept. Bounded, emptied when full.
 */
const MAX_CACHED_NAMES = 4096;
const namesCache = new Map<string, string[][]>();

function readBrandNames(brand: string): string[][] {
  const parts = brand.normalize('NFKC').split(/\s*\/\s*/);
  const [first, second] = parts;
  const crossScript =
    parts.length === 2 && first !== undefined && second !== undefined && CJK.test(first) !== CJK.test(second);
  const names = (crossScript ? parts : [brand]).map(brandWords).filter((w): w is string[] => w !== null);
  const out = new Map<string, string[]>();
  for (const words of names) {
    for (const name of [words, ...aliasGroupOf(words.join(''))]) out.set(name.join(''), name);
  }
  return [...out.values()];
}

/** The names a listed brand stands for, as word lists (aliases included): what a title's brand words are. */
export function brandNameWords(brand: string): string[][] {
  return brandNames(brand);
}

/** The keys of every name a listed brand stands for: "Apple/苹果" → ["apple", "苹果", "アップル"]. */
export function brandAliases(brand: string): string[] {
  return brandNames(brand).map((words) => words.join(''));
}

/** "gorilla" fits "gorilla glue"; CJK names, which have no spaces, fit by character (格力 in 格力电器). */
function namePrefixOf(short: string[], long: string[]): boolean {
  if (short.length === 0 || short.length > long.length) return false;
  const lastIndex = short.length - 1;
  for (let i = 0; i < lastIndex; i++) if (short[i] !== long[i]) return false;
  const last = short[lastIndex] as string;
  const against = long[lastIndex] as string;
  if (last === against) return short.join('').length >= 2;
  return CJK.test(last) && last.length >= 2 && short.length === 1 && against.startsWith(last);
}

/**
 * Whether two brand names can name the same brand: an alias in common, or one name being the leading
 * words of the other ("Gorilla" and "Gorilla Glue Company"; "Enhomee" and "Enhomee-Direct"). Prefixes
 * count only at word boundaries, so "Apple" and "Applebee's" are different brands.
 */
export function brandsCompatible(a: string, b: string): boolean {
  const na = brandNames(a);
  const nb = brandNames(b);
  for (const x of na) {
    for (const y of nb) {
      if (x.join('') === y.join('')) return true;
      if (namePrefixOf(x, y) || namePrefixOf(y, x)) return true;
    }
  }
  return false;
}

/** Cleans a printed brand for display: byline stripped, whitespace collapsed; null for sentinels. */
export function cleanBrand(brand: string): string | null {
  const s = stripByline(brand.normalize('NFKC')).trim();
  return brandKey(s) ? s : null;
}

/**
 * The head of a name, as compatibility sees it: two compatible names always share it. Latin names fit
 * by whole leading words ("gorilla" in "gorilla glue"), so the head is the first word, or its leading
 * non-CJK run when CJK follows in the same word ("lumora路摩"); CJK names fit by leading characters,
 * at least two (格力 in 格力电器), so the head is the first two characters.
 */
function nameHead(words: readonly string[]): string {
  const first = words[0] ?? '';
  if (CJK.test(first.charAt(0))) return first.slice(0, 2);
  const run = /^[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/u.exec(first);
  return run?.[0] ?? first;
}

/** Heads of alias-table names, mapped to the head of the group's first (Latin) name. */
let anchorIndex: Map<string, string> | null = null;
function canonicalHead(head: string): string {
  if (!anchorIndex) {
    anchorIndex = new Map();
    for (const group of BRAND_ALIAS_GROUPS) {
      const names = group.map(brandWords).filter((w): w is string[] => w !== null);
      const canonical = names[0] ? nameHead(names[0]) : null;
      if (!canonical) continue;
      for (const words of names) {
        const head = nameHead(words);
        if (!anchorIndex.has(head)) anchorIndex.set(head, canonical);
      }
    }
  }
  return anchorIndex.get(head) ?? head;
}

/**
 * Short keys that any two compatible brands share ("Gorilla", "Gorilla Glue Company" → "gorilla";
 * "格力电器", "Gree" → "gree"; "Lumora/路摩" → "lumora", "路摩"), for index keys that must meet whenever
 * `brandsCompatible` would say yes. Why they always meet: compatible names are equal, or one is the
 * leading words (or, in CJK, the leading two or more characters) of the other, so both have the same
 * head; a name reached through the alias table is one of the brand's names too, and every name of an
 * alias group maps to its group's head. An anchor is a lookup key only; it is coarser than
 * compatibility (every "Gorilla …" brand shares "gorilla"), and the matcher still decides.
 */
export function brandAnchors(brand: string): string[] {
  return [...new Set(brandNames(brand).map((words) => canonicalHead(nameHead(words))))].filter(
    (a) => a.length > 0,
  );
}
