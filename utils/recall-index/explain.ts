/**
 * Plain-language explanations of a match, shared by the page banner, the popup and the CLI so the three
 * never disagree about why we warned and how sure we are.
 */
import { aboutFeed } from '../feeds/catalogue';
import { isAsin } from '../identity/asin';
import { MONTHS } from '../identity/date-mining';
import { tokensAsPrinted } from '../identity/title-similarity';
import type { MatchCaveat, MatchEvidence, MatchTier, Recall, RecallMatch } from '../schemas';

export const TIER_LABEL: Record<MatchTier, string> = {
  confirmed: 'Confirmed match',
  likely: 'Likely match',
  possible: 'Possible match',
};

export const TIER_MEANING: Record<MatchTier, string> = {
  confirmed: 'The barcode on this listing is printed in the recall notice.',
  likely: 'The brand and model number on this listing are named in the recall notice.',
  possible: 'Some details agree with the recall notice, but not enough to be sure.',
};

/** What a possible match resting on the title rule means; worded so that it reads as weak. */
export const TITLE_MATCH_MEANING =
  'Possible: similar product name from the same brand — check the model on your item.';

/** The meaning of a confirmed match that rests on an Amazon item id the notice prints, not a barcode. */
export const ITEM_ID_MEANING = "This listing's Amazon item id (ASIN) is printed in the recall notice.";

/**
 * Whether a piece of evidence is an Amazon item id the notice prints: the matcher files it as a model
 * whose page and notice values are the same ASIN (match.ts `itemIdEvidence`).
 */
export function isItemIdEvidence(e: Pick<MatchEvidence, 'kind' | 'pageValue' | 'recallValue'>): boolean {
  return e.kind === 'model' && isAsin(e.pageValue) && e.pageValue === e.recallValue.trim().toUpperCase();
}

/** Whether a match rests on the product name alone (brand and title, no barcode or model). */
export function isTitleOnly(match: Pick<RecallMatch, 'evidence'>): boolean {
  return (
    match.evidence.some((e) => e.kind === 'title') &&
    match.evidence.every((e) => e.kind === 'title' || e.kind === 'brand')
  );
}

/** The sentence under "Why this matched": the tier's meaning, or the title rule's own wording. */
export function matchMeaning(match: Pick<RecallMatch, 'tier' | 'evidence'>): string {
  if (isTitleOnly(match)) return TITLE_MATCH_MEANING;
  const byItemId =
    match.tier === 'confirmed' &&
    match.evidence.some(isItemIdEvidence) &&
    !match.evidence.some((e) => e.kind === 'gtin');
  return byItemId ? ITEM_ID_MEANING : TIER_MEANING[match.tier];
}

/** Long titles are cut for the evidence line; the full title is in the listing's facts. */
const MAX_QUOTED = 90;
const quote = (text: string): string =>
  `"${text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED - 1).trimEnd()}…` : text}"`;

const SOURCE_WORDS: Record<string, string> = {
  'embedded-json': "the listing's product data",
  'json-ld': "the page's product data",
  microdata: "the page's product data",
  meta: "the page's product tags",
  'spec-table': 'the product details table',
  byline: 'the brand line',
  'title-text': 'the product title',
  url: 'the address',
};

export function describeEvidence(e: MatchEvidence): string {
  const where = SOURCE_WORDS[e.pageSource] ?? 'this page';
  const inNotice = e.recallSource === 'structured' ? 'listed in the notice' : 'printed in the notice text';
  switch (e.kind) {
    case 'gtin':
      return `Barcode ${e.pageValue} from ${where} is ${inNotice}.`;
    case 'raw-gtin':
      return `Code ${e.pageValue} from ${where} equals a code ${inNotice} (its check digit is not valid, so treat with care).`;
    case 'model':
      if (isItemIdEvidence(e)) return `Amazon item id ${e.pageValue} from ${where} is ${inNotice}.`;
      return `Model ${e.pageValue} from ${where} equals model ${e.recallValue} ${inNotice}.`;
    case 'brand':
      return `Brand "${e.pageValue}" agrees with "${e.recallValue}" in the notice.`;
    case 'title': {
      const shared = tokensAsPrinted(e.shared ?? [], e.recallValue);
      const score = e.score === undefined ? '' : `, ${Math.round(e.score * 100)}% of the name`;
      return `Title ≈ product name: ${quote(e.pageValue)} from ${where} is similar to the product name ${quote(e.recallValue)} in the notice (${shared.length} words in common: ${shared.join(', ')}${score}).`;
    }
  }
}

