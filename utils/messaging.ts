/**
 * The one message contract between the extension's parts: content scripts and extension pages ask, the
 * background answers. `MESSAGES` maps each message type to its request schema, its response schema and
 * who may send it (a policy of utils/messaging/senders.ts, with the refusal the background answers
 * otherwise). Nothing is sent into tabs: the content script follows its page's navigations itself
 * (utils/content/location-changes.ts).
 *
 * The background looks every incoming message up in this table, parses it with the request schema,
 * applies the sender policy and answers with an `ErrorResponse` (never a throw into the page) when any of
 * that fails (utils/background/handle-message.ts). Around it, in utils/messaging/:
 *   send.ts             the only place messages are sent (`send`); types only from here, so the content
 *                       script, which keeps zod out of its bundle, can use it and trusts the background's
 *                       answers (our own code)
 *   ask.ts              extension pages: `send` plus a parse of the answer with the response schema
 *   senders.ts          the sender policies
 */
import { z } from 'zod';
import { IDENTITY_LIMITS, LOOKUP_MAX_IDENTITIES } from './identity-limits';
import { MANUAL_QUERY_MAX } from './manual-query';
import type { SenderPolicy } from './messaging/senders';
import {
  capped,
  clipped,
  IndexStatus,
  PageType,
  ProductIdentity,
  Recall,
  RecallMatch,
  SyncOutcome,
  SyncProgress,
} from './schemas';
import { WatchedProduct } from './watchlist/watched-product';

export const PageInfo = z.object({
  marketplace: clipped(IDENTITY_LIMITS.marketplace).nullable(),
  pageType: PageType,
  url: clipped(IDENTITY_LIMITS.url),
  /** The lines the page showed, when more than one lookup checks (LOOKUP_MAX_IDENTITIES): the popup says so. */
  linesOnPage: z.number().int().nonnegative().optional(),
});
export type PageInfo = z.infer<typeof PageInfo>;

/** Content script → background: "these are the products on my page; any recalls?" */
export const LookupRequest = z.object({
  type: z.literal('lookup'),
  page: PageInfo,
  /** The first LOOKUP_MAX_IDENTITIES lines are checked; more are cut, never a reason to refuse (fail closed). */
  identities: capped(ProductIdentity, LOOKUP_MAX_IDENTITIES),
  /** False once the page holds the warning's messages (utils/ui-language/page-messages.ts). */
  wantMessages: z.boolean().optional(),
});
export type LookupRequest = z.infer<typeof LookupRequest>;

