/**
 * What the extension may ask the network for, as a rule the privacy audit (privacy-audit.spec.ts)
 * applies to every request it recorded: the hosts a sync reads (each feed's endpoint and catalogue
 * hosts, the configured published index) and the hosts where sources publish their notices and
 * pictures (a recall card's image); and, because the product pages of cart and order lines are where
 * their identifiers are printed, a line's product page on the marketplace that listed it. Nothing it
 * asks, anywhere, may carry a page the shopper visited or a product they looked at.
 */
import type { MarketplaceAdapter } from '../../utils/marketplaces/adapter';
import type { PageType } from '../../utils/schemas';
import type { ExpectedItem } from '../adapters/real-pages/real-page-case';
import type { ExtensionRequest } from './extension-requests';

/** A page of the browsing session and what a shopper saw on it. */
export interface Visit {
  url: string;
  pageType: PageType;
  adapter: MarketplaceAdapter;
  items: ExpectedItem[];
}

export interface Rules {
  /** chrome-extension://<id>/: the extension's own files, which never leave the device. */
  extensionOrigin: string;
  /** Where a sync may read: feed endpoints, feed catalogue hosts, the published index. */
  syncHosts: ReadonlySet<string>;
  /** Where sources publish notices and pictures: extension pages may show those pictures. */
  sourceHosts: ReadonlySet<string>;
  visits: readonly Visit[];
}

/** Identity and address strings too short to be told from chance (a 4-digit model inside a date). */
const MIN_SECRET_LENGTH = 6;

interface Secret {
  /** Lower case, as searched. */
  value: string;
  /** What it is, for the message: "a barcode on https://…". */
  what: string;
  /** The page it was seen on. */
  visit: Visit;
}

/** What the session saw that must not leave the device. */
function secretsOf(visits: readonly Visit[]): Secret[] {
  const secrets: Secret[] = [];
  for (const visit of visits) {
    const url = new URL(visit.url);
    const add = (value: string | null | undefined, what: string) => {
      const v = value?.trim().toLowerCase();
      if (v && v.length >= MIN_SECRET_LENGTH)
        secrets.push({ value: v, what: `${what} on ${visit.url}`, visit });
    };
    add(url.href, 'the address');
    add(`${url.host}${url.pathname}`, 'the host and path');
    if (url.pathname.length > 1) add(url.pathname, 'the path');
    for (const item of visit.items) {
      add(item.title, 'a title');
      add(item.itemId, 'an item id');
      for (const gtin of [...(item.gtins ?? []), ...(item.rawGtins ?? [])]) add(gtin, 'a barcode');
      for (const model of item.models ?? []) add(model, 'a model');
    }
  }
  return secrets;
}

/** The request's URL, headers and body as one text, lower case, with its URL also percent-decoded. */
function textOf(request: ExtensionRequest): string {
  let decoded = request.url;
  try {
    decoded = decodeURIComponent(request.url.replace(/\+/g, ' '));
  } catch {
    // Not valid percent-encoding: the raw URL is still searched.
  }
  return [request.url, decoded, ...Object.values(request.headers), request.body].join('\n').toLowerCase();
}

/**
 * A cart or order line's product page, read for its identifiers: by the content script on the list
 * page's own origin, or by the service worker on a product host of a visited list page's marketplace;
 * a GET without a body, and a product page by that marketplace's own adapter. The list page, or null.
 */
export function lineListedOn(request: ExtensionRequest, visits: readonly Visit[]): Visit | null {
  if (request.method !== 'GET' || request.body !== '' || request.from === 'extension-page') return null;
  if (!URL.canParse(request.url)) return null;
  const url = new URL(request.url);
  const listedOn = visits.find((visit) => {
    if (visit.pageType !== 'cart' && visit.pageType !== 'orders') return false;
    const onSite =
      request.from === 'content-script'
        ? request.pageUrl === visit.url && url.origin === new URL(visit.url).origin
        : (visit.adapter.productHosts ?? []).includes(url.hostname);
    return onSite && visit.adapter.claims(url) && visit.adapter.pageType(url) === 'product';
  });
  return listedOn ?? null;
}

/** Every way the recorded requests break the rules, in words; empty when none does. */
export function breaches(requests: readonly ExtensionRequest[], rules: Rules): string[] {
  const secrets = secretsOf(rules.visits);
  const found: string[] = [];
  for (const request of requests) {
    if (request.url.startsWith(rules.extensionOrigin)) continue;
    const where = `${request.from} ${request.method} ${request.url.slice(0, 200)}`;
    const url = URL.canParse(request.url) ? new URL(request.url) : null;
    // A line's product page names the line's item to the site that listed it, and nothing else.
    const linePage = lineListedOn(request, rules.visits);
    const allowed =
      linePage !== null ||
      (url !== null &&
        (rules.syncHosts.has(url.hostname) ||
          (request.from === 'extension-page' && rules.sourceHosts.has(url.hostname))));
    if (!allowed) found.push(`${where}: ${url?.hostname || 'that address'} is no feed or index host`);
    const text = textOf(request);
    for (const secret of secrets) {
      if (secret.visit === linePage) continue;
      if (text.includes(secret.value)) found.push(`${where}: carries ${secret.what}`);
    }
  }
  return found;
}
