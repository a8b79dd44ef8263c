/**
 * The storefront scan: a Shopify store's address → its products.json, page by page
 * (utils/audit/storefront-scan.ts), with progress, pause, resume and cancel. The host permission for
 * that store alone is asked for as the first call of the click (the browser wants it inside the user's
 * gesture). The scan's state is saved in storage.local after every batch, so a reload finds it and
 * offers to resume it or audit what was read; a failure (HTTP 500, a hang) says where and why and keeps
 * the rows. What was read goes to the page as a catalog, audited like a file.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import type { Catalog } from '@/utils/audit/read-catalog';
import { parseStoreUrl } from '@/utils/audit/storefront';
import {
  newScan,
  readScanState,
  type ScanState,
  scanCatalog,
  scanStorefront,
  sleepFor,
} from '@/utils/audit/storefront-scan';

export const SCAN_STATE_KEY = 'auditStorefrontScan';

const hostOf = (origin: string) => new URL(origin).host;

interface Props {
  disabled: boolean;
  onCatalog: (name: string, catalog: Catalog) => void;
}

export function StorefrontScan({ disabled, onCatalog }: Props) {
  const [address, setAddress] = useState('');
  const [scan, setScan] = useState<ScanState | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const abort = useRef<{ controller: AbortController; cancel: boolean } | null>(null);

  useEffect(() => {
    void browser.storage.local.get(SCAN_STATE_KEY).then((stored) => {
      const saved = readScanState(stored[SCAN_STATE_KEY]);
      // A scan that was running when the page went away was interrupted where its state was saved.
      if (saved) setScan(saved.status === 'scanning' ? { ...saved, status: 'paused', message: null } : saved);
    });
  }, []);

  const save = (state: ScanState) => browser.storage.local.set({ [SCAN_STATE_KEY]: state });

  const run = async (start: ScanState) => {
    const pattern = `${start.origin}/*`;
    // First call of the click: the browser asks for this store only.
    const granted = await browser.permissions.request({ origins: [pattern] }).catch(() => false);
    if (!granted) {
      setError(i18n.t('audit.storeDenied', [hostOf(start.origin)]));
      return;
    }
    setError(null);
    const controller = new AbortController();
    abort.current = { controller, cancel: false };
    setRunning(true);
    setScan(start);
    try {
      const end = await scanStorefront(start, {
        fetch: (url, init) => fetch(url, init),
        sleep: sleepFor,
        save,
        onProgress: setScan,
        signal: controller.signal,
      });
      if (abort.current?.cancel) {
        await browser.storage.local.remove(SCAN_STATE_KEY);
        setScan(null);
      } else {
        setScan(end);
        if (end.status === 'done') onCatalog(hostOf(end.origin), scanCatalog(end));
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      abort.current = null;
      setRunning(false);
    }
  };

  const start = () => {
    const store = parseStoreUrl(address);
    if (!store) {
      setError(i18n.t('audit.storeBadUrl'));
      return;
    }
    void run(newScan(store.origin));
  };

  const discard = async () => {
    await browser.storage.local.remove(SCAN_STATE_KEY);
    setScan(null);
  };

  const pages = scan ? String(scan.nextPage - 1) : '0';
  const rows = scan ? scan.rows.length.toLocaleString() : '0';
  return (
    <section aria-labelledby="store-heading" data-testid="storefront">
      <h2 id="store-heading">{i18n.t('audit.storeTitle')}</h2>
      <form
        class="store-form"
        onSubmit={(e) => {
          e.preventDefault();
          start();
        }}
      >
        <label for="store-url">{i18n.t('audit.storeLabel')}</label>
        <input
          id="store-url"
          type="text"
          inputMode="url"
          placeholder="shop.example.com"
          value={address}
          disabled={running || disabled}
          onInput={(e) => setAddress(e.currentTarget.value)}
        />
        <button type="submit" disabled={running || disabled || !address.trim()}>
          {i18n.t('audit.storeScan')}
        </button>
      </form>
      <p class="muted">{i18n.t('audit.storeNote')}</p>
      {error && (
        <p role="alert" class="error" data-testid="store-error">
          {error}
        </p>
      )}
      {scan && running && (
        <div class="progress" data-testid="store-progress">
          <progress aria-label={i18n.t('audit.storeProgressLabel')} />
          <span role="status">{i18n.t('audit.storeProgress', [hostOf(scan.origin), pages, rows])}</span>
          <button type="button" class="quiet" onClick={() => abort.current?.controller.abort()}>
            {i18n.t('audit.storePause')}
          </button>
          <button
            type="button"
            class="quiet"
            onClick={() => {
              if (abort.current) abort.current.cancel = true;
              abort.current?.controller.abort();
            }}
          >
            {i18n.t('audit.cancel')}
          </button>
        </div>
      )}
      {scan && !running && (
        <div data-testid="store-state" data-status={scan.status}>
          <p role="status">
            {scan.status === 'done'
              ? i18n.t('audit.storeDone', [hostOf(scan.origin), rows, pages])
              : scan.status === 'stopped'
                ? i18n.t('audit.storeStopped', [
                    hostOf(scan.origin),
                    String(scan.nextPage),
                    scan.message ?? '',
                    rows,
                  ])
                : i18n.t('audit.storePaused', [hostOf(scan.origin), pages, rows])}
          </p>
          <div class="actions">
            {scan.status !== 'done' && (
              <button type="button" disabled={disabled} onClick={() => void run(scan)}>
                {i18n.t('audit.storeResume')}
              </button>
            )}
            {scan.status !== 'done' && scan.rows.length > 0 && (
              <button
                type="button"
                class="quiet"
                disabled={disabled}
                onClick={() => onCatalog(hostOf(scan.origin), scanCatalog(scan))}
              >
                {i18n.t('audit.storeAuditPartial')}
              </button>
            )}
            <button type="button" class="quiet" disabled={disabled} onClick={() => void discard()}>
              {i18n.t('audit.storeDiscard')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
