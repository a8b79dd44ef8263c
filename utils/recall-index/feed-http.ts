/**
 * The `FeedHttp` a feed's sync walk gets, in the extension (feed-sync.ts) and in the publisher's
 * `index fetch` (scripts/commands/index-fetch.ts), so both walk a feed the same way: requests in the
 * official form go to the configured base URL instead (as `feedUrl` does), a URL on any other host is
 * refused, and 429/5xx, timeouts and truncated JSON fail the run as they do on the single-GET path.
 */
import type { FeedHttp, FeedMapper, FeedResponse } from '../feeds/feed';
import { get, type HttpDeps, HttpError, postJson, readJson, readText } from './http';

export function feedHttp(
  deps: HttpDeps,
  mapper: FeedMapper,
  baseUrl: string | null,
  count: () => void,
): FeedHttp {
  const official = new URL(mapper.endpoint?.buildUrl(null) ?? '').origin;
  const resolve = (raw: string): string => {
    const url = new URL(raw);
    if (url.origin === official) {
      if (!baseUrl) return url.href;
      const base = new URL(baseUrl);
      return new URL(`${base.pathname.replace(/\/$/, '')}${url.pathname}${url.search}`, base.origin).href;
    }
    if (baseUrl && url.origin === new URL(baseUrl).origin) return url.href;
    throw new Error(`${mapper.name}: refused to fetch ${url.host}, which is not the feed's host`);
  };
  const answer = async <T>(
    res: Response,
    url: string,
    read: (r: Response) => Promise<T>,
  ): Promise<FeedResponse<T>> => {
    if (!res.ok && res.status !== 304 && res.status !== 404)
      throw new HttpError(`${new URL(url).host} answered HTTP ${res.status}`, res.status, null);
    const body =
      res.status === 304 ? null : res.status === 404 ? await read(res).catch(() => null) : await read(res);
    return { status: res.status, header: (name) => res.headers.get(name), body };
  };
  const json = (r: Response) => readJson(r, `the ${mapper.name} response`);
  return {
    async getJson(raw, headers = {}) {
      const url = resolve(raw);
      count();
      return answer(await get(deps, url, { accept: 'application/json', ...headers }), url, json);
    },
    async getText(raw, headers = {}) {
      const url = resolve(raw);
      count();
      return answer(await get(deps, url, headers), url, readText);
    },
    async postJson(raw, body) {
      const url = resolve(raw);
      count();
      return answer(await postJson(deps, url, body), url, json);
    },
  };
}
