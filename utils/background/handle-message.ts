/**
 * The background's message handler, kept free of `browser.*` so it can be tested directly: every
 * dependency arrives in `deps`. A message is looked up in the table of utils/messaging.ts by its type,
 * parsed with that type's request schema, checked against that type's sender policy (refused with the
 * table's refusal), and only then given to its handler here; every answer is the type's response or
 * `{ ok: false, error }`, never a throw. Who may ask what is the table's `from` column.
 */

import { clip, IDENTITY_LIMITS } from '../identity-limits';
import { isRecord } from '../is-record';
import { dismissalKey, dismissalOf, listingOf } from '../listing';
import { MANUAL_URL, manualIdentity, readManualQuery } from '../manual-query';
import type { MarketplaceAdapter } from '../marketplaces/adapter';
import {
  type BackgroundResponse,
  type ErrorResponse,
  type FetchProductPageResponse,
  isToBackground,
  MESSAGES,
  type Messages,
  type RequestFor,
  type ResponseFor,
  type TabVerdict,
  type ToBackground,
} from '../messaging';
import { type MessageSender, senderMay } from '../messaging/senders';
import type { RecallDb } from '../recall-index/db';
import { lookupIdentities } from '../recall-index/query';
import { BANNER_TIERS } from '../recall-index/tiers';
import type { IndexStatus, SyncOutcome, SyncProgress } from '../schemas';
import { checkProductPageRequest } from './product-page';
import { verdictStatus } from './verdict';
import type { WatchlistService } from './watchlist-service';

export type { MessageSender } from '../messaging/senders';

/** "Not this product" answers, as `dismissalKey` strings. */
export interface DismissalStore {
  /** In the order they were given, oldest first. */
  list(): Promise<Set<string>>;
  add(key: string): Promise<void>;
  remove(key: string): Promise<void>;
}

export interface VerdictStore {
  get(tabId: number): Promise<TabVerdict | null>;
  set(tabId: number, verdict: TabVerdict): Promise<void>;
}

/** The background's sync runner, as the handler sees it. */
export interface SyncControl {
  /** Runs (or joins the running) sync of every enabled source. */
  runNow(): Promise<SyncOutcome[]>;
  running(): boolean;
  progress(): SyncProgress | null;
  clearAndRebuild(): Promise<SyncOutcome[]>;
  storageBytes(): Promise<number | null>;
}

export interface BackgroundDeps {
  runtimeId: string;
  /** `chrome-extension://<id>/` or `moz-extension://<uuid>/`. */
  extensionOrigin: string;
  db: () => Promise<RecallDb>;
  /** Index size and freshness; the background caches it between data loads. */
  indexStatus: () => Promise<IndexStatus>;
  verdicts: VerdictStore;
  dismissals: DismissalStore;
  onVerdict?: (tabId: number, verdict: TabVerdict) => Promise<void> | void;
  sync: SyncControl;
  /** Product pages on other origins than a cart (absent: `fetch-product-page` is refused). */
  productPages?: {
    /** The marketplace adapters whose `productHosts`, `claims` and `pageType` decide what may be read. */
    adapters: readonly MarketplaceAdapter[];
    /** Fetches a checked URL (utils/background/product-page.ts `fetchProductPage`). */
    fetch(url: URL, adapter: MarketplaceAdapter): Promise<FetchProductPageResponse | ErrorResponse>;
  };
  /** The watchlist (utils/background/watchlist-service.ts). */
  watchlist: Pick<WatchlistService, 'view' | 'clear'>;
  /** Screenshots the tab and opens the report page for it (utils/report/open-report.ts). */
  openReport?: (tabId: number, item: number | null) => Promise<void>;
  /** The messages a warning is worded with, sent with it (utils/ui-language/page-messages.ts). */
  pageMessages?: () => Promise<Record<string, string>>;
  now?: () => Date;
}

const fail = (error: string): ErrorResponse => ({ ok: false, error });

/** The sender as a handler sees it: a content script's messages come with the tab they were sent from. */
type SenderFor<T extends ToBackground> = Messages[T]['from'] extends 'content' | 'content-top-frame'
  ? MessageSender & { tab: { id: number } }
  : MessageSender;

