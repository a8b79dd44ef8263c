/**
 * Redirects met by the sync engine (issue 14, finding 7: "redirects are checked only at the landing
 * URL"): every hop is checked before it is requested, so a host can send the engine neither to another
 * host nor off https, not even on the way back to itself.
 */
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildPublishedIndex } from '../../../scripts/lib/published-builder';
import { feeds } from '../../../utils/feeds';
import { type RecallDb, recallCount } from '../../../utils/recall-index/db';
import { get, MAX_REDIRECTS } from '../../../utils/recall-index/http';
import { runSync } from '../../../utils/recall-index/sync';
import { readSyncState } from '../../../utils/recall-index/sync-state';
import { parseSettings } from '../../../utils/settings';
import { recall } from '../support/factories';
import { TEST_SIGN_KEY, TRUST_TEST_KEY } from '../support/index-keys';
import { closeIndexes, openIndex } from './open-index';

/**
 * A web of hosts that answers as a platform's fetch does: with `redirect: 'follow'` (fetch's default) it
 * requests every hop itself, with `redirect: 'manual'` it hands back the 3xx, or, as a browser does,
 * an opaque redirect that hides where it leads (`opaque`).
 */
class RedirectingWeb {
  requests: string[] = [];
  answers = new Map<string, () => Response>();
  opaque = false;

  redirect(from: string, to: string, status = 302) {
    this.answers.set(from, () => new Response(null, { status, headers: { location: to } }));
  }

  fetch: typeof fetch = async (input, init) => {
    let url = String(input);
    for (let hop = 0; hop < 20; hop++) {
      this.requests.push(url);
      const res = this.answers.get(url)?.() ?? new Response('not found', { status: 404 });
      const location = res.headers.get('location');
      if (!location) return res;
      if (init?.redirect === 'manual') {
        return this.opaque
          ? ({ type: 'opaqueredirect', status: 0, headers: new Headers(), body: null, ok: false } as Response)
          : res;
      }
      url = new URL(location, url).href;
    }
    throw new TypeError('too many redirects');
  };
}

const deps = (web: RedirectingWeb) => ({ fetch: web.fetch, now: () => new Date('2026-12-01T00:00:00Z') });

describe('a request that is redirected', () => {
  let web: RedirectingWeb;
  beforeEach(() => {
    web = new RedirectingWeb();
  });

  it('follows a redirect on the same host, hop by hop, to its answer', async () => {
    web.redirect('https://index.example/a', '/b', 301);
    web.redirect('https://index.example/b', 'https://index.example/c', 307);
    web.answers.set('https://index.example/c', () => new Response('here'));
    const res = await get(deps(web), 'https://index.example/a');
    expect(await res.text()).toBe('here');
    expect(web.requests).toEqual([
      'https://index.example/a',
      'https://index.example/b',
      'https://index.example/c',
    ]);
  });

  it('never requests another host it is redirected to', async () => {
    web.redirect('https://index.example/manifest.json', 'https://evil.example/manifest.json');
    web.answers.set('https://evil.example/manifest.json', () => new Response('{}'));
    await expect(get(deps(web), 'https://index.example/manifest.json')).rejects.toThrow(
      'index.example redirected the request to evil.example, another address: refused',
    );
    expect(web.requests).toEqual(['https://index.example/manifest.json']);
  });

  it('checks every hop, not only where the request lands: a detour through another host is refused', async () => {
    web.redirect('https://index.example/manifest.json', 'http://192.168.1.1/admin?reboot=1');
    web.redirect('http://192.168.1.1/admin?reboot=1', 'https://index.example/manifest.json?again');
    web.answers.set('https://index.example/manifest.json?again', () => new Response('{}'));
    await expect(get(deps(web), 'https://index.example/manifest.json')).rejects.toThrow(
      'redirected the request to http://192.168.1.1, another address: refused',
    );
    expect(web.requests.some((r) => r.includes('192.168.1.1'))).toBe(false);
  });

  it('refuses a hop from https to plain http on the same host', async () => {
    web.redirect('https://index.example/manifest.json', 'http://index.example/manifest.json');
    await expect(get(deps(web), 'https://index.example/manifest.json')).rejects.toThrow(/refused/);
    expect(web.requests).toEqual(['https://index.example/manifest.json']);
  });

  it(`gives up after ${MAX_REDIRECTS} hops`, async () => {
    for (let i = 0; i < 10; i++) web.redirect(`https://index.example/${i}`, `/${i + 1}`);
    await expect(get(deps(web), 'https://index.example/0')).rejects.toThrow(
      `redirected more than ${MAX_REDIRECTS} times`,
    );
    expect(web.requests).toHaveLength(MAX_REDIRECTS + 1);
  });

  it('refuses, with words, a redirect the browser hides (an opaque redirect cannot be checked)', async () => {
    web.opaque = true;
    web.redirect('https://index.example/manifest.json', '/moved/manifest.json');
    await expect(get(deps(web), 'https://index.example/manifest.json')).rejects.toThrow(
      'index.example redirected the request elsewhere, which cannot be checked: refused',
    );
  });
});

describe('a published index that redirects elsewhere', () => {
  let db: RecallDb;
  beforeEach(async () => {
    globalThis.indexedDB = new IDBFactory();
    db = await openIndex();
  });
  afterEach(closeIndexes);

  it('is refused before the other host is asked, the index is kept, and the status says why', async () => {
    const web = new RedirectingWeb();
    const now = new Date('2026-12-01T00:00:00Z');
    const built = await buildPublishedIndex(
      new Map([['cpsc', { recalls: [recall('91001', { models: ['RD-100'] })], skipped: [] }]]),
      undefined,
      now,
      { signKey: TEST_SIGN_KEY },
    );
    for (const [file, bytes] of built.files)
      web.answers.set(`http://evil.test/index/${file}`, () => new Response(bytes as Uint8Array<ArrayBuffer>));
    web.redirect('http://127.0.0.1:9/index/manifest.json', 'http://evil.test/index/manifest.json');
    const cpsc = feeds.filter((f) => f.id === 'cpsc');
    const [outcome] = await runSync({
      db,
      fetch: web.fetch,
      now: () => now,
      random: () => 0.5,
      settings: parseSettings({
        publishedIndexUrl: 'http://127.0.0.1:9/index/manifest.json',
        feeds: { cpsc: { enabled: false } },
      }),
      feeds: cpsc,
      ...TRUST_TEST_KEY,
    });
    expect(outcome?.status).toBe('failed');
    expect(outcome?.message).toContain(
      'redirected the request to http://evil.test, another address: refused',
    );
    expect(outcome?.message).toContain('the previous index is kept');
    expect(web.requests.some((r) => r.includes('evil.test'))).toBe(false);
    expect(await recallCount(db)).toBe(0);
    expect((await readSyncState(db, 'published')).lastError).toContain('refused');
  });
});
