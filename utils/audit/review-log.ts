/**
 * The merchant's review of findings: "reviewed" or "not this product", each with a note and the time,
 * kept as an append-only log on this device (issue 11). Nothing is edited or removed: a later entry for
 * the same finding supersedes an earlier one on screen, and the log keeps both, which is what a
 * regulator asking "when did you know, and what did you do" wants to see.
 * A finding is named by its listing (SKU, else barcode, model, ASIN, title, row) and its recall, so a
 * decision still applies when the catalog is audited again with its rows moved.
 * The storage is injected (the page passes browser.storage.local), so this runs in tests as it is.
 */
import type { Finding } from './finding';

export const REVIEW_LOG_KEY = 'auditReviewLog';
/** Notes longer than this are cut: a note is a sentence or two, not a document. */
export const REVIEW_NOTE_MAX = 2000;

export type ReviewDecision = 'reviewed' | 'not-this-product';

export interface ReviewEntry {
  /** ISO time the entry was written. */
  at: string;
  findingKey: string;
  recallId: string;
  /** The listing as the merchant knows it (SKU, barcode …), for reading the log on its own. */
  listing: string;
  decision: ReviewDecision;
  note: string;
  /** The catalog file the finding came from. */
  catalog: string;
}

/** The part of browser.storage.local the log needs. */
export interface ReviewStorage {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** The listing a finding is about, as a stable name. */
export function listingName(
  f: Pick<Finding, 'sku' | 'barcode' | 'model' | 'asin' | 'title' | 'row'>,
): string {
  if (f.sku) return `SKU ${f.sku}`;
  if (f.barcode) return `barcode ${f.barcode}`;
  if (f.model) return `model ${f.model}`;
  if (f.asin) return `ASIN ${f.asin}`;
  if (f.title) return f.title;
  return `row ${f.row}`;
}

export const findingKey = (f: Finding): string => `${listingName(f)}\u0000${f.recallId}`;

const DECISIONS: readonly string[] = ['reviewed', 'not-this-product'];

function isEntry(value: unknown): value is ReviewEntry {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    ['at', 'findingKey', 'recallId', 'listing', 'note', 'catalog'].every((k) => typeof v[k] === 'string') &&
    DECISIONS.includes(v.decision as string)
  );
}

export class ReviewLog {
  /** Appends one at a time, so two quick clicks both land. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly storage: ReviewStorage) {}

  /** Every entry, oldest first; a damaged entry is skipped rather than failing the rest. */
  async entries(): Promise<ReviewEntry[]> {
    const stored = (await this.storage.get(REVIEW_LOG_KEY))[REVIEW_LOG_KEY];
    return Array.isArray(stored) ? stored.filter(isEntry) : [];
  }

  async append(
    finding: Finding,
    decision: ReviewDecision,
    note: string,
    catalog: string,
    now: Date = new Date(),
  ): Promise<ReviewEntry> {
    const entry: ReviewEntry = {
      at: now.toISOString(),
      findingKey: findingKey(finding),
      recallId: finding.recallId,
      listing: listingName(finding),
      decision,
      note: note.trim().slice(0, REVIEW_NOTE_MAX),
      catalog,
    };
    const write = this.queue.then(async () => {
      const stored = (await this.storage.get(REVIEW_LOG_KEY))[REVIEW_LOG_KEY];
      // Kept as stored, damaged entries included: the log is only ever added to.
      const log = Array.isArray(stored) ? stored : [];
      await this.storage.set({ [REVIEW_LOG_KEY]: [...log, entry] });
    });
    this.queue = write.catch(() => undefined);
    await write;
    return entry;
  }
}

/** The latest entry per finding: what the findings table shows beside each row. */
export function latestDecisions(entries: readonly ReviewEntry[]): Map<string, ReviewEntry> {
  const latest = new Map<string, ReviewEntry>();
  for (const e of entries) {
    const had = latest.get(e.findingKey);
    if (!had || had.at <= e.at) latest.set(e.findingKey, e);
  }
  return latest;
}

/** The latest decision per finding key, as `latestDecisions` gives it. */
export type LatestReviews = ReadonlyMap<string, ReviewEntry>;

/** A finding's latest review as the exports write it (CSV, JSON, the evidence report). */
export interface FindingReview {
  decision: ReviewDecision;
  note: string;
  /** ISO time of the decision. */
  at: string;
}

/** The latest review of `finding`, or null when it has none (or the exports were given no log: the CLI). */
export function reviewOf(finding: Finding, latest: LatestReviews | undefined): FindingReview | null {
  const entry = latest?.get(findingKey(finding));
  return entry ? { decision: entry.decision, note: entry.note, at: entry.at } : null;
}
