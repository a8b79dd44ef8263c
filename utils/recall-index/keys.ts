/**
 * Index keys: the strings under which a recall is filed and a page identity is looked up. Both sides
 * derive them here, so a recall is always findable by exactly what a page can show:
 *   g:<gtin14>   a check-digit-valid GTIN
 *   r:<digits>   a GTIN-like string with a bad check digit, compared as printed (weak signal)
 *   m:<model>    a distinctive model key (brand compatibility is decided by the matcher, not the key);
 *                a model range the notice prints ("BSFIREPIT01–03") is filed under each member
 *   p:<prefix>   a model prefix the notice states ("models beginning with TRX1"); a page model is looked
 *                up under its own leading PREFIX_MIN..PREFIX_MAX characters
 *   a:<ASIN>     an Amazon item id the notice prints (utils/identity/asin.ts), looked up by an Amazon
 *                listing's own item id: the notice names that listing
 *   t:<brand anchor>:<title token>
 *                a brand together with one distinctive word of the product name, for the title rule
 *                (utils/identity/title-similarity.ts). See `recallTitleKeys` and `pageTitleKeys`.
 * A brand alone is never a key: brand-only candidates could never become a match anyway, and a brand
 * with a thousand recalls would bring up a thousand candidates. Paired with a word of the product name,
 * a brand brings up only its recalls whose names share that word.
 */
import { isAsin, pageAsin } from '../identity/asin';
import { brandAnchors } from '../identity/brand';
import { rawGtinKey } from '../identity/gtin';
import { isDistinctiveModel, modelKey } from '../identity/model';
import { readModelFamily } from '../identity/model-family';
import {
  MIN_SHARED,
  nameCanMatch,
  noticeNameTokens,
  requiredShared,
  titleTokens,
} from '../identity/title-similarity';
import type { ProductIdentity, Recall } from '../schemas';
import { pageBrandNames, recallBrandNames, recallFirmNames } from './brand-names';

/**
 * The version of the rules below that decide what a recall is filed under. Bump it with any change to
 * `recallKeys`: stored runs record the version they were built with, and the index rebuilds the tables
 * of older runs from their stored records (db.ts), so existing installs find records by the new rules
 * without a new download. Version 2 added the title keys; version 3 the Amazon item ids (`a:`) and a
 * second title anchor, the firm's, now that a product's own brand (DEWALT in an Enerco notice) leads.
 */
export const KEY_RULES_VERSION = 3;

export const gtinIndexKey = (gtin14: string): string => `g:${gtin14}`;
export const rawIndexKey = (raw: string): string => `r:${rawGtinKey(raw)}`;
export const modelIndexKey = (model: string): string => `m:${modelKey(model)}`;
const prefixIndexKey = (prefix: string): string => `p:${prefix}`;
const titleIndexKey = (anchor: string, token: string): string => `t:${anchor}:${token}`;
export const asinIndexKey = (asin: string): string => `a:${asin}`;

/** Prefix lengths a page model is looked up under: stated prefixes are short, and lookups stay bounded. */
const PREFIX_MIN = 3;
const PREFIX_MAX = 10;

/** Keys of one model value as a notice prints it: itself, or the members or prefix of a family. */
function recallModelKeys(model: string): string[] {
  const family = readModelFamily(model);
  if (family?.kind === 'range') return family.members.map((m) => `m:${m}`);
  if (family?.kind === 'prefix') return [prefixIndexKey(family.prefix)];
  return isDistinctiveModel(model) ? [modelIndexKey(model)] : [];
}

function unique(keys: string[]): string[] {
  return [...new Set(keys)];
}

/**
 * At most this many title keys per recall and brand anchor (a recall files at most two anchors). Every key is one more entry in the IndexedDB multiEntry
 * index, written for each of up to 250,000 records on a full sync (already the slowest budget), so a
 * recall files only what the title rule needs to be found: one key when its name has at most four
 * tokens (the rule then needs every token in the title, so any one of them will do), two from five to
 * MAX_NOTICE_WORDS tokens (one token may be missing, so one of any two is in the title).
 */
export const MAX_TITLE_KEYS_PER_RECALL = 2;
/** At most this many title keys per page identity: each is one more index read on every page. */
export const MAX_TITLE_KEYS_PER_PAGE = 8;
/** A page with two brand anchors ("Lumora/路摩") looks up at most two. */
const MAX_PAGE_ANCHORS = 2;

