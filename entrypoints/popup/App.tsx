/**
 * The toolbar popup: this tab's verdict, the recall details, and how fresh the index is. The tab is the
 * active tab of the popup's window, or `?tab=<id>` when the popup is opened as a page (tests, demo).
 *
 * On a shop that no marketplace script covers and the user has not allowed, it offers "Check this
 * shop": a host permission for that one site (utils/any-shop.ts). The background then registers the
 * reader for the site and injects it into the open tab; the popup waits for the verdict. It sees the
 * tab's address through `activeTab` (granted by the click on the toolbar button).
 */

import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { CheckThisShop, type ShopCheckState } from '@/components/CheckThisShop';
import { IndexFreshness } from '@/components/IndexFreshness';
import { ManualLookup } from '@/components/ManualLookup';
import { VerdictView } from '@/components/VerdictView';
import {
  anyShopContext,
  anyShopRegistration,
  coversUrl,
  patternMatches,
  siteLabel,
  sitePattern,
} from '@/utils/any-shop';
import type { ResponseFor, TabVerdict } from '@/utils/messaging';
import { ask } from '@/utils/messaging/ask';
import { openReport } from '@/utils/report/open-report';
import { browserOpenReportDeps } from '@/utils/report/open-report-browser';
import { samePage } from '@/utils/same-page';
import type { IndexStatus } from '@/utils/schemas';

interface Shop {
  /** The permission "Check this shop" asks for: `https://host/*`. */
  pattern: string;
  state: ShopCheckState;
}

type State =
  | { kind: 'loading' }
  | {
      kind: 'ready';
      tabId: number;
      verdict: TabVerdict | null;
      /** The tab shows another page than the verdict was made for (moved on since, not read again yet). */
      moved: boolean;
      index: IndexStatus;
      shop: Shop | null;
    }
  | { kind: 'error'; message: string };

/** How long the popup waits for the page's verdict after the site was allowed. */
const READ_WAIT_MS = 6000;

