/**
 * The brands a recall notice prints for its product, as opposed to the firm that recalls it.
 *
 * CPSC headings read "<Firm> Recalls <Brand> <product> Due to …" ("Enerco Recalls DEWALT 70,000 BTU
 * … Heaters", "Harbor Freight Tools Recalls Predator 2000-Watt Power Stations", "Walmart Recalls
 * Mainstays …"), "<Product> Recalled by <Firm> Due to …" and "<Brand> <Product> Recalled Due to …", with
 * tails such as "; Sold Exclusively at Lowe's", "; Sold on Amazon by X" or "; Imported by Y". Licensed and
 * retailers' own brands are a large share of real recalls, and a listing shows the product's brand, not
 * the importer's name: without the product brand a barcode printed in the notice is vetoed as "brand
 * differs" on the very product it names.
 *
 * The grammar, per product:
 *   - the leading brand words of the heading's product phrase (the firm before "Recalls" stripped: it
 *     stays the manufacturer) and of the product's name;
 *   - names the notice marks as brands: "DEWALT-branded", "Ariens®", "sold under the Isla Rae brand",
 *     "sold under the brand names SaluSpa, Coleman, and Hydro-Force", "brand name “Awesafe”", "Brand: X";
 *   - retailers' house brands by name (brand-aliases.ts `HOUSE_BRANDS`), since "Hampton Bay" or "Room
 *     Essentials" are made of words the grammar takes for product words.
 * Headings are title case, so a capital says nothing there: a leading word is a brand word when it is
 * not a product word (`PRODUCT_WORDS`), and not printed in lower case anywhere in the notice's own prose
 * ("Tabletop Fire Pits" → "tabletop fire pits" in the description). A brand read off a heading or a name
 * must be printed in a second text of the notice too. The seller and the retailers a heading names
 * ("Sold Exclusively at Lowe's") are never brands.
 */

import { escapeRegExp } from '../escape-regexp';
import { brandKey } from './brand';
import { HOUSE_BRANDS } from './brand-aliases';
import { cleanNoticeText as clean, readHeading } from './notice-heading';

export { type NoticeHeading, readHeading } from './notice-heading';

export type NoticeBrandVia = 'product' | 'marked' | 'trademark' | 'sold-under' | 'label' | 'house';

export interface NoticeBrand {
  value: string;
  via: NoticeBrandVia;
  /** The notice text it was read from: 'Title', 'Products.Name' or 'Description'. */
  origin: 'Title' | 'Products.Name' | 'Description';
}

// ---------------------------------------------------------------------------------------------------
// Brand words

/**
 * Words that name what a product is, its material, size, user or use, never who made it: the words
 * that lead CPSC product phrases once the brand (if any) is gone. Compared in lower case and singular.
 */
