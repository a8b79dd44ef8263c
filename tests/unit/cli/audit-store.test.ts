/**
 * `cli audit <store URL>` against a local Shopify-shaped store (hand-made products, served by a Node
 * server on 127.0.0.1): 250 + 250 + 10 products on 3 pages of products.json, one of them recalled: its
 * barcode, UPC 193175488718, is the real one of CPSC 25-366 (Harbor Freight's Predator power stations),
 * checked below against the saved CPSC data. The whole command line (in-process, tests/support/cli.ts) for
 * the exit codes; the audit command, with no polite delay, for the ways a store fails.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runAuditCommand } from '../../../scripts/commands/audit-command';
import { type AuditIndex, loadStarterIndex } from '../../../scripts/commands/audit-index';
import { findSharedData } from '../../../scripts/lib/shared-data';
import { cli as runCli } from '../../support/cli';
import { RECALLED_UPC, storePage } from '../../support/shopify-test-store';

type Answer = 'ok' | 'error' | 'rate-limit' | 'hold' | 'html';

interface Asked {
  path: string;
  page: number;
  limit: string | null;
  at: number;
}

let server: Server;
let store = '';
let asked: Asked[] = [];
let answer: (page: number, call: number) => Answer = () => 'ok';

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const page = Number(url.searchParams.get('page'));
    asked.push({ path: url.pathname, page, limit: url.searchParams.get('limit'), at: Date.now() });
    const what = url.pathname === '/products.json' ? answer(page, asked.length) : 'html';
    if (what === 'hold') return; // never answered: the page hangs
    if (what === 'error') {
      res.writeHead(500, { 'content-type': 'text/plain' });
      return res.end('Internal Server Error');
    }
    if (what === 'rate-limit') {
      res.writeHead(429, { 'retry-after': '1' });
      return res.end('Too Many Requests');
    }
    if (what === 'html') {
      res.writeHead(200, { 'content-type': 'text/html' });
      return res.end('<!doctype html><title>Welcome</title><h1>A blog, not a shop</h1>');
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(storePage(page)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  store = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => {
  asked = [];
  answer = () => 'ok';
});

const cli = (...args: string[]) => runCli(args);

const DATA = findSharedData('real-recalls', 'cpsc');

describe.skipIf(!DATA)('the recalled product of the test store', () => {
  it('carries a barcode printed in the saved CPSC recall data', () => {
    const text =
      readFileSync(path.join(DATA as string, 'all-recalls-1973-2026-compact.json'), 'utf8') +
      readFileSync(path.join(DATA as string, 'cpsc-gov-recalls-2023-12_2026-03.csv'), 'utf8');
    // A boolean, so a failure does not print 3 MB of notices.
    expect(text.replace(/[-\s]/g, '').includes(RECALLED_UPC)).toBe(true);
  });
});

describe('cli audit <store URL>, as a command line', () => {
  it('scans every page politely, honours Retry-After, audits the store and exits 1 on its recalled product', async () => {
    let limited = false;
    answer = (page) => {
      if (page === 3 && !limited) {
        limited = true;
        return 'rate-limit';
      }
      return 'ok';
    };
    // Any page of the store will do.
    const r = await cli('audit', `${store}/collections/all`);
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({
      catalog: new URL(store).host,
      catalogFormat: 'shopify-store',
      listings: 510,
      scan: { origin: store, pages: 3, complete: true, stoppedBecause: null },
    });
    expect(
      out.findings.map((f: { tier: string; recallId: string; sku: string; row: number }) => [
        f.tier,
        f.recallId,
        f.sku,
        f.row,
      ]),
    ).toEqual([['confirmed', 'cpsc:25-366', 'HF-PS2000', 322]]);
    expect(out.findings[0].listingUrl).toBe(`${store}/products/predator-2000?variant=99321`);

    // products.json 250 at a time, page 3 asked again after its Retry-After; nothing else was asked.
    const pages = asked.filter((a) => a.page <= 3);
    expect(pages.map((a) => a.page)).toEqual([1, 2, 3, 3]);
    expect(asked.every((a) => a.path === '/products.json' && a.limit === '250')).toBe(true);
    // Polite: a second at least between two requests (a loaded machine only adds to it).
    for (let i = 1; i < pages.length; i++)
      expect((pages[i] as Asked).at - (pages[i - 1] as Asked).at).toBeGreaterThanOrEqual(900);

    expect(r.stderr.trim().split('\n')).toEqual([
      `recall-sentinel: scanned ${new URL(store).host}: 510 listings (product variants) from 3 pages`,
      `recall-sentinel: audit of ${new URL(store).host}: 510 listings, 1 confirmed, 0 likely, 0 possible findings`,
    ]);
  }, 120_000);

  it('exits 2 with one clear line when the store cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const r = await cli('audit', `http://127.0.0.1:${port}`);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([
      `recall-sentinel: http://127.0.0.1:${port} could not be scanned: page 1 could not be fetched (the connection was refused (ECONNREFUSED)). A Shopify store lists its products at http://127.0.0.1:${port}/products.json; is this one, and is it public?`,
    ]);
  }, 120_000);
});

describe('cli audit <store URL>, when the store fails', () => {
  let starter: AuditIndex;
  beforeAll(async () => {
    starter = await loadStarterIndex();
  }, 60_000);
  // No polite delay and a short page time limit, so a hang costs a fifth of a second.
  const run = (...args: string[]) =>
    runAuditCommand(args, async () => starter, { delayMs: 0, timeoutMs: 200 });

  it('refuses a site that is not a Shopify store as bad input', async () => {
    answer = () => 'html';
    await expect(run(store)).rejects.toThrow(
      /could not be scanned: page 1: .*A Shopify store lists its products at .*\/products\.json/,
    );
  });

  it('refuses a store whose products.json is not there as bad input', async () => {
    answer = () => 'error';
    await expect(run(store)).rejects.toThrow(/could not be scanned: page 1: the store answered HTTP 500/);
  });

  it('keeps what was read before an HTTP 500, says where it stopped, and exits 1 on a finding in it', async () => {
    answer = (page) => (page === 3 ? 'error' : 'ok');
    const out = await run(store, '--format', 'csv');
    expect(out.exitCode).toBe(1);
    expect(out.stdout).toContain('cpsc:25-366');
    expect(out.stderr).toEqual([
      `the scan of ${new URL(store).host} stopped at page 3: page 3: the store answered HTTP 500. Only the 500 listings read before it were audited (partial results).`,
      `audit of ${new URL(store).host}: 500 listings, 1 confirmed, 0 likely, 0 possible findings (partial)`,
    ]);
  });

  it('keeps what was read before a page that hangs, and exits 2 rather than 0 when it holds no finding', async () => {
    answer = (page) => (page === 2 ? 'hold' : 'ok');
    const out = await run(store);
    expect(out.exitCode).toBe(2);
    const doc = JSON.parse(out.stdout);
    expect(doc.listings).toBe(250);
    expect(doc.findings).toEqual([]);
    expect(doc.scan).toEqual({
      origin: store,
      pages: 1,
      complete: false,
      stoppedBecause: 'page 2 did not answer within 0.2 s',
    });
    expect(out.stderr[0]).toMatch(
      /stopped at page 2: page 2 did not answer within 0\.2 s\. Only the 250 listings/,
    );
  });

  it('prints the partial scan in the evidence report', async () => {
    answer = (page) => (page === 3 ? 'error' : 'ok');
    const out = await run(store, '--format', 'html');
    expect(out.stdout).toContain('The scan of the store stopped at page 3');
  });

  it('refuses --map for a store, whose columns are fixed', async () => {
    await expect(run(store, '--map', 'Barcode=barcode')).rejects.toThrow(/--map is for catalog files/);
    expect(asked).toEqual([]);
  });
});