/** A GTIN-14 key as people read it: the 12- or 13-digit code printed on the pack. */
export const displayGtin = (gtin14: string): string => gtin14.replace(/^0+(?=\d{12})/, '');

export function describeCaveat(c: MatchCaveat): string {
  return c.values.length > 0 ? `${c.message} Affected: ${c.values.join(', ')}.` : c.message;
}

/** A published index is a source of records but no feed: it has no about of its own. */
const PUBLISHED_LABEL = 'published index';

/**
 * The authority that issued a recall, from the feed catalogue. A source no feed of ours knows (a
 * published index built by a newer version may carry one) falls back to its label.
 */
export function authorityName(recall: Recall): string {
  return aboutFeed(recall.source)?.authority ?? sourceLabel(recall.source);
}

/**
 * Short names of sources (feed ids, and "published" for a published index) for lists and tables, from
 * the feed catalogue; only a source no feed of ours knows is shown as its id in upper case.
 */
export function sourceLabel(source: string): string {
  if (source === 'published') return PUBLISHED_LABEL;
  return aboutFeed(source)?.label ?? source.toUpperCase();
}

/** "Jan" … "Dec", from the month names the date miners read. */
const MONTH_ABBREVIATIONS = Object.entries(MONTHS)
  .sort(([, a], [, b]) => a - b)
  .map(([name]) => `${name.charAt(0).toUpperCase()}${name.slice(1)}`);

/**
 * "15 Oct 2026". Formatted by hand: the first Intl date format in a fresh content-script world costs
 * tens of milliseconds (locale data loads), which would blow the banner's time budget.
 */
export function formatDate(iso: string | null): string {
  if (!iso) return 'date unknown';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  const month = m ? MONTH_ABBREVIATIONS[Number(m[2]) - 1] : undefined;
  if (!m || !month) return iso;
  return `${Number(m[3])} ${month} ${m[1]}`;
}

/** "3 hours ago", "2 days ago": how old the index is, for the freshness line. */
export function formatAge(iso: string | null, now: Date = new Date()): string {
  if (!iso) return 'never';
  const minutes = Math.max(0, Math.round((now.getTime() - new Date(iso).getTime()) / 60000));
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.round(hours / 24)} days ago`;
}

/**
 * A word's stem for "does the text say it": "Replace" is said by "replacement", "Refunds" by "refund".
 * Short words ("the", "of") are kept whole.
 */
const stem = (word: string): string => {
  const lower = word.toLowerCase();
  return lower.length > 4 ? lower.replace(/(?:e|es|s|ed|ing)$/, '') : lower;
};

/**
 * The remedy options the remedy text does not already say, so a card never reads "… for a full refund.
 * (Refund)": an option is said when each of its words (by stem) is in the text. EU notices list the same
 * measures as both, so all go; a Chinese remedy keeps its English options, which translate it.
 */
export function remedyOptionsNotSaid(remedy: string, options: readonly string[]): string[] {
  const text = remedy.toLowerCase();
  return options.filter((option) => {
    const words = option.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    return words.length === 0 || !words.every((word) => text.includes(stem(word)));
  });
}

/** "1 unit" for the "1 units" a count in a notice can become, and thousands grouped ("12,000 units"). */
export function describeUnits(units: string): string {
  const m = /^(\d+) units?$/.exec(units.trim());
  if (!m) return units;
  const n = m[1] as string;
  return n === '1' ? '1 unit' : `${n.replace(/\B(?=(\d{3})+$)/g, ',')} units`;
}
