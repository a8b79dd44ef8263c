/**
 * The background's message handler, kept free of `browser.*` so it can be tested directly: every
 * dependency arrives in `deps`. It re-validates every message, checks who sent it, and answers with
 * `{ ok: false, error }` instead of throwing.
 *
 * Who may ask what:
 *   lookup        only our own content scripts (a tab is attached; the verdict is filed under that tab,
 *                 never under a tab id the message names)
 *   tab-verdict   only our own extension pages (popup, options)
 *   index-status  either
 *   dismiss-match only our own content scripts ("not this product" on the banner)
 *   fetch-product-page  only our own content scripts, in a tab's top frame, on a marketplace's cart or
 *                 order page, for that marketplace's product pages (utils/background/product-page.ts)
 *   sync-now, sync-status, clear-and-rebuild   only our own extension pages
 */
import type { MarketplaceAdapter } from '../marketplaces/adapter';
import { type ErrorResponse, type FetchProductPageResponse, Request, type TabVerdict } from '../messaging';
import type { RecallDb } from '../recall-index/db';
import { lookupIdentities } from '../recall-index/query';
import type { IndexStatus, SyncOutcome, SyncProgress } from '../schemas';
import { dismissalKey, listingOf } from './listing';
import { checkProductPageRequest } from './product-page';
import { verdictStatus } from './verdict';

export interface MessageSender {
  id?: string;
  url?: string;
  tab?: { id?: number };
  /** 0 for a tab's top frame; our content scripts run there only. */
  frameId?: number;
}

/** "Not this product" answers, as `dismissalKey` strings. */
export interface DismissalStore {
  list(): Promise<Set<string>>;
  add(key: string): Promise<void>;
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
  now?: () => Date;
}

const fail = (error: string): ErrorResponse => ({ ok: false, error });

export async function handleMessage(
  raw: unknown,
  sender: MessageSender,
  deps: BackgroundDeps,
): Promise<unknown> {
  if (sender.id !== deps.runtimeId) return fail('message from another extension or a web page');
  const parsed = Request.safeParse(raw);
  if (!parsed.success) return fail(`malformed message: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  const msg = parsed.data;
  const fromExtensionPage = sender.url?.startsWith(deps.extensionOrigin) === true;
  const db = await deps.db();

  switch (msg.type) {
    case 'lookup': {
      const tabId = sender.tab?.id;
      if (tabId === undefined || fromExtensionPage)
        return fail('lookup is answered for content scripts only');
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
      return { ok: true, matches, recalls, index, indexMs: found.indexMs };
    }
    case 'tab-verdict': {
      if (!fromExtensionPage) return fail('tab verdicts are shown in extension pages only');
      const [verdict, index] = await Promise.all([deps.verdicts.get(msg.tabId), deps.indexStatus()]);
      return { ok: true, verdict, index };
    }
    case 'index-status':
      return { ok: true, index: await deps.indexStatus() };
    case 'dismiss-match': {
      if (sender.tab?.id === undefined || fromExtensionPage)
        return fail('dismissals come from the page banner');
      await deps.dismissals.add(dismissalKey(msg.marketplace, msg.listing, msg.recallId));
      return { ok: true };
    }
    case 'fetch-product-page': {
      if (sender.tab?.id === undefined || fromExtensionPage || (sender.frameId ?? 0) !== 0)
        return fail('product pages are read for content scripts only');
      if (!deps.productPages) return fail('product pages are not read here');
      const checked = checkProductPageRequest(msg.url, sender.url, deps.productPages.adapters);
      if (!checked.ok) return checked;
      return deps.productPages.fetch(checked.url, checked.adapter);
    }
    case 'sync-now':
    case 'clear-and-rebuild': {
      if (!fromExtensionPage) return fail('sync is started from the extension pages only');
      const outcomes = msg.type === 'sync-now' ? await deps.sync.runNow() : await deps.sync.clearAndRebuild();
      return { ok: true, outcomes, index: await deps.indexStatus() };
    }
    case 'sync-status': {
      if (!fromExtensionPage) return fail('sync status is shown in extension pages only');
      const [index, storageBytes] = await Promise.all([deps.indexStatus(), deps.sync.storageBytes()]);
      return { ok: true, running: deps.sync.running(), progress: deps.sync.progress(), index, storageBytes };
    }
  }
}