const PRODUCT_WORDS = new Set(
  `
  adapter adaptor adjustable adult air all-terrain off road highway recreational upright terrain alarm aluminum anchor apparel appliance aquarium arm attic
  automatic baby backpack bag ball balloon band bar basket bassinet bath bathrobe battery bead bean bear
  bed bedding bedside biometric grass trimmer platform children belt bench bicycle bike bin blanket blender blind blower board boat body boiler book
  boot bottle bouncer bow bowl box bracelet brush bucket bumper bunk burner cabinet cable camp camping
  can candle cap car carbon carrier cart case cat ceiling chain chainsaw chair chandelier changing
  charger charging child childrens chime christmas circuit clamp cleaner clip clock closet clothing coat
  coffee collar combination commercial compact container convertible cooker cooktop cookware cooler
  cord cordless cosmetic costume cot cotton counter cover crib cup curtain cushion cutter cycle deck decor
  decorative dehumidifier desk detector device digital dining dish dishwasher dispenser dog doll door
  double drawer dress dresser drill drink drinking driver dryer dual ear easter egg electric electrical
  electronic emergency engine equipment essential exercise extension fabric fan faucet fidget filter
  fire firearm fireplace fitness flashlight floating floor foam folding foldable food foot fragrance
  freezer fryer fuel furniture game garage garden garment gas gate gel generator gift girl girls glass
  glove glow golf grill grinder gun hair halloween hammock hand handheld handle hanging hat head headphone
  heat heated heater heating helmet high holder holiday home hood hook hose hot house humidifier ice
  indoor infant inflatable iron jacket jar jewelry jumper junior kettle key kid kids kit kitchen knife
  ladder lamp lantern laptop large lawn leaf leash led lid light lighter lighting lithium lock lounger
  loungewear machine magnet magnetic makeup mask massage massager mat mattress medical men mens metal
  micro microwave mini mirror mobile model monitor motor motorcycle mount mounted mower multi multipurpose
  natural necklace new night nightgown nursery office oil outdoor oven pacifier pack pad pajama pan
  pants paper party patio pen pendant personal pet phone pillow pin pit plastic plate play playard
  playpen playset plug plush pocket pool portable pot pouch power premium pressure print printer pro
  professional projector propane protector pump purse puzzle quilt rack radio rail range rattle recliner
  refrigerator replacement rechargeable remote ride ring robe rocker rocking rod roll roller room rope
  rug safe safety sauna scale scooter screen seat seating security serum set shade shelf shelves shirt
  shoe shop shower side silicone single sink ski skin slide sleep sleeper sleepwear sling slipper small
  smart smoke snack snow snowmobile sock sofa solar spa speaker sport sports spray stainless stand station steam
  steamer steel step stick stool storage stove strap stroller student suit sunglasses supplement swim
  swimming swing swivel system table tablet tank tea teether tent thermometer tile timer tire toddler
  toilet tool tooth toothbrush torch towel tower toy tracker tractor trailer trampoline travel tray tree
  tricycle truck tub tumbler tv umbrella underwear unit universal upholstered utility vacuum valve vase
  vehicle vest wagon walker wall wallet warmer washer watch water wearable weight wheel wheelchair window
  wine wireless women womens wood wooden work workstation wrap yard yoga youth zipper
  `
    .trim()
    .split(/\s+/),
);

/** Upper-case abbreviations that describe a product, not a maker. */
const PRODUCT_ABBREVIATIONS = new Set(
  'AC DC LED LCD USB BTU RGB UV TV HD XL XXL ATV UTV ROV EV CO GFCI PVC ABS DIY LB LBS OZ USA US UK II III IV PC PD RV SUV'.split(
    ' ',
  ),
);

/** Words that open or join a phrase without naming anyone. */
const FILLERS = new Set(
  'the a an certain select additional more than about nearly over approximately all its their some other'.split(
    ' ',
  ),
);
const NUMBER_WORDS = new Set(
  'one two three four five six seven eight nine ten dozen hundred thousand million billion'.split(' '),
);
const STOPS = new Set(
  'with for by in of from and or to on at as model models series style type brand branded brands new'.split(
    ' ',
  ),
);