type Handler<T extends ToBackground> = (
  msg: RequestFor<T>,
  sender: SenderFor<T>,
  deps: BackgroundDeps,
) => Promise<ResponseFor<T> | ErrorResponse>;

/** One handler per message the background receives; the type checker asks for each. */
export const HANDLERS: { [T in ToBackground]: Handler<T> } = {
  async lookup(msg, sender, deps) {
    const tabId = sender.tab.id;
    const db = await deps.db();
    const started = performance.now();
    const [found, index, dismissed] = await Promise.all([
      lookupIdentities(db, msg.identities).then((r) => ({ ...r, indexMs: performance.now() - started })),
      deps.indexStatus(),
      deps.dismissals.list(),
    ]);
    const matches = found.matches.map((ms, i) => {
      const identity = msg.identities[i];
      if (!identity) return ms;
      const listing = listingOf(identity);
      return ms.filter((m) => !dismissed.has(dismissalKey(msg.page.marketplace, listing, m.recallId)));
    });
    const kept = new Set(matches.flat().map((m) => m.recallId));
    const recalls = Object.fromEntries(Object.entries(found.recalls).filter(([id]) => kept.has(id)));
    const verdict: TabVerdict = {
      status: verdictStatus(msg.page.pageType, msg.identities, matches),
      page: msg.page,
      identities: msg.identities,
      matches,
      recalls,
      index,
      checkedAt: (deps.now?.() ?? new Date()).toISOString(),
    };
    // The page waits for this answer; filing the verdict and painting the badge need not delay it.
    void Promise.resolve()
      .then(async () => {
        await deps.verdicts.set(tabId, verdict);
        await deps.onVerdict?.(tabId, verdict);
      })
      .catch((e: unknown) => console.warn('recall-sentinel: could not file the verdict', e));
    // A page shown a warning words it with these, instead of asking Chrome (a synchronous IPC) for each;
    // once per content script.
    const wordsNeeded =
      msg.wantMessages !== false && matches.some((ms) => ms.some((m) => BANNER_TIERS.includes(m.tier)));
    const messages = wordsNeeded ? await deps.pageMessages?.().catch(() => undefined) : undefined;
    return { ok: true, matches, recalls, index, indexMs: found.indexMs, ...(messages ? { messages } : {}) };
  },

  async 'manual-lookup'(msg, _sender, deps) {
    const query = readManualQuery(msg.text, msg.brand ?? '');
    if (!query.ok) return fail(query.reason);
    const identity = manualIdentity(query);
    const db = await deps.db();
    const [found, index] = await Promise.all([lookupIdentities(db, [identity]), deps.indexStatus()]);
    const verdict: TabVerdict = {
      status: verdictStatus('product', [identity], found.matches),
      page: { marketplace: null, pageType: 'product', url: MANUAL_URL },
      identities: [identity],
      matches: found.matches,
      recalls: found.recalls,
      index,
      checkedAt: (deps.now?.() ?? new Date()).toISOString(),
    };
    return { ok: true, verdict };
  },

  async 'tab-verdict'(msg, _sender, deps) {
    const [verdict, index] = await Promise.all([deps.verdicts.get(msg.tabId), deps.indexStatus()]);
    return { ok: true, verdict, index };
  },

  async ping() {
    return { ok: true };
  },

  async 'index-status'(_msg, _sender, deps) {
    return { ok: true, index: await deps.indexStatus() };
  },

  async 'dismiss-match'(msg, _sender, deps) {
    await deps.dismissals.add(dismissalKey(msg.marketplace, msg.listing, msg.recallId));
    return { ok: true };
  },

  async dismissals(_msg, _sender, deps) {
    const keys = [...(await deps.dismissals.list())].reverse();
    return { ok: true, dismissals: keys.flatMap((key) => dismissalOf(key) ?? []) };
  },

  async 'undo-dismissal'(msg, _sender, deps) {
    await deps.dismissals.remove(dismissalKey(msg.marketplace, msg.listing, msg.recallId));
    return { ok: true };
  },

  async 'fetch-product-page'(msg, sender, deps) {
    if (!deps.productPages) return fail('product pages are not read here');
    const checked = checkProductPageRequest(msg.url, sender.url, deps.productPages.adapters);
    if (!checked.ok) return checked;
    return deps.productPages.fetch(checked.url, checked.adapter);
  },

  async 'sync-now'(_msg, _sender, deps) {
    const outcomes = await deps.sync.runNow();
    return { ok: true, outcomes, index: await deps.indexStatus() };
  },

  async 'clear-and-rebuild'(_msg, _sender, deps) {
    const outcomes = await deps.sync.clearAndRebuild();
    return { ok: true, outcomes, index: await deps.indexStatus() };
  },

  async 'sync-status'(_msg, _sender, deps) {
    const [index, storageBytes] = await Promise.all([deps.indexStatus(), deps.sync.storageBytes()]);
    return { ok: true, running: deps.sync.running(), progress: deps.sync.progress(), index, storageBytes };
  },

  async watchlist(_msg, _sender, deps) {
    const [view, index] = await Promise.all([deps.watchlist.view(), deps.indexStatus()]);
    return { ok: true, ...view, index };
  },

  async 'watchlist-clear'(_msg, _sender, deps) {
    await deps.watchlist.clear();
    return { ok: true };
  },

  async 'open-report'(msg, sender, deps) {
    if (!deps.openReport) return fail('reports are not opened here');
    await deps.openReport(sender.tab.id, msg.item);
    return { ok: true };
  },
};

