/**
 * The one message contract between content scripts, extension pages and the background.
 *
 * Requests are a discriminated union on `type`; each has exactly one response shape. The background
 * parses every incoming message with `Request` before acting on it and answers with an `ErrorResponse`
 * (never a throw into the page) when it does not parse. Senders check responses with the same schemas
 * where zod is affordable (extension pages); the content script keeps zod out of its bundle and trusts
 * the background, which is our own code.
 */
import { z } from 'zod';
import {
  IndexStatus,
  PageType,
  ProductIdentity,
  Recall,
  RecallMatch,
  SyncOutcome,
  SyncProgress,
} from './schemas';

export const PageInfo = z.object({
  marketplace: z.string().max(40).nullable(),
  pageType: PageType,
  url: z.string().max(4000),
});
export type PageInfo = z.infer<typeof PageInfo>;

/** Content script → background: "these are the products on my page; any recalls?" */
export const LookupRequest = z.object({
  type: z.literal('lookup'),
  page: PageInfo,
  identities: z.array(ProductIdentity).max(200),
});
export type LookupRequest = z.infer<typeof LookupRequest>;

export const LookupResponse = z.object({
  ok: z.literal(true),
  matches: z.array(z.array(RecallMatch)),
  recalls: z.record(z.string(), Recall),
  index: IndexStatus,
  /** Milliseconds the index lookup took in the background (for `npm run bench`). */
  indexMs: z.number().nonnegative(),
});
export type LookupResponse = z.infer<typeof LookupResponse>;

/**
 * What we could say about a tab. `no-match` is never "safe": it means no recall in our index names
 * the identifiers we read. `unreadable` means we recognised the page but found nothing to check.
 */
export const VerdictStatus = z.enum(['warning', 'possible', 'no-match', 'unreadable', 'not-product']);
export type VerdictStatus = z.infer<typeof VerdictStatus>;

export const TabVerdict = z.object({
  status: VerdictStatus,
  page: PageInfo,
  identities: z.array(ProductIdentity),
  matches: z.array(z.array(RecallMatch)),
  recalls: z.record(z.string(), Recall),
  index: IndexStatus,
  checkedAt: z.string(),
});
export type TabVerdict = z.infer<typeof TabVerdict>;

/** Popup → background: "what did you find on this tab?" */
export const TabVerdictRequest = z.object({
  type: z.literal('tab-verdict'),
  tabId: z.number().int().nonnegative(),
});
export type TabVerdictRequest = z.infer<typeof TabVerdictRequest>;

export const TabVerdictResponse = z.object({
  ok: z.literal(true),
  verdict: TabVerdict.nullable(),
  index: IndexStatus,
});
export type TabVerdictResponse = z.infer<typeof TabVerdictResponse>;

/** Any extension page → background: index size and freshness. */
export const IndexStatusRequest = z.object({ type: z.literal('index-status') });
export type IndexStatusRequest = z.infer<typeof IndexStatusRequest>;
export const IndexStatusResponse = z.object({ ok: z.literal(true), index: IndexStatus });
export type IndexStatusResponse = z.infer<typeof IndexStatusResponse>;

/**
 * Content script → background: the shopper says a warning is about a different product. Remembered on
 * this device for that listing and that recall only; the next lookups leave the match out.
 */
export const DismissMatchRequest = z.object({
  type: z.literal('dismiss-match'),
  marketplace: z.string().max(40).nullable(),
  /** The listing: its marketplace id, or its URL when it has none. */
  listing: z.string().min(1).max(4000),
  recallId: z.string().max(200),
});
export type DismissMatchRequest = z.infer<typeof DismissMatchRequest>;

/**
 * Content script → background: the HTML of a cart line's product page on another origin than the cart
 * (JD: cart.jd.com → item.jd.com), which the page's CORS rules keep from the content script. The
 * background fetches only that marketplace's product pages, for its cart and order pages
 * (utils/background/product-page.ts); the content script parses the HTML with its own adapter.
 */
export const FetchProductPageRequest = z.object({
  type: z.literal('fetch-product-page'),
  url: z.string().max(2048),
});
export type FetchProductPageRequest = z.infer<typeof FetchProductPageRequest>;
export const FetchProductPageResponse = z.object({
  ok: z.literal(true),
  /** Where the page was read, after redirects (checked like the request). */
  url: z.string(),
  html: z.string(),
});
export type FetchProductPageResponse = z.infer<typeof FetchProductPageResponse>;

/** Options/popup → background: sync every enabled source now, whatever its schedule. */
export const SyncNowRequest = z.object({ type: z.literal('sync-now') });
export type SyncNowRequest = z.infer<typeof SyncNowRequest>;

export const SyncNowResponse = z.object({
  ok: z.literal(true),
  outcomes: z.array(SyncOutcome),
  index: IndexStatus,
});
export type SyncNowResponse = z.infer<typeof SyncNowResponse>;

/** Options → background: is a sync running, how far has it got, and how is each source doing? */
export const SyncStatusRequest = z.object({ type: z.literal('sync-status') });
export const SyncStatusResponse = z.object({
  ok: z.literal(true),
  running: z.boolean(),
  progress: SyncProgress.nullable(),
  index: IndexStatus,
  storageBytes: z.number().nullable(),
});
export type SyncStatusResponse = z.infer<typeof SyncStatusResponse>;

/** Options → background: drop the whole index and sync state, reload the starter data, sync again. */
export const RebuildRequest = z.object({ type: z.literal('clear-and-rebuild') });

export const ErrorResponse = z.object({ ok: z.literal(false), error: z.string() });
export type ErrorResponse = z.infer<typeof ErrorResponse>;

export const Request = z.discriminatedUnion('type', [
  LookupRequest,
  TabVerdictRequest,
  IndexStatusRequest,
  DismissMatchRequest,
  FetchProductPageRequest,
  SyncNowRequest,
  SyncStatusRequest,
  RebuildRequest,
]);
export type Request = z.infer<typeof Request>;

export interface ResponseFor {
  lookup: LookupResponse;
  'tab-verdict': TabVerdictResponse;
  'index-status': IndexStatusResponse;
  'dismiss-match': { ok: true };
  'fetch-product-page': FetchProductPageResponse;
  'sync-now': SyncNowResponse;
  'sync-status': SyncStatusResponse;
  'clear-and-rebuild': SyncNowResponse;
}