export const LookupResponse = z.object({
  ok: z.literal(true),
  matches: z.array(z.array(RecallMatch)),
  recalls: z.record(z.string(), Recall),
  index: IndexStatus,
  /** Milliseconds the index lookup took in the background (for `npm run bench`). */
  indexMs: z.number().nonnegative(),
  /**
   * With a warning: the UI messages it is worded with, `$1`…`$9` for their substitutions
   * (utils/ui-language/page-messages.ts), so the page does not ask Chrome for them.
   */
  messages: z.record(z.string(), z.string()).optional(),
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

/** A request answered with nothing more than "done". */
export const OkResponse = z.object({ ok: z.literal(true) });
export type OkResponse = z.infer<typeof OkResponse>;

/** One "not this product" answer, as the options page lists it (issue 14: reviewable and undoable). */
export const Dismissal = z.object({
  marketplace: z.string().max(40).nullable(),
  listing: z.string().max(4000),
  recallId: z.string().max(200),
});
export type Dismissal = z.infer<typeof Dismissal>;

/** Options page → background: the "not this product" answers kept on this device, newest first. */
export const DismissalsRequest = z.object({ type: z.literal('dismissals') });
export const DismissalsResponse = z.object({ ok: z.literal(true), dismissals: z.array(Dismissal) });

/** Options page → background: forget one "not this product" answer; its warning comes back. */
export const UndoDismissalRequest = Dismissal.extend({ type: z.literal('undo-dismissal') });

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
export type SyncStatusRequest = z.infer<typeof SyncStatusRequest>;
export type SyncStatusResponse = z.infer<typeof SyncStatusResponse>;

/**
 * Watchlist page → background: the products kept on this device and those that have a confirmed or
 * likely recall now (utils/background/watchlist-service.ts).
 */
export const WatchlistRequest = z.object({ type: z.literal('watchlist') });
export const WatchlistResponse = z.object({
  ok: z.literal(true),
  enabled: z.boolean(),
  products: z.array(WatchedProduct),
  found: z.array(z.object({ key: z.string(), matches: z.array(RecallMatch) })),
  recalls: z.record(z.string(), Recall),
  index: IndexStatus,
});
export type WatchlistResponse = z.infer<typeof WatchlistResponse>;

/**
 * Popup → background: look up what the shopper typed (a barcode, or a model with an optional brand),
 * read by utils/manual-query.ts on both sides. The answer is a verdict like a page's, filed under no tab.
 */
export const ManualLookupRequest = z.object({
  type: z.literal('manual-lookup'),
  text: z.string().max(MANUAL_QUERY_MAX),
  brand: z.string().max(MANUAL_QUERY_MAX).nullable(),
});
export const ManualLookupResponse = z.object({ ok: z.literal(true), verdict: TabVerdict });

/** Watchlist page or options → background: forget every kept product. */
export const WatchlistClearRequest = z.object({ type: z.literal('watchlist-clear') });

/**
 * Content script → background: the shopper clicked "Report a safety problem" on the page's banner. The
 * background screenshots the tab and opens the report page for the sender's tab (never a tab the message
 * names); `item` is the cart or order line the banner was showing, null for a product page.
 */
export const OpenReportRequest = z.object({
  type: z.literal('open-report'),
  item: z.number().int().nonnegative().max(199).nullable(),
});
export type OpenReportRequest = z.infer<typeof OpenReportRequest>;

/** Options → background: drop the whole index and sync state, reload the starter data, sync again. */
export const RebuildRequest = z.object({ type: z.literal('clear-and-rebuild') });
export type RebuildRequest = z.infer<typeof RebuildRequest>;

/**
 * Any part of the extension → background: nothing but an answer. What a message round trip costs on its
 * own, without any work behind it: `npm run bench` measures the lookup beside it (tests/bench/run.ts).
 */
export const PingRequest = z.object({ type: z.literal('ping') });
export type PingRequest = z.infer<typeof PingRequest>;

export const ErrorResponse = z.object({ ok: z.literal(false), error: z.string() });
export type ErrorResponse = z.infer<typeof ErrorResponse>;

/** One row of the table: what is sent, what comes back, who may send it and what a refused sender hears. */
export interface MessageContract {
  request: z.ZodObject<{ type: z.ZodLiteral<string> }>;
  response: z.ZodType;
  from: SenderPolicy;
  /** The error answered to a sender the policy refuses (none where every sender of ours is welcome). */
  refusal?: string;
}

/**
 * Every message there is. Adding one here makes the type checker ask for its handler (the background's,
 * in utils/background/handle-message.ts), and tests/unit/messaging.test.ts checks that each is there and
 * answers in the response schema.
 */
export const MESSAGES = {
  lookup: {
    request: LookupRequest,
    response: LookupResponse,
    // The verdict is filed under the sender's tab, never under a tab id the message names.
    from: 'content',
    refusal: 'lookup is answered for content scripts only',
  },
  'tab-verdict': {
    request: TabVerdictRequest,
    response: TabVerdictResponse,
    from: 'page',
    refusal: 'tab verdicts are shown in extension pages only',
  },
  'index-status': { request: IndexStatusRequest, response: IndexStatusResponse, from: 'either' },
  'dismiss-match': {
    request: DismissMatchRequest,
    response: OkResponse,
    from: 'content',
    refusal: 'dismissals come from the page banner',
  },
  'fetch-product-page': {
    request: FetchProductPageRequest,
    response: FetchProductPageResponse,
    // Which URLs, for which pages, is checked further by utils/background/product-page.ts.
    from: 'content-top-frame',
    refusal: 'product pages are read for content scripts only',
  },
  'sync-now': {
    request: SyncNowRequest,
    response: SyncNowResponse,
    from: 'page',
    refusal: 'sync is started from the extension pages only',
  },
  'sync-status': {
    request: SyncStatusRequest,
    response: SyncStatusResponse,
    from: 'page',
    refusal: 'sync status is shown in extension pages only',
  },
  'clear-and-rebuild': {
    request: RebuildRequest,
    response: SyncNowResponse,
    from: 'page',
    refusal: 'sync is started from the extension pages only',
  },
  watchlist: {
    request: WatchlistRequest,
    response: WatchlistResponse,
    from: 'page',
    refusal: 'the watchlist is shown in extension pages only',
  },
  'manual-lookup': {
    request: ManualLookupRequest,
    response: ManualLookupResponse,
    from: 'page',
    refusal: 'manual lookups come from the popup only',
  },
  'watchlist-clear': {
    request: WatchlistClearRequest,
    response: OkResponse,
    from: 'page',
    refusal: 'the watchlist is cleared from extension pages only',
  },
  'open-report': {
    request: OpenReportRequest,
    response: OkResponse,
    // The report opens for the sender's tab; the popup and the context menu open it themselves.
    from: 'content',
    refusal: 'reports are opened from the page banner only',
  },
  dismissals: {
    request: DismissalsRequest,
    response: DismissalsResponse,
    from: 'page',
    refusal: '"not this product" answers are listed in extension pages only',
  },
  'undo-dismissal': {
    request: UndoDismissalRequest,
    response: OkResponse,
    from: 'page',
    refusal: '"not this product" answers are undone in extension pages only',
  },
  ping: { request: PingRequest, response: OkResponse, from: 'either' },
} as const satisfies Record<string, MessageContract>;

export type Messages = typeof MESSAGES;
export type MessageType = keyof Messages;
export type RequestFor<T extends MessageType> = z.infer<Messages[T]['request']>;
export type ResponseFor<T extends MessageType> = z.infer<Messages[T]['response']>;
/** The messages the background receives: every one in the table. */
export type ToBackground = MessageType;
export type BackgroundRequest = RequestFor<ToBackground>;
export type BackgroundResponse = ResponseFor<ToBackground> | ErrorResponse;

/** Whether `type` names a message the background receives (an own key of the table, not an inherited one). */
export function isToBackground(type: unknown): type is ToBackground {
  return typeof type === 'string' && Object.hasOwn(MESSAGES, type);
}
