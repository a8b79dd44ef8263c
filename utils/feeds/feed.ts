/**
 * The feed contract. One file per feed in this folder (id = file name), each default-exporting a
 * `FeedMapper`; `index.ts` discovers them, so the machinery mappers share lives in `lib/`, which the
 * registry does not read. A mapper is pure: it turns one document (parsed JSON, or the text of an XML or
 * HTML feed) into strict `Recall` records and says, record by record, what it skipped and why. Fetching
 * is not its business: live sync fetches with the `endpoint` description and hands the body here.
 */
import type { Recall } from '../schemas';

export interface FeedSkip {
  /** Position of the record in the document (0-based). */
  index: number;
  /** The record's own id, when it had a readable one. */
  nativeId: string | null;
  /** In words, for the options page and the CLI: "record 7: RecallID is missing". */
  reason: string;
}

export interface FeedParseResult {
  /** The `Recall.source` of the records (the feed id). */
  source: string;
  recalls: Recall[];
  skipped: FeedSkip[];
}

export interface FeedMapOptions {
  /** The clock, passed in so mapping is reproducible in tests. */
  now: Date;
}

/**
 * Where a live sync would fetch the feed. Only a description: nothing here opens a connection.
 * `buildUrl(since)` gives the URL for records published or republished on or after `since`
 * (YYYY-MM-DD); `since` null asks for the whole feed.
 */
export interface FeedEndpoint {
  buildUrl(since: string | null): string;
  /** What a sync must guard against, in words (shown in docs and logs). */
  notes: string;
}

export interface FeedMapper {
  /** Equals the file name: "cpsc" for cpsc.ts. */
  id: string;
  /** ISO 3166-1 alpha-2 code of the authority, "EU", or "*" for documents that mix sources. */
  jurisdiction: string;
  /** Human name: "US CPSC Recalls". */
  name: string;
  /** The document this mapper reads, as an error message would name it: "a CPSC Recalls API array". */
  accepts: string;
  /** Cheap shape check: true when `map` should be given this document. Never throws. */
  detect(data: unknown): boolean;
  /**
   * Maps a whole document. Bad records are skipped with a reason and never drop the rest; a document
   * that is an error as a whole (not the expected shape, or only an error record) throws an Error.
   */
  map(data: unknown, opts: FeedMapOptions): FeedParseResult;
  endpoint?: FeedEndpoint;
}

/** Identity helper that gives a mapper file its type without a cast. */
export function defineFeed(mapper: FeedMapper): FeedMapper {
  return mapper;
}

/** A zod error as one short line: "Title: Invalid input: expected string, received number". */
export function describeIssues(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  return issues
    .slice(0, 3)
    .map((issue) => {
      const path = issue.path.map((p) => String(p)).join('.');
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}
