/**
 * The optional organisation endpoint (utils/report/endpoint.ts): in the options, its address and the
 * outbox, with exactly what each report sent (or will send), the last attempt's outcome in words, and
 * "Try again now" / "Remove". The report page shows the same outbox under its case log. Storage and the
 * network arrive as a prop (utils/report/outbox-browser.ts).
 */
import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { type AttemptKind, checkEndpoint, type Outbox, type OutboxItem } from '@/utils/report/endpoint';
import type { EndpointStore } from '@/utils/report/outbox-browser';

/** The outbox's items, flushed when the page opens and again when the browser comes back online. */
export function useOutbox(box: Outbox) {
  const [items, setItems] = useState<OutboxItem[]>([]);
  const [busy, setBusy] = useState(false);
  const flush = async () => {
    setBusy(true);
    try {
      setItems(await box.flush());
    } finally {
      setBusy(false);
    }
  };
  useEffect(() => {
    // Whatever waits is tried when a page that shows the outbox opens, and again when the network returns.
    void flush();
    const online = () => void flush();
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, [box]);
  return {
    items,
    busy,
    flush,
    add: async (item: { key: string; url: string; body: string }) => {
      setItems(await box.add(item));
      await flush();
    },
    remove: async (key: string) => setItems(await box.remove(key)),
    requeue: async (key: string) => {
      setItems(await box.requeue(key));
      await flush();
    },
  };
}

function outcomeText(kind: AttemptKind | null, httpStatus: number | null): string {
  const code = String(httpStatus ?? '');
  switch (kind) {
    case null:
      return i18n.t('report.endpoint.waiting');
    case 'sent':
      return i18n.t('report.endpoint.sent', [code]);
    case 'server-error':
      return i18n.t('report.endpoint.serverError', [code]);
    case 'rejected':
      return i18n.t('report.endpoint.rejected', [code]);
    case 'timeout':
      return i18n.t('report.endpoint.timeout');
    case 'redirect':
      return i18n.t('report.endpoint.redirect');
    case 'network':
      return i18n.t('report.endpoint.network');
  }
}

export function OutboxList({ outbox }: { outbox: ReturnType<typeof useOutbox> }) {
  if (outbox.items.length === 0) return <p class="muted">{i18n.t('report.endpoint.empty')}</p>;
  return (
    <ul class="outbox" data-testid="outbox">
      {outbox.items.map((item) => (
        <li key={item.key} data-key={item.key} data-status={item.status}>
          <strong>{item.key}</strong> → {item.url}
          <br />
          <span class="outcome" role="status">
            {outcomeText(item.last?.kind ?? null, item.last?.httpStatus ?? null)}
          </span>{' '}
          <span class="muted">({i18n.t('report.endpoint.attempts', [String(item.attempts)])})</span>
          <details>
            <summary>{i18n.t('report.endpoint.whatWasSent')}</summary>
            <pre class="sent-body">{item.body}</pre>
          </details>
          {item.status !== 'sent' && (
            <>
              <button
                type="button"
                class="secondary"
                disabled={outbox.busy}
                onClick={() => void (item.status === 'rejected' ? outbox.requeue(item.key) : outbox.flush())}
              >
                {i18n.t('report.endpoint.retry')}
              </button>{' '}
            </>
          )}
          <button type="button" class="link" onClick={() => void outbox.remove(item.key)}>
            {i18n.t('report.removeCase')}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** The options page's section: the endpoint's address and the outbox. */
export function ReportEndpointSection(props: { store: EndpointStore }) {
  // The first store given is kept: a parent that re-renders must not restart the outbox.
  const [store] = useState(() => props.store);
  const [saved, setSaved] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const outbox = useOutbox(store.outbox);
  useEffect(() => {
    void store.read().then((url) => {
      setSaved(url);
      setDraft(url ?? '');
    });
  }, [store]);

  const save = async (e: Event) => {
    e.preventDefault();
    if (!draft.trim()) {
      await store.save(null);
      setSaved(null);
      setError(null);
      return;
    }
    const checked = checkEndpoint(draft);
    if (!checked.ok) {
      setError(
        checked.reason === 'not-https'
          ? i18n.t('report.endpoint.notHttps')
          : i18n.t('report.endpoint.invalid'),
      );
      return;
    }
    await store.save(checked.url);
    setSaved(checked.url);
    setError(null);
  };

  return (
    <section aria-labelledby="endpoint-h" data-section="report-endpoint">
      <h2 id="endpoint-h">{i18n.t('report.endpoint.heading')}</h2>
      <p class="muted">{i18n.t('report.endpoint.intro')}</p>
      <form onSubmit={(e) => void save(e)}>
        <label>
          {i18n.t('report.endpoint.address')}{' '}
          <input
            type="url"
            name="reportEndpoint"
            placeholder="https://"
            value={draft}
            onInput={(e) => setDraft(e.currentTarget.value)}
          />
        </label>{' '}
        <button type="submit" class="secondary">
          {i18n.t('report.saveCaseNumber')}
        </button>
      </form>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {saved && <p data-testid="endpoint-saved">{i18n.t('report.endpoint.savedTo', [saved])}</p>}
      <h3>{i18n.t('report.endpoint.outbox')}</h3>
      <OutboxList outbox={outbox} />
    </section>
  );
}
