/**
 * The toolbar popup: this tab's verdict, the recall details, and how fresh the index is. The tab is the
 * active tab of the popup's window, or `?tab=<id>` when the popup is opened as a page (tests, demo).
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { IndexFreshness } from '@/components/IndexFreshness';
import { VerdictView } from '@/components/VerdictView';
import { ErrorResponse, type TabVerdict, TabVerdictResponse } from '@/utils/messaging';
import type { IndexStatus } from '@/utils/schemas';

type State =
  | { kind: 'loading' }
  | { kind: 'ready'; verdict: TabVerdict | null; index: IndexStatus }
  | { kind: 'error'; message: string };

async function targetTabId(): Promise<number | null> {
  const fromQuery = new URLSearchParams(location.search).get('tab');
  if (fromQuery && /^\d+$/.test(fromQuery)) return Number(fromQuery);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

export function App() {
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    (async () => {
      const tabId = await targetTabId();
      if (tabId === null) throw new Error('no active tab');
      const raw = await browser.runtime.sendMessage({ type: 'tab-verdict', tabId });
      const failed = ErrorResponse.safeParse(raw);
      if (failed.success) throw new Error(failed.data.error);
      const res = TabVerdictResponse.parse(raw);
      setState({ kind: 'ready', verdict: res.verdict, index: res.index });
    })().catch((e: unknown) =>
      setState({ kind: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
  }, []);

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
          <h1>Something went wrong</h1>
          <p>{state.message}</p>
        </section>
      )}
      {state.kind === 'ready' && (
        <>
          <VerdictView verdict={state.verdict} />
          <footer>
            <IndexFreshness index={state.index} />
          </footer>
        </>
      )}
    </main>
  );
}
