/**
 * The matching evaluation: builds the labelled set (fixture corpus × fixture recalls, labelled by
 * fixture-labels.ts, plus the hand-made pairs of hard-cases.ts), runs the real matcher on every pair and
 * scores it. Shared by `npm run eval:match` (prints the table) and tests/unit/eval-match.test.ts (asserts
 * the thresholds), so both always judge the same thing.
 *
 * Scoring, with the labels of labels.ts:
 *   - per tier T: precision = matches at T whose label allows T / matches at T; recall = pairs labelled
 *     atLeast T that matched at T or stronger / pairs labelled atLeast T.
 *   - banner (confirmed + likely, what puts a warning on the page): precision = banner matches on pairs
 *     labelled atLeast anything (the same product) / banner matches; recall = pairs labelled atLeast
 *     confirmed or likely that got a banner / those pairs.
 *   - possible by title (the title rule alone: brand and title, no identifier): precision = such matches
 *     the label accepts / such matches; recall = pairs labelled `byTitle` that matched / those pairs.
 *   - checks: no brand-only pair matches; every match has evidence, each item naming its page source
 *     and its notice origin, with at least one identifier beyond the brand; required caveats are carried.
 */
import { brandsCompatible } from '../../utils/identity/brand';
import { isTitleOnly } from '../../utils/recall-index/explain';
import { BANNER_TIERS, matchRecall, tierRank } from '../../utils/recall-index/match';
import { MemoryIndex } from '../../utils/recall-index/memory-index';
import type { MatchTier, ProductIdentity, Recall, RecallMatch } from '../../utils/schemas';
import { type Corpus, loadCorpus } from './corpus';
import { FIXTURE_LABELS } from './fixture-labels';
import { HAND_MADE_PAIRS } from './hard-cases';
import type { Expectation, HandMadePair, Label } from './labels';
import { realPairs } from './real-pairs';

export const TIERS: readonly MatchTier[] = ['confirmed', 'likely', 'possible'];

export interface EvalPair extends Label {
  id: string;
  category: string;
  identity: ProductIdentity;
  recall: Recall;
}

export interface PairResult {
  pair: EvalPair;
  match: RecallMatch | null;
  /** False when the label rejects the outcome (a miss, a false match, or a tier it does not allow). */
  correct: boolean;
  /** Required caveats the match lacks. */
  missingCaveats: string[];
  /** Evidence problems: none, or no identifier beyond the brand, or an item without its sources. */
  evidenceProblems: string[];
  /** True when the keyed index (MemoryIndex) would not bring this matched recall up as a candidate. */
  unreachable: boolean;
}

export interface Score {
  label: string;
  predicted: number;
  truePositives: number;
  relevant: number;
  found: number;
  precision: number;
  recall: number;
}

export interface EvalReport {
  pairs: number;
  fixturePairs: number;
  handMadePairs: number;
  /** Pairs on real notices of the shared data (real-pairs.ts); null when the shared data is absent. */
  realPairs: number | null;
  /** Real pairs labelled confirmed whose listing has a brand and a barcode the notice prints; how many are. */
  realBarcodePairs: { pairs: number; confirmed: number };
  unjudgeable: string[];
  rejectedFeeds: string[];
  perTier: Score[];
  banner: Score;
  /** The title rule alone (matches whose only evidence is the title and the brand). */
  title: Score;
  /** The matches the title rule made alone. */
  titleOnly: PairResult[];
  any: Score;
  categories: Array<{ category: string; pairs: number; wrong: number }>;
  failures: PairResult[];
  brandOnlyPairs: number;
  brandOnlyMatches: PairResult[];
  evidenceFailures: PairResult[];
  caveatFailures: PairResult[];
  unreachable: PairResult[];
}

function brandNamesOf(identity: ProductIdentity): string[] {
  return [identity.brand, identity.manufacturer].filter((b): b is string => b !== null);
}

function recallBrandNames(recall: Recall): string[] {
  return [...recall.products.flatMap((p) => p.brands), ...recall.manufacturers];
}

/** Brands compatible on some pair of names: with no label saying more, such a pair is brand-only. */
function sameBrand(identity: ProductIdentity, recall: Recall): boolean {
  const recallNames = recallBrandNames(recall);
  return brandNamesOf(identity).some((a) => recallNames.some((b) => brandsCompatible(a, b)));
}

/** The real-notice pairs, read once per process (null without the shared data). */
let real: HandMadePair[] | null | undefined;
function realNoticePairs(): HandMadePair[] | null {
  if (real === undefined) real = realPairs();
  return real;
}