/**
 * A lookup our own content script sent that still fails its schema (long text and lists are cut, not
 * refused) leaves the tab with "Couldn't read this page", never with the verdict of the page before it:
 * a lookup never ends in silence (issue 14, finding 4). Only for a sender allowed to look up.
 */
async function unreadableLookup(sender: MessageSender, deps: BackgroundDeps): Promise<void> {
  const tabId = sender.tab?.id;
  if (tabId === undefined || !senderMay(MESSAGES.lookup.from, sender, deps.runtimeId, deps.extensionOrigin))
    return;
  try {
    const verdict: TabVerdict = {
      status: 'unreadable',
      page: { marketplace: null, pageType: 'other', url: clip(sender.url ?? '', IDENTITY_LIMITS.url) },
      identities: [],
      matches: [],
      recalls: {},
      index: await deps.indexStatus(),
      checkedAt: (deps.now?.() ?? new Date()).toISOString(),
    };
    await deps.verdicts.set(tabId, verdict);
    await deps.onVerdict?.(tabId, verdict);
  } catch (e) {
    console.warn('recall-sentinel: could not file the verdict', e);
  }
}

export async function handleMessage(
  raw: unknown,
  sender: MessageSender,
  deps: BackgroundDeps,
): Promise<BackgroundResponse> {
  if (sender.id !== deps.runtimeId) return fail('message from another extension or a web page');
  const type = isRecord(raw) ? raw.type : undefined;
  if (!isToBackground(type)) return fail('malformed message: not a request this extension knows');
  const contract = MESSAGES[type];
  const parsed = contract.request.safeParse(raw);
  if (!parsed.success) {
    if (type === 'lookup') await unreadableLookup(sender, deps);
    return fail(`malformed message: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  }
  if (!senderMay(contract.from, sender, deps.runtimeId, deps.extensionOrigin))
    return fail('refusal' in contract ? contract.refusal : `${type} refused`);
  // The table ties each type to its request, policy and handler; TypeScript cannot follow a type chosen
  // at run time through all three, so the pairing is asserted once, here.
  const handler = HANDLERS[type] as Handler<ToBackground>;
  try {
    return await handler(parsed.data as RequestFor<ToBackground>, sender as SenderFor<ToBackground>, deps);
  } catch (e) {
    // Answered, never rejected: Chromium does not pass on a rejection that is not an Error (IndexedDB
    // rejects with DOMExceptions), and the asking page then waited for ever (a settings page stuck at
    // "Syncing…" on a full disk, issue 14).
    const message = (e as { message?: unknown } | null)?.message;
    return fail(`${type} failed: ${typeof message === 'string' ? message : String(e)}`);
  }
}