/** Lower case, apostrophes and possessives gone: "Children’s" → "children", "Men's" → "men". */
function bare(word: string): string {
  return word
    .toLowerCase()
    .replace(/[’'`]s$/, '')
    .replace(/[’'`]/g, '');
}

function singular(w: string): string[] {
  const out = [w];
  if (w.endsWith('ies')) out.push(`${w.slice(0, -3)}y`);
  if (w.endsWith('es')) out.push(w.slice(0, -2));
  if (w.endsWith('s')) out.push(w.slice(0, -1));
  return out;
}

function isProductWord(word: string): boolean {
  return singular(bare(word)).some((w) => PRODUCT_WORDS.has(w));
}

/** A token without its marks and edge punctuation: "Ariens®," → "Ariens". */
function trimToken(token: string): string {
  return token.replace(/^[“”"'‘(]+|[®™©“”"’'),.:!?]+$/g, '').replace(/[®™©]/g, '');
}

/**
 * The lower-case words of a notice's prose, for "is this word a product word here?": a word the notice
 * prints in lower case mid-text ("tabletop fire pits") is not a name in its heading.
 */
function lowerCaseWords(texts: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const text of texts) {
    for (const m of text.matchAll(/(?<![\p{L}\p{N}])(\p{Ll}[\p{Ll}’'-]*)/gu)) {
      const w = m[1] as string;
      out.add(bare(w));
      for (const part of w.split('-')) if (part) out.add(bare(part));
    }
  }
  return out;
}

/** Whether a heading token can be part of a brand name, and why not when it cannot. */
function isBrandWord(token: string, lower: ReadonlySet<string>, first: boolean): boolean {
  const t = trimToken(token);
  if (t.length === 0) return false;
  const key = bare(t);
  if (FILLERS.has(key) || STOPS.has(key) || NUMBER_WORDS.has(key)) return false;
  if (/\d/.test(t)) {
    // "Room2Room" and "4moms" name makers; "2000-Watt", "12-Drawer", "70,000" and "PA-300C" do not.
    return (
      first &&
      /^(?:\p{L}{2,}\d+\p{L}{2,}|\d\p{L}{3,})$/u.test(t) &&
      !/\d(?:in|ft|pc|pk|oz|lb|mm|cm)$/i.test(t)
    );
  }
  // A capital leads, or lower case then a capital ("iStore", "eKids").
  if (!/^\p{Lu}/u.test(t) && !/^\p{Ll}{1,2}\p{Lu}/u.test(t)) return false;
  const upper = t === t.toUpperCase();
  if (upper && PRODUCT_ABBREVIATIONS.has(t.replace(/[-.]/g, ''))) return false;
  const parts = t.split(/[-–]/).filter((p) => p.length > 0);
  if (parts.some((p) => isProductWord(p) || NUMBER_WORDS.has(bare(p)))) return false;
  // A word in capitals ("DEWALT") is a name even where the prose also has it in lower case.
  if (!upper && (lower.has(key) || parts.some((p) => lower.has(bare(p))))) return false;
  return true;
}

/** Joiners inside one brand name: "Black & Decker", "Pen+Gear", "Luv n’ care". */
const JOINERS = /^(?:&|\+|n’|n'|'n'|’n’)$/;
/** Separators between brands of one list: "Prestige and Aerco Esteem", "Oregon, PowerPro, and Speeco". */
const LIST_AND = /^(?:and|or|&)$/i;

const NO_WORDS: ReadonlySet<string> = new Set();

/** At most this many words in one brand name read off a phrase; longer runs are title-cased prose. */
const MAX_BRAND_WORDS = 4;

/**
 * The brands that lead a product phrase: "DEWALT 70,000 BTU …" → DEWALT; "Oregon, PowerPro, Country
 * Tuff, and Speeco branded log splitters" → the four; "Tabletop Fire Pits" (lower case in the notice's
 * prose) → none. Fillers and counts before the brand are skipped ("15.5 Million Toshiba Laptop AC
 * Adapters", "Model Year 2022-2024 MATRYX Snowmobiles").
 */
export function leadingBrands(phrase: string, lower: ReadonlySet<string> = new Set()): string[] {
  const tokens = clean(phrase)
    .split(' ')
    .filter((t) => t.length > 0);
  let i = 0;
  while (i < tokens.length) {
    const t = trimToken(tokens[i] as string);
    const key = bare(t);
    if (FILLERS.has(key) || NUMBER_WORDS.has(key) || /^[\d.,]+%?$/.test(t)) i++;
    else if (/^model$/i.test(t) && /^years?$/i.test(trimToken(tokens[i + 1] ?? ''))) i += 2;
    else if (/^\d{4}(?:[-–]\d{2,4})?$/.test(t)) i++;
    else break;
  }
  const brands: string[] = [];
  let run: string[] = [];
  const close = (): boolean => {
    const ok = run.length > 0 && run.length <= MAX_BRAND_WORDS;
    if (ok) brands.push(run.join(' '));
    run = [];
    return ok;
  };
  for (; i < tokens.length; i++) {
    const token = tokens[i] as string;
    const trimmed = trimToken(token);
    // After "&" a capital word belongs to the name even where the prose has it in lower case ("Pebble &
    // Pine" beside "pine cones"); a product word still ends it.
    if (run.length > 0 && JOINERS.test(trimmed) && isBrandWord(tokens[i + 1] ?? '', NO_WORDS, false)) {
      run.push(trimmed, trimToken(tokens[i + 1] as string));
      i++;
      continue;
    }
    if (isBrandWord(token, lower, run.length === 0 && brands.length === 0)) {
      run.push(trimmed);
      // "Oregon," ends a brand of a list.
      if (/,$/.test(token) && !close()) return brands;
      continue;
    }
    if (run.length > 0 && LIST_AND.test(trimmed)) {
      if (!close()) return brands;
      continue;
    }
    if (run.length === 0 && LIST_AND.test(trimmed) && brands.length > 0) continue;
    break;
  }
  close();
  return brands;
}

// ---------------------------------------------------------------------------------------------------
// Marked brands in prose

/** "Coleman" or “Isla Rae” — a capitalised name of one to four words, quotes and marks allowed. */
const NAME = String.raw`[“"]?\p{Lu}[\p{L}\p{N}’'&+.!-]*(?:\s+(?:&\s+|\+\s+)?[\p{Lu}\p{N}][\p{L}\p{N}’'&+.!-]*){0,3}[”"]?[®™]?`;
const NAME_LIST = String.raw`${NAME}(?:\s*,\s*(?:and\s+|or\s+)?${NAME}|\s+(?:and|or)\s+${NAME})*`;

const SOLD_UNDER: readonly RegExp[] = [
  // "sold under the brand names SaluSpa, Coleman, and Hydro-Force", "sold under various brand names, including “Seangles” and “Offroad Mall”"
  new RegExp(
    String.raw`\bunder\s+(?:the\s+)?(?:various\s+)?brand\s+names?,?\s+(?:including\s+)?(${NAME_LIST})`,
    'gu',
  ),
  // "sold under the Isla Rae brand", "sold under Trane and American Standard brand names", "sold under the brands Peerless, …"
  new RegExp(
    String.raw`\bsold\s+under\s+(?:the\s+)?(${NAME_LIST})\s+(?:brands?|brand\s+names?|names?)\b`,
    'gu',
  ),
  new RegExp(String.raw`\bsold\s+under\s+(?:the\s+)?brands\s+(${NAME_LIST})`, 'gu'),
  // "the brand name “Awesafe”", "brand name INSIGNIA"
  /\bbrand\s+name\s+(?:of\s+)?(?:[“"]([^”"]{2,40})[”"]|(\p{Lu}[\p{Lu}\p{N}&'-]{2,})\b)/gu,
];

/** Names followed by a brand mark: "-branded", " Branded", "®", "™". */
const MARKED = new RegExp(String.raw`(${NAME_LIST})(?:(?:-|\s+)[Bb]randed\b|(?<=[®™]))`, 'gu');
/** Capitalised words that open a sentence or a phrase before a brand: "The Brookstone-branded …". */
const OPENERS = new Set(['the', 'this', 'these', 'those', 'a', 'an', 'all', 'certain', 'recalled', 'only']);

/** "Brand: Ceither", "Brand Name: X" labels in a description or a flattened table. */
const LABEL = /\bBrand(?:\s+[Nn]ame)?\s*:\s*([^,;.\n()]{2,40})/gu;

function splitNames(list: string): string[] {
  return list
    .split(/\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+/)
    .map((s) =>
      s
        .replace(/^[“"]|[”"]$/g, '')
        .replace(/[®™]/g, '')
        .trim(),
    )
    .filter((s) => s.length > 1 && s.split(/\s+/).length <= MAX_BRAND_WORDS);
}

/** Brands a text names as brands: "sold under the X brand", "brand name “X”", "Brand: X", "X-branded", "X®". */
export function markedBrands(text: string): Array<{ value: string; via: NoticeBrandVia }> {
  const t = clean(text);
  const out: Array<{ value: string; via: NoticeBrandVia }> = [];
  for (const re of SOLD_UNDER) {
    for (const m of t.matchAll(re)) {
      const list = m[1] ?? m[2];
      if (list) for (const name of splitNames(list)) out.push({ value: name, via: 'sold-under' });
    }
  }
  for (const m of t.matchAll(LABEL)) {
    const value = m[1]?.trim();
    if (value && value.split(/\s+/).length <= MAX_BRAND_WORDS) out.push({ value, via: 'label' });
  }
  // "Oregon, PowerPro, Country Tuff, and Speeco branded", "Kori Gey-branded", "Black+Decker®", "Mario Kart™":
  // the capitalised words before the mark, without a sentence's opening word ("The", "This").
  for (const m of t.matchAll(MARKED)) {
    if (!m[1]) continue;
    for (const name of splitNames(m[1])) {
      let words = name.split(/\s+/);
      // "Two Million Black+Decker®", "Family 6-Player Croquet Sets™": what precedes a count is not the name.
      const counted = words.findLastIndex((w) => /\d/.test(w) || NUMBER_WORDS.has(bare(w)));
      if (counted >= 0) words = words.slice(counted + 1);
      while (words.length > 1 && OPENERS.has(bare(words[0] as string))) words.shift();
      const only = words.length === 1 ? bare(words[0] as string) : '';
      if (words.length === 0 || OPENERS.has(only) || STOPS.has(only) || (only && isProductWord(only)))
        continue;
      out.push({ value: words.join(' '), via: /[®™]$/.test(m[0]) ? 'trademark' : 'marked' });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// House brands

/** A name as a regular-expression source: special characters escaped, either apostrophe accepted. */
function namePattern(name: string): string {
  return escapeRegExp(name).replace(/['’]/g, "['’]");
}

let houseBrandPattern: RegExp | null = null;
/** Every house brand, longest first, as whole words printed as listed. */
function houseBrandRe(): RegExp {
  if (!houseBrandPattern) {
    const names = Object.values(HOUSE_BRANDS)
      .flat()
      .sort((a, b) => b.length - a.length)
      .map(namePattern);
    houseBrandPattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  }
  return houseBrandPattern;
}

/** The house brands a heading or a product name prints: "Walmart Recalls Mainstays …" → Mainstays. */
export function houseBrandsIn(text: string): string[] {
  return [...clean(text).matchAll(houseBrandRe())].map((m) => m[0]);
}

// ---------------------------------------------------------------------------------------------------
// One product

export interface NoticeTexts {
  /** The heading (CPSC Title, "Recall Heading"). */
  title: string;
  /** This product's name (Products[].Name, "Name of product"). */
  productName: string;
  /** The description, and any other prose the notice prints about the product (image captions). */
  description?: string;
}

/** Word-bounded, case-insensitive: is this name printed in that text? */
function printedIn(name: string, text: string): boolean {
  const words = name.split(/\s+/).map(namePattern);
  return new RegExp(`(?<![\\p{L}\\p{N}])${words.join('\\s+')}(?![\\p{L}\\p{N}])`, 'iu').test(text);
}

/**
 * The brands a notice prints for one of its products, strongest first, each once (by brand key): the
 * names it marks as brands, the house brands it names, then the leading brands of the product's name
 * and of the heading's product phrase. The recalling firm is not among them unless the product carries
 * its name too ("Siemens Industry Recalls Siemens SolarReady Meter Combos"); the seller and the
 * retailers the heading names never are.
 */
export function noticeBrands(texts: NoticeTexts): NoticeBrand[] {
  const title = clean(texts.title);
  const name = clean(texts.productName);
  const description = clean(texts.description ?? '');
  const heading = readHeading(title);
  const excluded = new Set(
    [heading.seller, ...heading.retailers].map((s) => (s ? brandKey(s) : null)).filter((k) => k !== null),
  );
  const lower = lowerCaseWords([description, name === title ? '' : name]);
  const out: NoticeBrand[] = [];
  const seen = new Set<string>();
  const push = (value: string, via: NoticeBrandVia, origin: NoticeBrand['origin']): void => {
    const key = brandKey(value);
    if (!key || seen.has(key) || excluded.has(key)) return;
    seen.add(key);
    out.push({ value, via, origin });
  };

  for (const b of markedBrands(name)) push(b.value, b.via, 'Products.Name');
  if (heading.product) for (const b of markedBrands(heading.product)) push(b.value, b.via, 'Title');
  for (const b of markedBrands(description)) {
    // A description marks the parts' makers too ("Fidlock® buckles"): a trademark counts only when the
    // heading or the product's name prints it as well.
    if (b.via !== 'trademark' || printedIn(b.value, title) || printedIn(b.value, name))
      push(b.value, b.via, 'Description');
  }
  for (const b of houseBrandsIn(name)) push(b, 'house', 'Products.Name');
  if (heading.product) for (const b of houseBrandsIn(heading.product)) push(b, 'house', 'Title');

  // A name read off a phrase must be printed elsewhere in the notice too.
  const others = (self: string): string[] => [title, name, description].filter((t) => t !== self);
  if (name !== title) {
    for (const b of leadingBrands(name, lower)) {
      if (others(name).some((t) => printedIn(b, t))) push(b, 'product', 'Products.Name');
    }
  }
  if (heading.product) {
    const nameBrands = out.filter((b) => b.origin === 'Products.Name').length;
    for (const b of leadingBrands(heading.product, lower)) {
      // A heading naming several products' brands gives this product only those its name carries.
      if (nameBrands > 0 && name !== title && !printedIn(b, name)) continue;
      if ([name, description].some((t) => t !== title && printedIn(b, t))) push(b, 'product', 'Title');
    }
  }
  return out;
}