/** The labelled set: fixture pairs first (in corpus order), then the hand-made ones, then the real ones. */
export function labelledPairs(corpus: Corpus = loadCorpus()): EvalPair[] {
  const recallsById = new Map(corpus.recalls.map((r) => [r.id, r]));
  const labels = new Map(FIXTURE_LABELS.map((l) => [`${l.page} × ${l.recall}`, l]));
  for (const l of FIXTURE_LABELS) {
    if (!corpus.pages.some((p) => p.key === l.page))
      throw new Error(`fixture label names no page: ${l.page}`);
    if (!recallsById.has(l.recall)) throw new Error(`fixture label names no recall: ${l.recall}`);
  }
  const out: EvalPair[] = [];
  for (const { key, identity } of corpus.pages) {
    for (const recall of corpus.recalls) {
      const id = `${key} × ${recall.id}`;
      const label = labels.get(id);
      if (label) {
        out.push({ ...label, id, category: 'fixtures', identity, recall });
      } else {
        const brandOnly = sameBrand(identity, recall);
        out.push({
          id,
          category: brandOnly ? 'fixtures: brand only' : 'fixtures: unrelated',
          identity,
          recall,
          expect: 'none',
          brandOnly,
          why: 'No fixture page sells this recalled product.',
        });
      }
    }
  }
  for (const pair of [...HAND_MADE_PAIRS, ...(realNoticePairs() ?? [])]) {
    const recall = typeof pair.recall === 'string' ? recallsById.get(pair.recall) : pair.recall;
    if (!recall) throw new Error(`hand-made pair ${pair.id} names no fixture recall: ${String(pair.recall)}`);
    out.push({ ...pair, recall });
  }
  return out;
}

/** Whether the label accepts this outcome. */
export function accepts(expect: Expectation, match: RecallMatch | null): boolean {
  if (expect === 'none') return match === null;
  if ('atMost' in expect) return match === null || tierRank(match.tier) <= tierRank(expect.atMost);
  return match !== null && tierRank(match.tier) >= tierRank(expect.atLeast);
}

function evidenceProblems(match: RecallMatch | null): string[] {
  if (!match) return [];
  const problems: string[] = [];
  if (match.evidence.length === 0) problems.push('no evidence');
  if (!match.evidence.some((e) => e.kind !== 'brand')) problems.push('only brand evidence');
  for (const e of match.evidence) {
    if (!e.pageValue || !e.recallValue || !e.pageSource || !e.recallSource || !e.recallOrigin) {
      problems.push(`${e.kind} evidence without its values or sources`);
    }
  }
  return problems;
}

const ratio = (n: number, d: number): number => (d === 0 ? 1 : n / d);

function score(
  label: string,
  truePositives: number,
  predicted: number,
  found: number,
  relevant: number,
): Score {
  return {
    label,
    predicted,
    truePositives,
    relevant,
    found,
    precision: ratio(truePositives, predicted),
    recall: ratio(found, relevant),
  };
}

const isBanner = (m: RecallMatch | null): boolean => m !== null && BANNER_TIERS.includes(m.tier);

