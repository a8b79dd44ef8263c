/**
 * The organisation endpoint's setting and outbox over this browser (storage.local, fetch, Web Locks), for
 * the pages that show them: the options page and the report page (components/ReportEndpoint.tsx takes
 * this as a prop and makes no browser calls of its own).
 */
import { browser } from 'wxt/browser';
import { checkEndpoint, ENDPOINT_KEY, Outbox } from './endpoint';

export interface EndpointStore {
  outbox: Outbox;
  read(): Promise<string | null>;
  /** Saves a checked https address, or forgets the endpoint (null). */
  save(url: string | null): Promise<void>;
}

export function browserEndpointStore(): EndpointStore {
  return {
    outbox: new Outbox(
      browser.storage.local,
      (url, init) => fetch(url, init),
      () => new Date(),
      // One flush at a time across the extension's pages (the options page and any report page).
      (fn) => navigator.locks.request('recall-sentinel-report-outbox', fn),
    ),
    async read() {
      const v = (await browser.storage.local.get(ENDPOINT_KEY))[ENDPOINT_KEY];
      return typeof v === 'string' && checkEndpoint(v).ok ? v : null;
    },
    async save(url) {
      if (url === null) await browser.storage.local.remove(ENDPOINT_KEY);
      else await browser.storage.local.set({ [ENDPOINT_KEY]: url });
    },
  };
}
