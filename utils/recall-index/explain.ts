/**
 * Plain-language explanations of a match, shared by the page banner, the popup and the CLI so the three
 * never disagree about why we warned and how sure we are.
 */
import { aboutFeed } from '../feeds/catalogue';
import { isAsin } from '../identity/asin';
import { tokensAsPrinted } from '../identity/title-similarity';
import type { MatchCaveat, MatchEvidence, MatchTier, Recall, RecallMatch } from '../schemas';
import { i18n } from '../ui-language/i18n';

// Everything here speaks the UI's language (utils/locales, `explain.*`): getters, so a label is read in
// the language of the moment it is shown, never frozen at import. Recall text stays as published.

export const TIER_LABEL: Readonly<Record<MatchTier, string>> = {
  get confirmed() {
    return i18n.t('explain.tier.confirmed');
  },
  get likely() {
    return i18n.t('explain.tier.likely');
  },
  get possible() {
    return i18n.t('explain.tier.possible');
  },
};

export const TIER_MEANING: Readonly<Record<MatchTier, string>> = {
  get confirmed() {
    return i18n.t('explain.meaning.confirmed');
  },
  get likely() {
    return i18n.t('explain.meaning.likely');
  },
  get possible() {
    return i18n.t('explain.meaning.possible');
  },
};

/** What a possible match resting on the title rule means; worded so that it reads as weak. */
export const titleMatchMeaning = (): string => i18n.t('explain.meaning.title');

/** The meaning of a confirmed match that rests on an Amazon item id the notice prints, not a barcode. */
export const itemIdMeaning = (): string => i18n.t('explain.meaning.itemId');

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
  if (isTitleOnly(match)) return titleMatchMeaning();
  const byItemId =
    match.tier === 'confirmed' &&
    match.evidence.some(isItemIdEvidence) &&
    !match.evidence.some((e) => e.kind === 'gtin');
  return byItemId ? itemIdMeaning() : TIER_MEANING[match.tier];
}

/** Long titles are cut for the evidence line; the full title is in the listing's facts. */
const MAX_QUOTED = 90;
const quote = (text: string): string =>
  `"${text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED - 1).trimEnd()}…` : text}"`;

/** Where on the page a value was read, in words. */
function whereOnPage(pageSource: MatchEvidence['pageSource']): string {
  switch (pageSource) {
    case 'embedded-json':
      return i18n.t('explain.where.listingData');
    case 'json-ld':
    case 'microdata':
      return i18n.t('explain.where.pageData');
    case 'meta':
      return i18n.t('explain.where.pageTags');
    case 'spec-table':
      return i18n.t('explain.where.specTable');
    case 'byline':
      return i18n.t('explain.where.byline');
    case 'title-text':
      return i18n.t('explain.where.title');
    case 'url':
      return i18n.t('explain.where.address');
    default:
      return i18n.t('explain.where.page');
  }
}

export function describeEvidence(e: MatchEvidence): string {
  const where = whereOnPage(e.pageSource);
  const inNotice =
    e.recallSource === 'structured' ? i18n.t('explain.inNotice.listed') : i18n.t('explain.inNotice.printed');
  switch (e.kind) {
    case 'gtin':
      return i18n.t('explain.evidence.gtin', [e.pageValue, where, inNotice]);
    case 'raw-gtin':
      return i18n.t('explain.evidence.rawGtin', [e.pageValue, where, inNotice]);
    case 'model':
      if (isItemIdEvidence(e)) return i18n.t('explain.evidence.itemId', [e.pageValue, where, inNotice]);
      return i18n.t('explain.evidence.model', [e.pageValue, where, e.recallValue, inNotice]);
    case 'brand':
      return i18n.t('explain.evidence.brand', [e.pageValue, e.recallValue]);
    case 'title': {
      const shared = tokensAsPrinted(e.shared ?? [], e.recallValue);
      const words = i18n.t('explain.evidence.sharedWords', shared.length, [
        String(shared.length),
        shared.join(', '),
      ]);
      const score =
        e.score === undefined ? '' : i18n.t('explain.evidence.score', [String(Math.round(e.score * 100))]);
      // One substitution for both: "$4$5" would read to the browser as a named placeholder "$4$".
      return i18n.t('explain.evidence.title', [
        quote(e.pageValue),
        where,
        quote(e.recallValue),
        `${words}${score}`,
      ]);
    }
  }
}

/** A GTIN-14 key as people read it: the 12- or 13-digit code printed on the pack. */
export const displayGtin = (gtin14: string): string => gtin14.replace(/^0+(?=\d{12})/, '');

/**
 * A caveat in the UI's language. The matcher records each with an English message (kept in verdicts and
 * exports); the words shown come from its kind and its fields.
 */
function caveatMessage(c: MatchCaveat): string {
  switch (c.kind) {
    case 'lot-specific':
      return i18n.t('explain.caveat.lots');
    case 'date-specific':
      return i18n.t('explain.caveat.dates');
    case 'brand-differs':
      return c.basis === 'item-id'
        ? i18n.t('explain.caveat.brandDiffersItemId')
        : i18n.t('explain.caveat.brandDiffersBarcode');
    case 'brand-unknown':
      return i18n.t('explain.caveat.brandUnknown');
    case 'title-only':
      return i18n.t('explain.caveat.titleOnly');
    case 'recall-completed':
      return c.published
        ? i18n.t('explain.caveat.completedOn', [c.published])
        : i18n.t('explain.caveat.completed');
    default:
      return c.message;
  }
}

export function describeCaveat(c: MatchCaveat): string {
  const message = caveatMessage(c);
  return c.values.length > 0 ? i18n.t('explain.caveat.affected', [message, c.values.join(', ')]) : message;
}

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
  if (source === 'published') return i18n.t('explain.publishedIndex');
  return aboutFeed(source)?.label ?? source.toUpperCase();
}

/**
 * "15 Oct 2026", "2026年10月15日". Formatted by hand from the UI's messages: the first Intl date format
 * in a fresh content-script world costs tens of milliseconds (locale data loads), which would blow the
 * banner's time budget.
 */
export function formatDate(iso: string | null): string {
  if (!iso) return i18n.t('explain.dateUnknown');
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  // "Jan Feb … Dec" in English, "1月 2月 … 12月" in Chinese: one message, so a date is one lookup.
  const month = m ? i18n.t('explain.months').split(' ')[Number(m[2]) - 1] : undefined;
  if (!m || !month) return iso;
  return i18n.t('explain.date', [String(Number(m[3])), month, m[1] as string]);
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
  return i18n.t('explain.units', Number(n), [n.replace(/\B(?=(\d{3})+$)/g, ',')]);
}
