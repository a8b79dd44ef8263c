/** Brands mined from CPSC titles and marked names (see text-mining.ts for the rules all miners follow). */
import { brandKey } from './brand';
import { forMining } from './mining-limit';

export interface MinedBrand {
  value: string;
  /**
   * 'recaller': the firm a CPSC title names ("Kettlebrook Recalls ...", "... Recalled by X");
   * 'branded': "Brookstone-Branded", "Brookstone branded"; 'marked': a name with ® or ™.
   */
  via: 'recaller' | 'branded' | 'marked';
}

export interface TitleBrands {
  brands: MinedBrand[];
  /** "Sold Exclusively on Amazon by Y" / "Sold on Amazon.com by Y": the marketplace seller, never a brand. */
  seller: string | null;
  /** "Sold Exclusively at Lowe's": the only retailer, never a brand. */
  exclusiveRetailer: string | null;
}

/**
 * Brands marked in a name: "Brookstone-branded Tabletop Fire Pits", "Brookstone Branded ...",
 * "Ariens® DELUXE", "BlueStar™". Only the word glued to the mark is taken: the words before it are
 * as often the recaller or the verb ("Southern Telecom Recalls Brookstone-Branded").
 */
export function mineMarkedBrands(input: string): MinedBrand[] {
  const text = forMining(input);
  const out: MinedBrand[] = [];
  // Most texts have neither the word nor a mark: a plain search spares walking their words.
  if (/branded/i.test(text)) {
    for (const value of wordsBefore(text, /[\p{L}\p{N}'’&.]+/gu, /(?:-|\s+)branded\b/iuy)) {
      if (/^\p{Lu}|^\d/u.test(value)) out.push({ value, via: 'branded' });
    }
  }
  if (/[®™]/.test(text)) {
    for (const value of wordsBefore(text, /[\p{L}\p{N}'’&.-]+/gu, /\s?[®™]/uy))
      out.push({ value, via: 'marked' });
  }
  return out;
}

/**
 * Each run of `word` characters that `after` follows, from its first letter or digit: what
 * `/([\p{L}\p{N}][word]*)after/g` finds, in one pass. That regex tried every letter of a long run as a
 * start and scanned to the run's end each time, quadratic in the run (a 10 KB run of CJK, which has no
 * spaces, took 7 s; issue 14, finding 6); here each run is read once and `after` tried once at its end.
 * A run that starts inside the previous find (its `after` text) is skipped, as matchAll would.
 */
function* wordsBefore(text: string, word: RegExp, after: RegExp): Generator<string> {
  let end = 0;
  for (const run of text.matchAll(word)) {
    if (run.index < end) continue;
    after.lastIndex = run.index + run[0].length;
    if (!after.test(text)) continue;
    const value = run[0].replace(/^[^\p{L}\p{N}]+/u, '');
    if (!value) continue;
    end = after.lastIndex;
    yield value;
  }
}

/**
 * The brands a CPSC title names, and the seller it names (which is never a brand). Titles read
 * "X Recalls <product> Due to ...", "<product> Recalled by X Due to ...", "X and Y Recall ...", and may
 * end "; Sold Exclusively on Amazon by Y", "; Sold on Amazon.com by Y" or "; Sold Exclusively at Z".
 */
export function mineBrandFromTitle(title: string): TitleBrands {
  let rest = forMining(title).replace(/\s+/g, ' ').trim();
  let seller: string | null = null;
  let exclusiveRetailer: string | null = null;
  const sold = /;?\s*Sold\s+(?:Exclusively\s+)?(?:on|at|through|via|by)\s+(.+)$/i.exec(rest);
  if (sold?.[1]) {
    rest = rest.slice(0, sold.index).trim();
    const by = /^(.+?)\s+by\s+(.+)$/i.exec(sold[1]);
    if (by?.[2]) seller = by[2].trim();
    else exclusiveRetailer = sold[1].trim();
  }
  const recallers: string[] = [];
  const recalls = /^(?:CPSC,\s+)?(.+?)\s+(?:Recalls|Recall|Announces?\s+Recall\s+of)\s+\S/.exec(rest);
  const recalledBy = /\bRecalled\s+by\s+(.+?)(?:\s+Due\s+to\b|;|$)/.exec(rest);
  if (recalls?.[1] && !/\bRecalled\b/.test(recalls[1])) {
    // "X and Y Recall ..." names two firms; a single "X Recalls" subject stays whole ("Bed Bath and Beyond").
    const plural = !/\sRecalls\s/.test(recalls[0]);
    recallers.push(...(plural ? recalls[1].split(/,\s*|\s+and\s+/) : [recalls[1]]));
  } else if (recalledBy?.[1]) {
    recallers.push(recalledBy[1]);
  }
  const excluded = new Set([seller, exclusiveRetailer].map((s) => (s ? brandKey(s) : null)).filter(Boolean));
  const brands: MinedBrand[] = [];
  const seen = new Set<string>();
  const push = (b: MinedBrand) => {
    const key = brandKey(b.value);
    if (!key || seen.has(key) || excluded.has(key)) return;
    seen.add(key);
    brands.push(b);
  };
  for (const b of mineMarkedBrands(rest)) push(b);
  for (const r of recallers) push({ value: r.trim(), via: 'recaller' });
  return { brands, seller, exclusiveRetailer };
}