async function targetTabId(): Promise<number | null> {
  const fromQuery = new URLSearchParams(location.search).get('tab');
  if (fromQuery && /^\d+$/.test(fromQuery)) return Number(fromQuery);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

async function tabVerdict(tabId: number): Promise<ResponseFor<'tab-verdict'>> {
  const res = await ask('tab-verdict', { tabId });
  if (!res.ok) throw new Error(res.error);
  return res;
}

/**
 * Whether the tab has moved on from the page its verdict was made for. A main-frame navigation clears the
 * verdict in the background; this catches the rest (a shop that changes page in place and was not read
 * again yet). The tab's address is seen through `activeTab`; when it is not, the verdict stands.
 */
async function tabMovedOn(tabId: number, verdict: TabVerdict | null): Promise<boolean> {
  if (!verdict) return false;
  const tab = await browser.tabs.get(tabId).catch(() => null);
  return Boolean(tab?.url) && !samePage(verdict.page.url, tab?.url ?? '');
}

/**
 * The "any shop" side of a tab that has no product verdict: null where it does not apply (not a web
 * page, its address unknown, a marketplace page), else whether the site is allowed already.
 */
async function shopFor(tabId: number, verdict: TabVerdict | null): Promise<Shop | null> {
  if (verdict && !(verdict.status === 'not-product' && verdict.page.marketplace === null)) return null;
  const tab = await browser.tabs.get(tabId).catch(() => null);
  const url = tab?.url && URL.canParse(tab.url) ? new URL(tab.url) : null;
  const pattern = url ? sitePattern(url) : null;
  if (!url || !pattern) return null;
  const context = anyShopContext(browser.runtime.getManifest());
  if (context.marketplaceMatches.some((m) => patternMatches(m, url))) return null;
  const { origins = [] } = await browser.permissions.getAll();
  const allowed = coversUrl(anyShopRegistration(origins, context), url);
  return { pattern, state: allowed ? 'no-product-data' : 'offer' };
}

/**
 * "Report a safety problem" for this tab: screenshot it now, while the toolbar click's `activeTab` lasts,
 * and open the report page beside it (utils/report/open-report.ts).
 */
async function startReport(tabId: number): Promise<void> {
  const tab = await browser.tabs.get(tabId);
  await openReport(browserOpenReportDeps(), { id: tabId, windowId: tab.windowId, index: tab.index });
  window.close();
}

export function App() {
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    (async () => {
      const tabId = await targetTabId();
      if (tabId === null) throw new Error('no active tab');
      const res = await tabVerdict(tabId);
      const moved = await tabMovedOn(tabId, res.verdict);
      const verdict = moved ? null : res.verdict;
      const shop = moved ? null : await shopFor(tabId, verdict);
      setState({ kind: 'ready', tabId, verdict, moved, index: res.index, shop });
    })().catch((e: unknown) =>
      setState({ kind: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
  }, []);

  const setShop = (shop: Shop | null) => setState((s) => (s.kind === 'ready' ? { ...s, shop } : s));

  /** After the grant: the background injects the reader; the verdict lands when the page was read. */
  const awaitVerdict = async (tabId: number, shop: Shop) => {
    const deadline = Date.now() + READ_WAIT_MS;
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 300));
      const res = await tabVerdict(tabId);
      if (res.verdict && res.verdict.status !== 'not-product') {
        setState({ kind: 'ready', tabId, verdict: res.verdict, moved: false, index: res.index, shop: null });
        return;
      }
    }
    setShop({ ...shop, state: 'no-product-data' });
  };

  const checkThisShop = (tabId: number, shop: Shop) => {
    // The first call in the click handler, so the click counts as the user's gesture.
    const asked = browser.permissions.request({ origins: [shop.pattern] });
    setShop({ ...shop, state: 'asking' });
    void asked
      .then(async (granted) => {
        if (!granted) return setShop({ ...shop, state: 'denied' });
        setShop({ ...shop, state: 'reading' });
        await awaitVerdict(tabId, shop);
      })
      .catch(() => setShop({ ...shop, state: 'denied' }));
  };

  return (
    <main class="popup">
      <header class="brandbar">
        <span class="logo" aria-hidden="true">
          ⚑
        </span>
        <span class="name">Recall Sentinel</span>
      </header>
      {state.kind === 'loading' && <p class="muted">Checking…</p>}
      {state.kind === 'error' && (
        <section class="verdict verdict-unreadable" data-status="error">
          <h1>{i18n.t('popup.wentWrong')}</h1>
          <p>{state.message}</p>
        </section>
      )}
      {state.kind === 'ready' && (
        <>
          {state.moved ? (
            <section class="verdict verdict-idle" data-status="moved-on">
              <h1>{i18n.t('popup.movedTitle')}</h1>
              <p>{i18n.t('popup.movedText')}</p>
            </section>
          ) : state.shop ? (
            <CheckThisShop
              site={siteLabel(state.shop.pattern)}
              state={state.shop.state}
              onCheck={() => state.shop && checkThisShop(state.tabId, state.shop)}
            />
          ) : (
            <VerdictView verdict={state.verdict} />
          )}
          <ManualLookup
            lookUp={async (text, brand) => {
              const answer = await ask('manual-lookup', { text, brand });
              return answer.ok ? { ok: true, verdict: answer.verdict } : { ok: false, error: answer.error };
            }}
          />
          <footer>
            <IndexFreshness index={state.index} />
            <nav class="links" aria-label={i18n.t('popup.pagesNav')}>
              <a
                href={browser.runtime.getURL(`/report.html?tab=${state.tabId}`)}
                data-testid="report-link"
                onClick={(e) => {
                  e.preventDefault();
                  void startReport(state.tabId);
                }}
              >
                {i18n.t('report.popupLink')}
              </a>
              <a href={browser.runtime.getURL('/watchlist.html')} target="_blank" rel="noopener">
                {i18n.t('popup.yourProducts')}
              </a>
              <a href={browser.runtime.getURL('/audit.html')} target="_blank" rel="noopener">
                {i18n.t('audit.link')}
              </a>
              <a
                href={browser.runtime.getURL('/options.html')}
                onClick={(e) => {
                  e.preventDefault();
                  void browser.runtime.openOptionsPage();
                }}
              >
                {i18n.t('popup.settings')}
              </a>
            </nav>
          </footer>
        </>
      )}
    </main>
  );
}