export function runEvaluation(corpus: Corpus = loadCorpus()): EvalReport {
  const pairs = labelledPairs(corpus);
  const results: PairResult[] = pairs.map((pair) => {
    const match = matchRecall(pair.identity, pair.recall);
    const carried = new Set(match?.caveats.map((c) => c.kind) ?? []);
    const reachable =
      match === null ||
      new MemoryIndex([pair.recall]).lookup(pair.identity).some((m) => m.recallId === match.recallId);
    return {
      pair,
      match,
      correct: accepts(pair.expect, match),
      missingCaveats: match ? (pair.caveats ?? []).filter((k) => !carried.has(k)) : [],
      evidenceProblems: evidenceProblems(match),
      unreachable: !reachable,
    };
  });

  const atLeast = (r: PairResult): MatchTier | null =>
    typeof r.pair.expect === 'object' && 'atLeast' in r.pair.expect ? r.pair.expect.atLeast : null;

  const perTier = TIERS.map((tier) => {
    const at = results.filter((r) => r.match?.tier === tier);
    const relevant = results.filter((r) => atLeast(r) === tier);
    const found = relevant.filter((r) => r.match !== null && tierRank(r.match.tier) >= tierRank(tier));
    return score(tier, at.filter((r) => r.correct).length, at.length, found.length, relevant.length);
  });

  const bannerMatches = results.filter((r) => isBanner(r.match));
  const bannerRelevant = results.filter((r) => {
    const t = atLeast(r);
    return t !== null && BANNER_TIERS.includes(t);
  });
  const banner = score(
    'confirmed + likely',
    bannerMatches.filter((r) => atLeast(r) !== null).length,
    bannerMatches.length,
    bannerRelevant.filter((r) => isBanner(r.match)).length,
    bannerRelevant.length,
  );

  const titleMatches = results.filter((r) => r.match !== null && isTitleOnly(r.match));
  const titleRelevant = results.filter((r) => r.pair.byTitle === true && atLeast(r) !== null);
  const title = score(
    'possible by title',
    titleMatches.filter((r) => r.correct).length,
    titleMatches.length,
    titleRelevant.filter((r) => r.correct).length,
    titleRelevant.length,
  );

  const anyMatches = results.filter((r) => r.match !== null);
  const anyRelevant = results.filter((r) => atLeast(r) !== null);
  const any = score(
    'any tier',
    anyMatches.filter((r) => r.correct).length,
    anyMatches.length,
    anyRelevant.filter((r) => r.correct).length,
    anyRelevant.length,
  );

  const categories = new Map<string, { pairs: number; wrong: number }>();
  for (const r of results) {
    const c = categories.get(r.pair.category) ?? { pairs: 0, wrong: 0 };
    c.pairs += 1;
    if (!r.correct) c.wrong += 1;
    categories.set(r.pair.category, c);
  }

  const brandOnly = results.filter((r) => r.pair.brandOnly);
  // The acceptance of the real pairs: a barcode the notice prints, on a listing of that product whose
  // brand agrees with the notice (its product brand, house or licensed brand, or firm: labelled
  // confirmed), is confirmed.
  const realBarcode = results.filter(
    (r) =>
      r.pair.category.startsWith('real:') &&
      atLeast(r) === 'confirmed' &&
      r.pair.identity.brand !== null &&
      r.pair.identity.gtins.some((g) => r.pair.recall.products.some((p) => p.gtins.includes(g))),
  );
  return {
    pairs: results.length,
    fixturePairs: results.filter((r) => r.pair.category.startsWith('fixtures')).length,
    handMadePairs: HAND_MADE_PAIRS.length,
    realPairs: realNoticePairs()?.length ?? null,
    realBarcodePairs: {
      pairs: realBarcode.length,
      confirmed: realBarcode.filter((r) => r.match?.tier === 'confirmed').length,
    },
    unjudgeable: corpus.unjudgeable,
    rejectedFeeds: corpus.rejectedFeeds,
    perTier,
    banner,
    title,
    titleOnly: titleMatches,
    any,
    categories: [...categories].map(([category, c]) => ({ category, ...c })),
    failures: results.filter((r) => !r.correct),
    brandOnlyPairs: brandOnly.length,
    brandOnlyMatches: brandOnly.filter((r) => r.match !== null),
    evidenceFailures: results.filter((r) => r.evidenceProblems.length > 0),
    caveatFailures: results.filter((r) => r.missingCaveats.length > 0),
    unreachable: results.filter((r) => r.unreachable),
  };
}

const percent = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** The report as the Markdown table and notes `npm run eval:match` prints. */
export function formatReport(report: EvalReport): string {
  const lines: string[] = [];
  const real =
    report.realPairs === null
      ? 'no real-notice pairs: the shared data (../shared/data) is absent'
      : `${report.realPairs} on real CPSC notices`;
  lines.push(
    `Labelled pairs: ${report.pairs} (${report.fixturePairs} fixture pairs, ${report.handMadePairs} hand-made, ${real})`,
    '',
    '| tier | matches | correct | precision | should reach | reached | recall |',
    '|---|---:|---:|---:|---:|---:|---:|',
  );
  for (const s of [...report.perTier, report.banner, report.title, report.any]) {
    lines.push(
      `| ${s.label} | ${s.predicted} | ${s.truePositives} | ${percent(s.precision)} | ${s.relevant} | ${s.found} | ${percent(s.recall)} |`,
    );
  }
  lines.push(
    '',
    `Brand-only pairs: ${report.brandOnlyPairs}, matched: ${report.brandOnlyMatches.length}`,
    `Real notices, barcode printed and brand agreeing (labelled confirmed): ${report.realBarcodePairs.confirmed} of ${report.realBarcodePairs.pairs} confirmed`,
    `Matches without full evidence: ${report.evidenceFailures.length}`,
    `Matches missing a required caveat: ${report.caveatFailures.length}`,
    `Matches the keyed index would not surface: ${report.unreachable.length}`,
    '',
    '| category | pairs | wrong |',
    '|---|---:|---:|',
    ...report.categories.map((c) => `| ${c.category} | ${c.pairs} | ${c.wrong} |`),
  );
  const notes = [
    ...report.failures.map(
      (r) =>
        `wrong: ${r.pair.id} expected ${JSON.stringify(r.pair.expect)}, got ${r.match?.tier ?? 'no match'} (${r.pair.why})`,
    ),
    ...report.caveatFailures.map((r) => `caveat: ${r.pair.id} lacks ${r.missingCaveats.join(', ')}`),
    ...report.evidenceFailures.map((r) => `evidence: ${r.pair.id}: ${r.evidenceProblems.join('; ')}`),
    ...report.unreachable.map(
      (r) => `index: ${r.pair.id} matches (${r.match?.tier}) but shares no index key`,
    ),
  ];
  if (notes.length > 0) lines.push('', ...notes);
  lines.push(
    '',
    `Not judged: ${report.unjudgeable.length} page items with neither an identifier nor a brand (cart and order rows).`,
    `Feed fixtures that are errors by design: ${report.rejectedFeeds.join(', ')}`,
  );
  return lines.join('\n');
}
