/**
 * `index fetch` then `index build`, as the publishing workflow runs them, against a local server that
 * answers in the official feeds' shapes: CPSC whole in one answer (real saved CPSC API responses),
 * RappelConso by its paged walk continued from a cursor (a real saved API page), and UK OPSS failing. The CLI runs
 * in-process (tests/support/cli.ts).
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSharedData } from '../../../scripts/lib/shared-data';
import rappelconso from '../../../utils/feeds/rappelconso';
import { parseManifest, readVerifiedShard } from '../../../utils/recall-index/published/documents';
import { cli as runCli } from '../../support/cli';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const fixture = (name: string) => readFileSync(path.join(ROOT, 'tests/fixtures/feeds', name), 'utf8');
/** Real CPSC API responses saved in ../shared/data (required under CI), served as one answer. */
const CPSC_DIR = findSharedData('cpsc', 'agent-data-oracle');
const CPSC_RECORDS: Array<{ RecallID: number }> = CPSC_DIR
  ? readdirSync(CPSC_DIR)
      .filter((f) => f.endsWith('.json'))
      .flatMap((f) => JSON.parse(readFileSync(path.join(CPSC_DIR, f), 'utf8')))
  : JSON.parse(fixture('cpsc/recalls-page.json'));
const CPSC_PAGE = JSON.stringify(CPSC_RECORDS);
/** A real RappelConso API page saved in ../shared/data (required under CI); our fixture elsewhere. */
const RAPPEL_FILE = findSharedData('rappelconso', 'open-recall-format');
const RAPPEL = JSON.parse(
  RAPPEL_FILE
    ? readFileSync(path.join(RAPPEL_FILE, 'non-food.json'), 'utf8')
    : fixture('rappelconso/records.json'),
) as { results: Array<Record<string, unknown>> };
/** The newest publication day of that page: the walk's cursor after reading it. */
const NEWEST_DAY = RAPPEL.results
  .map((r) => String(r.date_publication).slice(0, 10))
  .sort()
  .at(-1) as string;
const DAY_BEFORE = new Date(Date.parse(NEWEST_DAY) - 86_400_000).toISOString().slice(0, 10);
const NOW = new Date('2026-11-28T12:00:00Z');

/** A recall the authority publishes between the two runs: a fixture record under a new number and date. */
const LATER = {
  ...RAPPEL.results[0],
  numero_fiche: '2026-11-9999',
  rappel_guid: 'later-guid',
  date_publication: '2026-11-20T08:00:00+00:00',
};

const cli = (args: string[], epoch: number) => runCli(args, epoch);

