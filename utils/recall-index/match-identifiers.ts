/**
 * Barcode and item-id evidence: a valid GTIN on both sides, the same bad-check-digit code printed on
 * both sides, and an Amazon listing whose ASIN the notice prints. The strongest signals the matcher has,
 * each with where both sides printed it.
 */
import { isAsin, pageAsin } from '../identity/asin';
import { gtinKey, rawGtinKey, readGtin } from '../identity/gtin';
import type { MatchEvidence, ProductIdentity, RecallProduct } from '../schemas';
import { pageSourceOf, recallSourceOf } from './match-sources';

/** Raw codes shorter than this are too short to mean anything (the index uses the same floor). */
const MIN_RAW_LENGTH = 8;

export function gtinEvidence(identity: ProductIdentity, product: RecallProduct): MatchEvidence[] {
  const recallGtins = new Set(product.gtins);
  const out: MatchEvidence[] = [];
  for (const gtin of new Set(identity.gtins)) {
    if (!recallGtins.has(gtin)) continue;
    const page = pageSourceOf(identity, ['gtin'], (v) => gtinKey(v) === gtin);
    const notice = recallSourceOf(product, ['gtin'], (v) => gtinKey(v) === gtin, 'gtins');
    out.push({
      kind: 'gtin',
      // As printed, minus the invisible marks some pages carry (Amazon's U+200E), for display.
      pageValue: page.printed === null ? gtin : readGtin(page.printed).raw,
      pageSource: page.source,
      recallValue: notice.printed ?? gtin,
      recallSource: notice.source,
      recallOrigin: notice.origin,
    });
  }
  return out;
}

/**
 * The same code printed on both sides where the notice's copy fails the check digit (a typo in the
 * notice, or a label that really carries a bad code). Codes the notice printed correctly are already
 * GTIN evidence, so they are skipped here.
 */
export function rawGtinEvidence(identity: ProductIdentity, product: RecallProduct): MatchEvidence[] {
  const badRecallCodes = new Map<string, string>();
  for (const raw of product.rawGtins) {
    const key = rawGtinKey(raw);
    if (key.length >= MIN_RAW_LENGTH && gtinKey(raw) === null) badRecallCodes.set(key, raw);
  }
  const out: MatchEvidence[] = [];
  const seen = new Set<string>();
  for (const raw of identity.rawGtins) {
    const key = rawGtinKey(raw);
    const recallRaw = badRecallCodes.get(key);
    if (recallRaw === undefined || seen.has(key)) continue;
    seen.add(key);
    const page = pageSourceOf(identity, ['gtin'], (v) => rawGtinKey(v) === key);
    const notice = recallSourceOf(product, ['rawGtin', 'gtin'], (v) => rawGtinKey(v) === key, 'rawGtins');
    out.push({
      kind: 'raw-gtin',
      pageValue: readGtin(page.printed ?? raw).raw,
      pageSource: page.source,
      recallValue: notice.printed ?? recallRaw,
      recallSource: notice.source,
      recallOrigin: notice.origin,
    });
  }
  return out;
}

/**
 * An Amazon listing whose item id the notice prints (as a model number, "ASIN: …", or a package
 * identifier; utils/identity/asin.ts): the notice names this very listing. Filed as model evidence whose
 * both values are the ASIN, which explain.ts words as an Amazon item id.
 */
export function itemIdEvidence(identity: ProductIdentity, product: RecallProduct): MatchEvidence[] {
  const asin = pageAsin(identity);
  if (asin === null) return [];
  const printed = [
    ...product.models,
    ...product.identifiers.filter((i) => i.field === 'model').map((i) => i.value),
  ];
  if (!printed.some((m) => isAsin(m) && m === asin)) return [];
  const fact = identity.facts.find((f) => f.field === 'itemId' && f.value.trim().toUpperCase() === asin);
  const notice = recallSourceOf(product, ['model'], (v) => v === asin, 'models');
  return [
    {
      kind: 'model',
      pageValue: asin,
      pageSource: fact?.source ?? 'url',
      recallValue: notice.printed ?? asin,
      recallSource: notice.source,
      recallOrigin: notice.origin,
    },
  ];
}
