/**
 * One finding: a listing of the catalog × a recall it matches, with everything a merchant needs to act
 * and to show a regulator why: the tier and its evidence in words (utils/recall-index/explain.ts, the
 * same sentences the banner and popup use), the notice's status, authority and official link, the
 * actions, and the listing's completeness. Plain data, so it exports as CSV, JSON and HTML alike.
 */
import type { MatchTier, RecallStatus } from '../schemas';

export interface Finding {
  /** The listing's row in the catalog file. */
  row: number;
  sku: string | null;
  title: string | null;
  brand: string | null;
  barcode: string | null;
  model: string | null;
  asin: string | null;
  listingUrl: string | null;
  tier: MatchTier;
  tierLabel: string;
  /** Why the tier: the tier's meaning, then one sentence per piece of evidence. */
  meaning: string;
  evidence: string[];
  caveats: string[];
  recallId: string;
  recallNumber: string | null;
  recallTitle: string;
  recallStatus: RecallStatus;
  published: string | null;
  source: string;
  sourceLabel: string;
  authority: string;
  jurisdiction: string;
  officialUrl: string | null;
  hazard: string;
  remedy: string;
  actions: string[];
  /** "complete" or what the listing does not show (utils/audit/completeness.ts). */
  completeness: string;
}
