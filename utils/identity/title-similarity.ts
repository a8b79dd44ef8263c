/**
 * Title similarity: does a listing's title name the product a recall notice names, when the brand
 * already agrees? This is the weakest evidence the matcher accepts (tier "possible", popup only), so
 * the measure is kept simple enough to explain in one sentence: "4 of the 4 distinctive words of the
 * notice's product name are in this title".
 *
 * Words are read the same way on both sides: NFKC, lower case, apostrophes dropped ("Children's" →
 * "childrens"), a plain English plural folded ("Stools" → "stool"). Left out: the brand's own words
 * (the brand is compared separately, and counting it twice would make brand + title a brand-only
 * match), stop words, packaging and marketing words ("pack", "new", "premium"), colours, units, and
 * every token with a digit in it (sizes, pack counts, years and model numbers: the model rules compare
 * models, and "24 oz" or "2-pack" says nothing about which product it is). CJK text has no spaces, so
 * it is compared as character bigrams ("充电暖手宝" → 充电 电暖 暖手 手宝), after quantities ("5000毫安"),
 * colours ("白色") and brand names are cut out.
 *
 * The score is containment, |notice ∩ title| / |notice|: the share of the notice's distinctive words
 * that the title carries. It is asymmetric on purpose. A listing title piles marketing words onto the
 * product name ("…, Natural Wood, Kitchen Helper"), which should not count against it; a notice's
 * product name is terse, and each of its words that the title lacks ("Adult" in "Adult Bike Helmets"
 * against "Kids Bike Helmet") is a sign of another product. Thresholds (`strong` in `titleSimilarity`):
 *   - at least MIN_SHARED = 3 shared words. Product types are mostly one or two words ("bike helmet",
 *     "night light", "space heater"), so two shared words are routinely just "same brand, same kind of
 *     thing", which is brand-only matching in disguise; a third word (a line name such as "CozyNest", an
 *     audience, a feature) is what starts to single out one product.
 *   - containment of at least 4/5: with a notice name of up to four words every word must be in the
 *     title; from five words on, one may be missing (a notice "Three-wheel kick scooter for children,
 *     pink deck" against a title without "deck").
 *   - a notice name of at most MAX_NOTICE_WORDS = 9 distinctive words: longer "names" are descriptions
 *     (openFDA prints whole package texts there), which no title contains, and the index key scheme
 *     (keys.ts) can promise to find every strong pair only up to that length.
 *   - no accessory word in the title that the notice lacks: "Replacement Charging Cable for Lumora
 *     Rechargeable Hand Warmer" contains every word of the warmer's notice but is a cable.
 *
 * Pure string work, no DOM; shared by the matcher and the index keys, which must agree on every token.
 */
import { fnv1a } from '../fnv1a';
import { brandNameWords } from './brand';
import { ACCESSORY_WORDS, CJK_NOISE, COMMON_WORDS, STOP_WORDS } from './title-words';

export const MIN_SHARED = 3;
export const MAX_NOTICE_WORDS = 9;
/** The containment threshold, as a fraction: shared / notice ≥ 4/5. */
const MIN_CONTAINMENT_NUM = 4;
const MIN_CONTAINMENT_DEN = 5;

