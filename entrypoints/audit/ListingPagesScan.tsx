/**
 * "Or audit your listings on a marketplace": the merchant pastes the addresses of their listing pages
 * (utils/audit/listing-pages.ts checks each line); the click asks the browser, as its first call, for the
 * hosts of the list and no other; each page is then fetched from this page (the extension's origin,
 * without the merchant's cookies) and read by its marketplace's adapter (utils/marketplaces), with
 * progress and Cancel. The lines not read are listed with the reason; what was read goes to the page as
 * a catalog, audited like a file (the failed lines come along as its rows with problems). The pages are parsed by DOMParser, which runs no script of theirs.
 */
import { useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import type { RowProblem } from '@/utils/audit/catalog-fields';
import {
  fetchListingPage,
  hostPatterns,
  listingCatalog,
  parseListingUrls,
  readListingPages,
} from '@/utils/audit/listing-pages';
import type { Catalog } from '@/utils/audit/read-catalog';
import { sleepFor } from '@/utils/audit/storefront-scan';
import { adapters, extractPage } from '@/utils/marketplaces';
import { ProgressRow } from './ProgressRow';

/** The catalog's name in the page and in the exports' file names. */
const LISTINGS_NAME = 'marketplace-listings';

interface Props {
  disabled: boolean;
  onCatalog: (name: string, catalog: Catalog) => void;
}

interface Progress {
  done: number;
  total: number;
}

export function ListingPagesScan({ disabled, onCatalog }: Props) {
  const [text, setText] = useState('');
  const [progress, setProgress] = useState<Progress | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [skipped, setSkipped] = useState<RowProblem[]>([]);
  const abort = useRef<AbortController | null>(null);

  const read = async () => {
    const list = parseListingUrls(text, adapters);
    setSkipped(list.problems);
    setStatus(null);
    if (list.pages.length === 0) {
      setError(i18n.t('auditListings.nothing'));
      return;
    }
    const origins = hostPatterns(list.pages);
    // First call of the click: the browser asks for these hosts only.
    const granted = await browser.permissions.request({ origins }).catch(() => false);
    if (!granted) {
      setError(i18n.t('auditListings.denied', [[...new Set(list.pages.map((p) => p.host))].join(', ')]));
      return;
    }
    setError(null);
    const controller = new AbortController();
    abort.current = controller;
    setProgress({ done: 0, total: list.pages.length });
    try {
      const parser = new DOMParser();
      const result = await readListingPages(list.pages, {
        fetchPage: (url, signal) => fetchListingPage(url, signal, (u, init) => fetch(u, init)),
        extract: (html, url) => extractPage(parser.parseFromString(html, 'text/html'), url),
        sleep: sleepFor,
        signal: controller.signal,
        onProgress: (done, total) => setProgress({ done, total }),
      });
      const catalog = listingCatalog(result, list.problems);
      setSkipped(catalog.problems);
      const found = result.rows.length.toLocaleString();
      const done = result.done.toLocaleString();
      const total = list.pages.length.toLocaleString();
      setStatus(
        result.cancelled
          ? i18n.t('auditListings.cancelled', [done, total, found])
          : i18n.t('auditListings.done', [done, total, found]),
      );
      if (result.rows.length > 0) onCatalog(LISTINGS_NAME, catalog);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      abort.current = null;
      setProgress(null);
    }
  };

  const running = progress !== null;
  return (
    <section aria-labelledby="listings-heading" data-testid="listing-pages">
      <h2 id="listings-heading">{i18n.t('auditListings.title')}</h2>
      <form
        class="listings-form"
        onSubmit={(e) => {
          e.preventDefault();
          void read();
        }}
      >
        <label for="listing-urls">{i18n.t('auditListings.label')}</label>
        <textarea
          id="listing-urls"
          rows={4}
          spellcheck={false}
          placeholder="https://www.ebay.com/itm/…"
          value={text}
          disabled={running || disabled}
          onInput={(e) => setText(e.currentTarget.value)}
        />
        <button type="submit" disabled={running || disabled || !text.trim()}>
          {i18n.t('auditListings.read')}
        </button>
      </form>
      <p class="muted">{i18n.t('auditListings.note')}</p>
      {error && (
        <p role="alert" class="error" data-testid="listings-error">
          {error}
        </p>
      )}
      {progress && (
        <ProgressRow
          testId="listings-progress"
          label={i18n.t('auditListings.progressLabel')}
          done={progress.done}
          total={progress.total}
          text={i18n.t('auditListings.progress', [
            progress.done.toLocaleString(),
            progress.total.toLocaleString(),
          ])}
          onCancel={() => abort.current?.abort()}
        />
      )}
      {status && !running && (
        <p role="status" data-testid="listings-state">
          {status}
        </p>
      )}
      {skipped.length > 0 && !running && (
        <details class="problems" data-testid="listings-skipped">
          <summary>{i18n.t('auditListings.skipped', [skipped.length.toLocaleString()])}</summary>
          <ul>
            {skipped.map((p) => (
              <li key={p.row}>{p.message}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
