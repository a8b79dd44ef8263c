/**
 * The sync engine's HTTP client: one request with a timeout, unreachable hosts, 429 and 5xx turned into
 * errors that say what happened (an `HttpError` carries the status and the server's Retry-After for
 * the back-off), JSON read whole or refused, and text decoded by its charset. Separate from the syncs
 * that use it (feed-sync.ts, published-sync.ts) so both fail alike. Fetch and clock are injected.
 */
import { decodeHtml } from '../extract/decode-html';
import { readCapped } from '../read-capped';

/**
 * The most an official feed's answer may hold (issue 14, finding 2: no body is read without a cap). The
 * largest real answers are CPSC's full list and openFDA's pages, tens of megabytes at most; a host that
 * sends more (or a compressed body that unpacks to more) is refused rather than read into the worker.
 */
export const MAX_FEED_BYTES = 128 * 1024 * 1024;

/** A body refused for its size, before more than the limit was held. */
export class TooLargeError extends Error {}

export const megabytes = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;

/**
 * A response's body, read in chunks and given up as soon as it passes `limit` bytes (after any
 * Content-Encoding the transport undid: the limit is on what the worker would hold).
 */
export async function readBody(res: Response, limit: number, what: string): Promise<Uint8Array> {
  const refused = () => new TooLargeError(`${what} is larger than ${megabytes(limit)}: refused`);
  const declared = Number(res.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limit && !res.headers.get('content-encoding')) {
    await res.body?.cancel().catch(() => undefined);
    throw refused();
  }
  if (!res.body) return new Uint8Array(0);
  let bytes: Uint8Array | null;
  try {
    bytes = await readCapped(res.body, limit);
  } catch (e) {
    // The connection dropped mid-body: fetch says only "network error".
    if (e instanceof Error && e.name === 'TimeoutError')
      throw new Error(`${what} timed out while downloading`);
    throw new Error(`${what}: the connection was cut off before the download was complete`);
  }
  if (!bytes) throw refused();
  return bytes;
}

export interface HttpDeps {
  fetch: typeof fetch;
  now: () => Date;
  /** Per request; a feed that hangs must not hold the sync forever. */
  timeoutMs?: number;
}

export class HttpError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly retryAfterMs: number | null,
  ) {
    super(message);
  }
}

/** Retry-After is seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now: Date): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}

/** Hops a request may take before it is given up (a host that redirects more is misconfigured or hostile). */
export const MAX_REDIRECTS = 5;

/** A redirect the engine refused: to another origin, off https, one it cannot see, or one too many. */
export class RedirectError extends Error {}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * Where a redirect from `from` to `to` may go: the same origin only (issue 14, finding 7: every hop is
 * checked, not just where the request lands). A published index lives on one host, and a feed's requests
 * already go only to its own host (feed-http.ts), so a hop elsewhere is a host sending the engine where
 * it was never asked to go (another host, plain http, a device on the local network).
 */
function checkHop(from: URL, to: URL): void {
  if (to.origin !== from.origin)
    throw new RedirectError(
      `${from.host} redirected the request to ${to.protocol === 'https:' ? to.host : `${to.protocol}//${to.host}`}, another address: refused`,
    );
}

/**
 * One request with the engine's timeout; unreachable hosts, 429 and 5xx become errors with reasons.
 * Redirects are followed here, hop by hop, each checked before it is requested (`checkHop`), rather
 * than by fetch, which would request every hop and let only the landing URL be checked. A browser hides
 * a redirect's Location from scripts (an `opaqueredirect` response, even in an extension's service
 * worker), so there a redirect cannot be checked and is refused with words that say so; Node (the CLI's
 * `index fetch`) shows it, and same-origin hops are followed.
 */
async function request(deps: HttpDeps, url: string, init: RequestInit): Promise<Response> {
  const start = new URL(url);
  let at = start;
  let current = init;
  for (let hops = 0; ; hops++) {
    const res = await requestOnce(deps, at.href, current);
    if (res.type === 'opaqueredirect') {
      throw new RedirectError(
        `${at.host} redirected the request elsewhere, which cannot be checked: refused (use the address it leads to)`,
      );
    }
    if (!REDIRECT_STATUSES.has(res.status)) return res;
    await res.body?.cancel().catch(() => undefined);
    const location = res.headers.get('location');
    if (!location || !URL.canParse(location, at))
      throw new RedirectError(`${at.host} answered HTTP ${res.status} without a usable address`);
    if (hops >= MAX_REDIRECTS)
      throw new RedirectError(`${start.host} redirected more than ${MAX_REDIRECTS} times: refused`);
    const next = new URL(location, at);
    checkHop(start, next);
    // 303, and 301/302 after a POST, turn the request into a GET without a body (as fetch does).
    if (res.status === 303 || ((res.status === 301 || res.status === 302) && init.method === 'POST')) {
      const { body: _body, ...rest } = current;
      current = { ...rest, method: 'GET' };
    }
    at = next;
  }
}

async function requestOnce(deps: HttpDeps, url: string, init: RequestInit): Promise<Response> {
  let res: Response;
  try {
    res = await deps.fetch(url, {
      ...init,
      redirect: 'manual',
      signal: AbortSignal.timeout(deps.timeoutMs ?? 60_000),
      cache: 'no-store',
    });
  } catch (e) {
    const why = e instanceof Error && e.name === 'TimeoutError' ? 'timed out' : 'could not be reached';
    throw new Error(`${new URL(url).host} ${why}`);
  }
  if (res.status === 429 || res.status >= 500) {
    throw new HttpError(
      `${new URL(url).host} answered HTTP ${res.status}${res.status === 429 ? ' (too many requests)' : ''}`,
      res.status,
      parseRetryAfter(res.headers.get('retry-after'), deps.now()),
    );
  }
  return res;
}

export const get = (deps: HttpDeps, url: string, headers: Record<string, string> = {}): Promise<Response> =>
  request(deps, url, { headers });

/** The POST twin of `get`, for the feeds whose list is a POST (EU Safety Gate). */
export const postJson = (deps: HttpDeps, url: string, body: unknown): Promise<Response> =>
  request(deps, url, {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

/** A response's JSON, or an error that says the body was cut short (a truncated download is common). */
export async function readJson(res: Response, what: string, limit = MAX_FEED_BYTES): Promise<unknown> {
  const text = new TextDecoder().decode(await readBody(res, limit, what));
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`${what} is not complete JSON (${text.length} bytes received)`);
  }
}

/**
 * A response's text by its charset, chosen as a browser would (utils/extract/decode-html.ts: BOM,
 * Content-Type, `<meta charset>`, UTF-8). An XML document's own encoding declaration, which HTML
 * ignores, is honoured when the Content-Type names no charset: an RSS feed says its encoding there.
 */
export async function readText(res: Response, limit = MAX_FEED_BYTES): Promise<string> {
  const bytes = await readBody(
    res,
    limit,
    `the answer of ${new URL(res.url || 'about:blank').host || 'the feed'}`,
  );
  const contentType = res.headers.get('content-type') ?? undefined;
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 256));
  const xmlEncoding = /^\s*<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/.exec(head)?.[1];
  const declared = /;\s*charset\s*=/i.test(contentType ?? '');
  return decodeHtml(
    bytes,
    xmlEncoding && !declared ? `application/xml; charset=${xmlEncoding}` : contentType,
  );
}