const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060\ufeff\u00ad]/g;
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
/** A run of letters and digits, with joiners inside ("oil-filled", "lm-hw5000", "2.4"). */
const TOKEN = /[\p{L}\p{N}]+(?:[-./][\p{L}\p{N}]+)*/gu;
/** Splits a token into same-script parts: "lumora路摩" → "lumora", "路摩". */
const SCRIPT_PARTS =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+|[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;

/**
 * English plural folded to the singular, enough for both sides to agree ("stools"/"stool",
 * "batteries"/"battery", "boxes"/"box"); it need not produce real words, only the same word twice.
 */
function fold(word: string): string {
  if (word.length < 4 || !/^[a-z]+$/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(?:ch|sh|x|z|ss)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !/(?:ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/**
 * Shared tokens as `text` prints them: a folded token ("san", "battery") is shown as the first word of
 * `text` that folds to it ("sans", "Batteries"); a token with no such word (a CJK bigram) as itself.
 */
export function tokensAsPrinted(tokens: readonly string[], text: string): string[] {
  const printed = new Map<string, string>();
  for (const word of text.normalize('NFKC').split(/[^\p{L}\p{N}'’]+/u)) {
    const token = fold(word.toLowerCase().replace(/['’`]/g, ''));
    if (!printed.has(token)) printed.set(token, word);
  }
  return tokens.map((t) => printed.get(t) ?? t);
}

/** A title, read into words (Latin and other spaced scripts) and CJK runs, before brand words go. */
export interface TitleReading {
  words: string[];
  cjk: string[];
}

function addBigrams(into: Set<string>, text: string): void {
  const chars = [...text];
  for (let i = 0; i + 1 < chars.length; i++) into.add(`${chars[i]}${chars[i + 1]}`);
}

function normalise(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '').toLowerCase().replace(/['’`]/g, '');
}

/**
 * Readings are memoised: one lookup compares a page title with every candidate's product name, and a
 * candidate's brands with the page's, so the same few strings are read again and again. Bounded, and
 * emptied when full (a service worker lives for minutes, a CLI run for one batch).
 */
const MAX_MEMO = 4096;
function memo<T>(cache: Map<string, T>, key: string, make: (key: string) => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    if (cache.size >= MAX_MEMO) cache.clear();
    value = make(key);
    cache.set(key, value);
  }
  return value;
}

const readings = new Map<string, TitleReading>();

/** Reads a title into words and CJK runs (memoised; the result must not be changed). */
export function readTitle(text: string): TitleReading {
  return memo(readings, text, readTitleOnce);
}

/** Printable ASCII: no NFKC, CJK or invisible marks to handle. */
const PLAIN_ASCII = /^[\x20-\x7e]*$/;
const ASCII_TOKEN = /[a-z0-9]+(?:[-./][a-z0-9]+)*/g;

/**
 * Most notice names and many titles are plain ASCII; they take a short path that gives the same words
 * as the general one (NFKC changes nothing there, and no CJK pattern can match), at a fraction of the
 * cost, which counts when a full sync computes the keys of 250,000 records.
 */
function readAsciiTitle(text: string): TitleReading {
  const words: string[] = [];
  for (const [token] of text.toLowerCase().replace(/['`]/g, '').matchAll(ASCII_TOKEN)) {
    if (/\d/.test(token)) continue;
    for (const part of token.split(/[-./]/)) {
      if (part.length < 2 || STOP_WORDS.has(part)) continue;
      const folded = fold(part);
      if (!STOP_WORDS.has(folded)) words.push(folded);
    }
  }
  return { words, cjk: [] };
}

function readTitleOnce(text: string): TitleReading {
  if (PLAIN_ASCII.test(text)) return readAsciiTitle(text);
  const words: string[] = [];
  const cjk: string[] = [];
  const cleaned = normalise(text).replace(CJK_NOISE, ' ');
  for (const [token] of cleaned.matchAll(TOKEN)) {
    // Sizes, pack counts, years, model numbers: never a word of the name.
    if (/\p{N}/u.test(token)) continue;
    for (const piece of token.split(/[-./]/)) {
      for (const [part] of piece.matchAll(SCRIPT_PARTS)) {
        if (CJK_CHAR.test(part)) cjk.push(part);
        else if (part.length >= 2 && !STOP_WORDS.has(part)) {
          const folded = fold(part);
          if (!STOP_WORDS.has(folded)) words.push(folded);
        }
      }
    }
  }
  return { words, cjk };
}

/** Every token of a reading before brand words go: its words and the bigrams of its whole CJK runs. */
const allTokens = new WeakMap<TitleReading, Set<string>>();
function tokensOf(reading: TitleReading): Set<string> {
  let all = allTokens.get(reading);
  if (all === undefined) {
    all = new Set(reading.words);
    for (const run of reading.cjk) addBigrams(all, run);
    allTokens.set(reading, all);
  }
  return all;
}

/** The words and CJK names of a set of brands, to be left out of both titles. */
export interface BrandWords {
  words: Set<string>;
  cjk: string[];
}

interface OneBrandWords {
  words: string[];
  cjk: string[];
}
const brandReadings = new Map<string, OneBrandWords>();

function oneBrandWords(brand: string): OneBrandWords {
  const words: string[] = [];
  const cjk: string[] = [];
  for (const name of brandNameWords(brand)) {
    for (const word of name) {
      if (!CJK_CHAR.test(word)) {
        words.push(fold(word));
        continue;
      }
      for (const [part] of word.matchAll(SCRIPT_PARTS)) {
        if (CJK_CHAR.test(part)) cjk.push(part);
        else words.push(fold(part));
      }
    }
  }
  return { words, cjk };
}

export function brandWordsOf(brands: readonly string[], { memoise = true } = {}): BrandWords {
  const words = new Set<string>();
  const cjk = new Set<string>();
  for (const brand of brands) {
    const one = memoise ? memo(brandReadings, brand, oneBrandWords) : oneBrandWords(brand);
    for (const w of one.words) words.add(w);
    for (const c of one.cjk) cjk.add(c);
  }
  // Longest first, so "路摩家居" is cut before "路摩".
  return { words, cjk: [...cjk].sort((a, b) => b.length - a.length) };
}

/**
 * The order in which tokens become index keys (keys.ts): common words (COMMON_WORDS) last, and within
 * each group by a fixed hash, as in MinHash. A recall files its first tokens in this order, and a page
 * looks up its own first tokens in the same order, so whenever most of the notice's words are in the
 * title, the notice's first word is among the title's first few, however many marketing words the
 * title adds (a rule such as "longest word first" would let long adjectives like "professional" crowd
 * the name's words out).
 */
export function keyOrder(a: string, b: string): number {
  return keyRank(a) - keyRank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Common words after all others, each group in hash order. */
function keyRank(token: string): number {
  return (COMMON_WORDS.has(token) ? 2 ** 32 : 0) + fnv1a(token);
}

/**
 * The distinct distinctive tokens of a reading, brand words removed: Latin (and other spaced-script)
 * words, and bigrams of CJK runs once brand names are cut out of them.
 */
function distinctiveTokens(reading: TitleReading, brand: BrandWords): Set<string> {
  const out = new Set<string>();
  for (const w of reading.words) if (!brand.words.has(w)) out.add(w);
  for (const run of reading.cjk) {
    let pieces = [run];
    for (const name of brand.cjk) pieces = pieces.flatMap((p) => p.split(name));
    for (const piece of pieces) addBigrams(out, piece);
  }
  return out;
}

/** The tokens of a title, brand words of `brands` removed, in key order. */
export function titleTokens(text: string, brands: readonly string[]): string[] {
  return tokensInKeyOrder(readTitle(text), brandWordsOf(brands));
}

/**
 * The title tokens of a notice's product name, for its index keys, or null when the name cannot meet
 * the rule whatever its brands (fewer than MIN_SHARED tokens even before brand words go). Nothing is
 * memoised: during a full sync every record's name is read once, and the memo would only churn.
 * `brands` is called only for names that pass that first test, since reading brand names is the
 * costly part.
 */
export function noticeNameTokens(name: string, brands: () => readonly string[]): string[] | null {
  const reading = readTitleOnce(name);
  let bound = reading.words.length;
  for (const run of reading.cjk) bound += Math.max(0, [...run].length - 1);
  if (bound < MIN_SHARED) return null;
  return tokensInKeyOrder(reading, brandWordsOf(brands(), { memoise: false }));
}

function tokensInKeyOrder(reading: TitleReading, brand: BrandWords): string[] {
  const hashed = [...distinctiveTokens(reading, brand)].map((t) => ({ t, h: keyRank(t) }));
  hashed.sort((a, b) => a.h - b.h || (a.t < b.t ? -1 : a.t > b.t ? 1 : 0));
  return hashed.map((x) => x.t);
}

/** How many shared tokens a notice name of `n` tokens needs: at least 3, and at least 4/5 of them. */
export function requiredShared(n: number): number {
  return Math.max(MIN_SHARED, Math.ceil((n * MIN_CONTAINMENT_NUM) / MIN_CONTAINMENT_DEN));
}

/** Whether a notice name of `n` tokens can ever be met strongly (see the thresholds above). */
export function nameCanMatch(n: number): boolean {
  return n >= MIN_SHARED && n <= MAX_NOTICE_WORDS;
}

/**
 * A cheap upper bound: whether the two texts share at least MIN_SHARED tokens once the page's own
 * brand words are set aside, before the notice's brand words and CJK brand names are (taking those
 * out as well only removes tokens, and cutting a name out of CJK text only removes bigrams). False
 * means `titleSimilarity` cannot be strong, whatever the notice's brands.
 */
export function mayBeSimilar(pageTitle: string, noticeName: string, pageBrands: readonly string[]): boolean {
  const page = tokensOf(readTitle(pageTitle));
  const brand = brandWordsOf(pageBrands).words;
  let shared = 0;
  for (const t of tokensOf(readTitle(noticeName))) {
    if (page.has(t) && !brand.has(t) && ++shared >= MIN_SHARED) return true;
  }
  return false;
}

export interface TitleSimilarity {
  /** Containment: shared / notice tokens, 0..1 (0 when the notice name has no distinctive token). */
  score: number;
  /** The notice's tokens that the title carries, in the notice's word order. */
  shared: string[];
  /** The notice name's distinctive tokens. */
  noticeTokens: string[];
  /** Accessory words in the title that the notice does not have. */
  accessoryWords: string[];
  /** Whether this is strong enough for a match (thresholds above). */
  strong: boolean;
}

/**
 * How strongly a listing title names the product a notice names. `brands`: every brand name of both
 * sides (the page's brand and manufacturer, the notice's brands and firms); their words count on
 * neither side.
 */
export function titleSimilarity(
  pageTitle: string,
  noticeName: string,
  brands: readonly string[],
): TitleSimilarity {
  const brand = brandWordsOf(brands);
  const noticeSet = distinctiveTokens(readTitle(noticeName), brand);
  const noticeTokens = [...noticeSet];
  const pageTokens = distinctiveTokens(readTitle(pageTitle), brand);
  const shared = noticeTokens.filter((t) => pageTokens.has(t));
  const accessoryWords = [...pageTokens].filter((t) => ACCESSORY_WORDS.has(t) && !noticeSet.has(t));
  const score = noticeTokens.length === 0 ? 0 : shared.length / noticeTokens.length;
  const strong =
    nameCanMatch(noticeTokens.length) &&
    shared.length >= requiredShared(noticeTokens.length) &&
    accessoryWords.length === 0;
  return { score, shared, noticeTokens, accessoryWords, strong };
}