const seen: URL[] = [];
let run = 1;
let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    seen.push(url);
    const json = (body: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    if (url.pathname.startsWith('/cpsc/')) return json(CPSC_PAGE);
    if (url.pathname.startsWith('/rappelconso/')) {
      const results = run === 1 ? RAPPEL.results : [LATER];
      return json({ total_count: results.length, results });
    }
    res.writeHead(500, { 'retry-after': '0' });
    res.end('down for maintenance');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const fetchArgs = (out: string, state?: string) => [
  'index',
  'fetch',
  '--out',
  out,
  ...['--source', 'cpsc', '--source', 'rappelconso', '--source', 'uk-opss'],
  ...['--base-url', `cpsc=${base}/cpsc/`, '--base-url', `rappelconso=${base}/rappelconso/`],
  ...['--base-url', `uk-opss=${base}/uk-opss/`],
  ...['--pace-ms', '0', '--retries', '1', '--retry-delay-ms', '1'],
  ...(state ? ['--state', state] : []),
];

/** `index build` of what a fetch wrote (its state file is not a feed). */
const buildArgs = (fetched: string, out: string) => [
  ...['index', 'build', '--out', out],
  ...['cpsc', 'rappelconso'].flatMap((id) => ['--feed', path.join(fetched, `${id}.json`)]),
];

async function indexIds(dir: string): Promise<string[]> {
  const manifest = parseManifest(JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')));
  const ids: string[] = [];
  for (const entry of manifest.shards) {
    const shard = await readVerifiedShard(readFileSync(path.join(dir, entry.file)), entry);
    ids.push(...shard.recalls.map((r) => r.id));
  }
  return ids.sort();
}

describe('fetching the official feeds for the published index', { timeout: 120_000 }, () => {
  it('fetches each feed its own way, keeps going past a failing one, and continues a walk from its cursor', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'index-fetch-'));
    const epoch = NOW.getTime() / 1000;

    const first = await cli(fetchArgs(path.join(dir, 'f1')), epoch);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const fetched = JSON.parse(first.stdout);
    expect(fetched.sources).toEqual([
      expect.objectContaining({ source: 'cpsc', status: 'fetched', incremental: false, documents: 1 }),
      expect.objectContaining({ source: 'rappelconso', status: 'fetched', incremental: true, documents: 1 }),
      expect.objectContaining({
        source: 'uk-opss',
        status: 'failed',
        error: expect.stringMatching(/HTTP 500/),
      }),
    ]);
    // The failing host was asked twice (one retry), and never again once it had failed.
    expect(seen.filter((u) => u.pathname.startsWith('/uk-opss/'))).toHaveLength(2);
    const state = JSON.parse(readFileSync(path.join(dir, 'f1/fetch-state.json'), 'utf8'));
    expect(state.feeds.rappelconso.cursor).toBe(NEWEST_DAY);
    expect(state.feeds['uk-opss']).toMatchObject({ failingSince: NOW.toISOString(), cursor: null });

    const built = await cli(buildArgs(path.join(dir, 'f1'), path.join(dir, 'v1')), epoch);
    expect(built.stderr).toBe('');
    const v1 = await indexIds(path.join(dir, 'v1'));
    const rappelIds = rappelconso.map(RAPPEL, { now: NOW }).recalls.map((r) => r.id);
    expect(rappelIds.length).toBeGreaterThan(0);
    expect(v1).toEqual(expect.arrayContaining(rappelIds));
    expect(v1).toEqual(expect.arrayContaining(CPSC_RECORDS.map((r) => `cpsc:${r.RecallID}`)));

    // An hour later: the walk asks only for what is new since a day before its cursor...
    run = 2;
    seen.length = 0;
    const second = await cli(
      fetchArgs(path.join(dir, 'f2'), path.join(dir, 'f1/fetch-state.json')),
      epoch + 3600,
    );
    expect(second.status).toBe(0);
    const asked = seen.find((u) => u.pathname.startsWith('/rappelconso/'));
    expect(asked?.searchParams.get('where')).toBe(`date_publication >= date'${DAY_BEFORE}'`);
    expect(
      JSON.parse(readFileSync(path.join(dir, 'f2/fetch-state.json'), 'utf8')).feeds.rappelconso.cursor,
    ).toBe('2026-11-20');

    // ...and the build lays it over the records it had, dropping none.
    const next = await cli(
      [...buildArgs(path.join(dir, 'f2'), path.join(dir, 'v2')), '--previous', path.join(dir, 'v1')],
      epoch + 3600,
    );
    expect(next.stderr).toBe('');
    expect(JSON.parse(next.stdout).delta).toMatchObject({ upserts: 1, removals: 0 });
    expect(await indexIds(path.join(dir, 'v2'))).toEqual([...v1, 'rappelconso:2026-11-9999'].sort());
  });

  it('fails, naming each feed, when every feed fails, and refuses an unknown feed', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'index-fetch-'));
    const down = await cli(
      [
        'index',
        'fetch',
        '--out',
        dir,
        '--source',
        'uk-opss',
        '--base-url',
        `uk-opss=${base}/uk-opss/`,
        '--retries',
        '0',
        '--pace-ms',
        '0',
      ],
      NOW.getTime() / 1000,
    );
    expect(down.status).toBe(1);
    expect(down.stderr).toMatch(/every feed failed: uk-opss: .*HTTP 500/);

    const unknown = await cli(['index', 'fetch', '--out', dir, '--source', 'nowhere'], NOW.getTime() / 1000);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/not a feed that can be fetched: nowhere/);
  });
});
