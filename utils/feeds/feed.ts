/**
 * The feed contract. Each folder here but lib/ is one feed (id = folder name):
 * - `index.ts` default-exports its `FeedMapper`; `index.ts` of this folder (the registry) discovers them;
 * - `about.ts` default-exports its `FeedAbout`, plain data that `catalogue.ts` discovers for the pages
 *   and content scripts, which must not carry mapper code;
 * - `cases.ts` exports its `testCases: FeedTestCase[]`, which tests/unit/feeds/cases.test.ts runs;
 * - anything else in the folder is a helper of that feed. Machinery mappers share lives in `lib/`.
 *
 * A mapper is pure: it turns one document (parsed JSON, or the text of an XML or HTML feed) into strict
 * `Recall` records and says, record by record, what it skipped and why. Fetching is not its business:
 * live sync fetches with the `endpoint` description and hands the body here. A feed that needs more than
 * one request (pages, a list then details, conditional GETs) describes that walk in `endpoint.sync`,
 * which receives an injected `FeedHttp` and returns the documents for `map`.
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
  /**
   * What a sync must guard against, in words (shown in docs and logs). Whether the host needs a
   * permission is the feed's `about.ts` (`hostPermissions`).
   */
  notes: string;
  /**
   * A feed that one GET of `buildUrl(since)` cannot sync walks its pages here. Pure: every request goes
   * through `http`, which the sync engine builds on its fetch (timeouts, back-off on 429/5xx, and the
   * configured base URL in place of the official origin, so tests point every feed at localhost). URLs
   * are given in their official form, on the origin of `buildUrl`. `cursor` is what this method
   * returned last time, or null for a full download (first sync, periodic deep rescan). Every loop is
   * bounded (`opts.maxPages`/`opts.maxItems`, or the feed's documented defaults): a run that stops at a
   * bound returns a cursor from which the next run continues.
   */
  sync?(http: FeedHttp, cursor: string | null, opts: FeedSyncOptions): Promise<FeedSyncResult>;
}

/** A response as a feed's `sync` sees it. 2xx, 304 and 404 arrive here; any other status throws. */
export interface FeedResponse<T> {
  status: number;
  /** A response header (Link, ETag, Last-Modified, Content-Type), or null. */
  header(name: string): string | null;
  /** Parsed JSON or decoded text; null on 304, and on a 404 without a readable body. */
  body: T | null;
}

/** The little HTTP a feed's `sync` may use, injected so the walk stays pure and testable. */
export interface FeedHttp {
  getJson(url: string, headers?: Record<string, string>): Promise<FeedResponse<unknown>>;
  /** Text decoded by the response's charset (Content-Type, else an HTML `<meta charset>`, else UTF-8). */
  getText(url: string, headers?: Record<string, string>): Promise<FeedResponse<string>>;
  postJson(url: string, body: unknown): Promise<FeedResponse<unknown>>;
}

export interface FeedSyncOptions {
  now: Date;
  /** Overrides the feed's page bound (list or search pages per run). */
  maxPages?: number;
  /** Overrides the feed's item bound (detail requests or records per run). */
  maxItems?: number;
}

export interface FeedSyncResult {
  /** Documents for `map`, oldest first where the feed can tell. */
  documents: unknown[];
  /** Where the next incremental run starts; null keeps the stored cursor. */
  cursor: string | null;
  /** Nothing changed upstream (HTTP 304): nothing is written. */
  notModified?: boolean;
  /** Items that could not be fetched (a detail answering 404), in words; they join the skip list. */
  skipped?: string[];
}

export interface FeedMapper {
  /** Equals the folder name and its `about.ts` id: "cpsc" for cpsc/index.ts. */
  id: string;
  /** As its `about.ts` states it (the registry test checks they agree). */
  jurisdiction: string;
  /** As its `about.ts` states it: "US CPSC Recalls". */
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

/**
 * What the extension's pages and content scripts know of a feed without loading its mapper: each feed's
 * `about.ts` default-exports one as a plain object literal (`satisfies FeedAbout`, no import beyond this
 * type), and `catalogue.ts` lists them. Content scripts carry the catalogue, so it stays pure data.
 */
export interface FeedAbout {
  /** Equals the folder name and the mapper's id; the `Recall.source` of an official feed's records. */
  id: string;
  /** Human name, as the options page lists it: "US CPSC Recalls". */
  name: string;
  /** The authority as the banner and the popup print it: "U.S. Consumer Product Safety Commission". */
  authority: string;
  /** Short name for lists and tables: "CPSC". */
  label: string;
  /** ISO 3166-1 alpha-2 code of the authority, "EU", or "*" for documents that mix sources. */
  jurisdiction: string;
  /**
   * An authority's own feed, synced from its host and listed on the options page; false for Recall
   * Sentinel's own snapshot format, read from files, whose records keep the source they were written with.
   */
  official: boolean;
  /** On for a new install (only feeds that need no host permission can be, as nobody was asked). */
  enabledByDefault: boolean;
  /**
   * Host permission patterns ("https://host/*") the feed's sync needs: the build lists them as optional
   * host permissions, the options page asks for them when the user turns the feed on, and the sync engine
   * checks them before fetching. Empty when the host answers with `Access-Control-Allow-Origin: *` (CPSC,
   * openFDA), which the extension can read with no permission.
   */
  hostPermissions: readonly string[];
}

/**
 * One document a feed must read, and what it must make of it: each feed's `cases.ts` exports a list, and
 * tests/unit/feeds/cases.test.ts runs every case through the registry (detection, then the mapper).
 */
export interface FeedTestCase {
  /** What the case shows, as a sentence: it is the test's name. */
  name: string;
  /**
   * The document: a path under tests/fixtures/feeds/ ("cpsc/recalls-page.json"), or, with `shared`, under
   * the team's real data at ../shared/data ("cpsc/open-recall-format/sample.json"). Either way it starts
   * with the feed's id. A `.json` file is handed over parsed, any other as text.
   */
  fixture: string;
  /** The fixture is real data under ../shared/data (required under CI, skipped with a note elsewhere). */
  shared?: boolean;
  /** Record ids the document must yield (others may come too). */
  expectIds?: readonly string[];
  /** Every record id the document yields, in order. */
  expectAllIds?: readonly string[];
  /** How many records the document yields. */
  expectRecords?: number;
  /** How many records are skipped (0: none). */
  expectSkips?: number;
  /** Words each skip reason contains, one per skip, in order (so also how many). */
  expectSkipReasons?: readonly string[];
  /** The document is an error as a whole: mapping it throws, with these words in the message. */
  expectError?: string;
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