/**
 * Title keys of a recall: the first product whose name the title rule can meet (three to
 * MAX_NOTICE_WORDS tokens once brand words go) files its brand anchor and its firm's (brand-aliases-aware,
 * see `brandAnchors`), each with its first tokens in key order (`keyOrder` in title-similarity.ts: common words
 * last, otherwise a fixed hash order; the page side uses the same). Later products of a notice file
 * nothing of their own, to keep records small: they are reachable by title only through keys they share
 * with the first, which variants of one product do ("CozyNest Step Stool", "CozyNest Step Stool, White").
 */
function recallTitleKeys(recall: Recall): string[] {
  let firms: string[] | null = null;
  for (const product of recall.products) {
    let brands: string[] = [];
    const tokens = noticeNameTokens(product.name, () => {
      firms ??= recallFirmNames(recall);
      brands = recallBrandNames(recall, product, firms);
      return brands;
    });
    if (tokens === null || !nameCanMatch(tokens.length)) continue;
    // The first brand's anchor (every listed brand names one: sentinels are already left out), and the
    // first firm's when it differs: the product's own brand leads ("DEWALT" in an Enerco notice), and a
    // listing may carry either.
    firms ??= recallFirmNames(recall);
    const firm = firms.find((f) => brands.includes(f));
    const anchors = [
      ...new Set(
        [brands[0], firm]
          .filter((b): b is string => b !== undefined)
          .map((b) => brandAnchors(b)[0])
          .filter((a): a is string => a !== undefined),
      ),
    ];
    if (anchors.length === 0) continue;
    // Any (missing + 1) of the tokens include one that a strongly similar title carries.
    const needed = Math.min(MAX_TITLE_KEYS_PER_RECALL, tokens.length - requiredShared(tokens.length) + 1);
    return anchors.flatMap((anchor) => tokens.slice(0, needed).map((token) => titleIndexKey(anchor, token)));
  }
  return [];
}

/**
 * Title keys of a page identity: each of its brand anchors (at most two) with its first title tokens
 * in key order, MAX_TITLE_KEYS_PER_PAGE in all. A title with fewer than three tokens could never meet
 * the rule, so it asks for nothing.
 */
function pageTitleKeys(identity: ProductIdentity): string[] {
  if (!identity.title) return [];
  const brands = pageBrandNames(identity);
  const anchors = [...new Set(brands.flatMap(brandAnchors))].slice(0, MAX_PAGE_ANCHORS);
  if (anchors.length === 0) return [];
  const tokens = titleTokens(identity.title, brands);
  if (tokens.length < MIN_SHARED) return [];
  const perAnchor = tokens.slice(0, Math.floor(MAX_TITLE_KEYS_PER_PAGE / anchors.length));
  return anchors.flatMap((anchor) => perAnchor.map((token) => titleIndexKey(anchor, token)));
}

/** Keys under which a recall is filed. */
export function recallKeys(recall: Recall): string[] {
  const keys: string[] = [];
  for (const product of recall.products) {
    for (const g of product.gtins) keys.push(gtinIndexKey(g));
    for (const raw of product.rawGtins) if (rawGtinKey(raw).length >= 8) keys.push(rawIndexKey(raw));
    for (const m of product.models) {
      keys.push(...recallModelKeys(m));
      if (isAsin(m)) keys.push(asinIndexKey(m));
    }
    for (const i of product.identifiers) if (i.field === 'model') keys.push(...recallModelKeys(i.value));
  }
  keys.push(...recallTitleKeys(recall));
  return unique(keys);
}

/**
 * Keys of a page identity's identifiers: GTINs, raw codes, models and model prefixes. Whether a page
 * has any decides whether it can be checked at all (an "unreadable" verdict, a cart line worth
 * resolving through its product page); the title alone does not count for that.
 */
export function identifierKeys(identity: ProductIdentity): string[] {
  const keys: string[] = [];
  for (const g of identity.gtins) keys.push(gtinIndexKey(g));
  for (const raw of identity.rawGtins) if (rawGtinKey(raw).length >= 8) keys.push(rawIndexKey(raw));
  for (const m of identity.models) {
    if (!isDistinctiveModel(m)) continue;
    const key = modelKey(m);
    keys.push(`m:${key}`);
    for (let n = PREFIX_MIN; n < Math.min(key.length, PREFIX_MAX + 1); n++)
      keys.push(prefixIndexKey(key.slice(0, n)));
  }
  return unique(keys);
}

/**
 * Keys to look up for a page identity: its identifier keys, its Amazon item id, then its title keys.
 * The item id is not an identifier key: a listing known only by its ASIN is checked against the few
 * notices that print one, which is no reason to call it read.
 */
export function identityKeys(identity: ProductIdentity): string[] {
  const asin = pageAsin(identity);
  return unique([
    ...identifierKeys(identity),
    ...(asin === null ? [] : [asinIndexKey(asin)]),
    ...pageTitleKeys(identity),
  ]);
}
