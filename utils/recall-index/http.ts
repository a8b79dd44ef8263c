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
  const bytes = await readCapped(res.body, limit);
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

/** One request with the engine's timeout; unreachable hosts, 429 and 5xx become errors with reasons. */
async function request(deps: HttpDeps, url: string, init: RequestInit): Promise<Response> {
  let res: Response;
  try {
    res = await deps.fetch(url, {
      ...init,
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
