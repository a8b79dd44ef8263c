/**
 * `index build | stats | diff | snapshot` as CI runs them (.github/workflows/publish-index.yml): the
 * CLI run on our fixtures (in-process, tests/support/cli.ts), JSON on stdout, one line on stderr and a
 * non-zero exit on error.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeJson, verifyFile } from '../../../utils/recall-index/published/codec';
import { parseDelta, parseManifest } from '../../../utils/recall-index/published/documents';
import { cli as runCli } from '../../support/cli';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const PAGE = path.join(ROOT, 'tests/fixtures/feeds/cpsc/recalls-page.json');
const MALFORMED = path.join(ROOT, 'tests/fixtures/feeds/cpsc/malformed-page.json');
const DEMO = path.join(ROOT, 'scripts/demo-store/data/cpsc-demo.json');

const cli = (args: string[], epoch = '1748736000') => runCli(args, epoch);

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'recall-index-'));

// Each case spawns vite-node a few times; on a busy 2-core machine that takes seconds.
describe('the index commands', { timeout: 90_000 }, () => {
  it('builds, reports stats on, and diffs indexes made from our fixtures', async () => {
    const dir = tmp();
    const v1 = path.join(dir, 'v1');
    const v2 = path.join(dir, 'v2');

    const first = await cli(['index', 'build', '--feed', PAGE, '--feed', MALFORMED, '--out', v1]);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const built = JSON.parse(first.stdout);
    expect(built).toMatchObject({ version: 20250601000000, delta: null, deltas: 0 });
    expect(built.feeds.cpsc.skipped).toBeGreaterThan(0);
    const manifest = parseManifest(JSON.parse(readFileSync(path.join(v1, 'manifest.json'), 'utf8')));
    for (const shard of manifest.shards) {
      expect(await verifyFile(readFileSync(path.join(v1, shard.file)), shard.sha256)).toBe(true);
    }

    const second = await cli(
      ['index', 'build', '--feed', PAGE, '--feed', DEMO, '--out', v2, '--previous', v1],
      '1748822400',
    );
    expect(second.status).toBe(0);
    const next = JSON.parse(second.stdout);
    expect(next.version).toBeGreaterThan(built.version);
    expect(next.delta).toMatchObject({ from: built.version, to: next.version });
    expect(next.delta.upserts).toBeGreaterThan(0);
    expect(next.deltas).toBe(1);

    const stats = await cli(['index', 'stats', '--feed', PAGE, '--feed', MALFORMED]);
    expect(stats.status).toBe(0);
    const [cpsc] = JSON.parse(stats.stdout).sources;
    expect(cpsc).toMatchObject({ source: 'cpsc', records: built.records, skipped: built.feeds.cpsc.skipped });
    for (const key of ['withGtin', 'withModel', 'withLotOrDate']) {
      expect(cpsc[key].share).toBeGreaterThanOrEqual(0);
      expect(cpsc[key].share).toBeLessThanOrEqual(1);
    }
    expect(cpsc.skippedReasons[0]).toMatch(/^malformed-page\.json: record \d+/);
    expect(cpsc.skippedByReason).toContainEqual({ reason: 'RecallID is missing', count: 1 });

    const fromIndex = JSON.parse((await cli(['index', 'stats', '--index', v2])).stdout);
    expect(fromIndex.sources[0]).toMatchObject({ source: 'cpsc', records: next.records });

    const deltaFile = path.join(dir, 'v1-v2.json.gz');
    const d = await cli(['index', 'diff', '--from', v1, '--to', v2, '--out', deltaFile]);
    expect(d.status).toBe(0);
    const summary = JSON.parse(d.stdout);
    expect(summary).toMatchObject({ from: built.version, to: next.version, upserts: next.delta.upserts });
    const bytes = readFileSync(deltaFile);
    expect(await verifyFile(bytes, next.delta.sha256)).toBe(true);
    const delta = parseDelta(await decodeJson(bytes, deltaFile), deltaFile);
    expect(delta.upserts.map((r) => r.id)).toContain('cpsc:90001');
  });

  it('writes the starter snapshot in the format the extension bundles', async () => {
    const out = path.join(tmp(), 'starter.json');
    const r = await cli(['index', 'snapshot', '--feed', DEMO, '--out', out]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ records: 4, sources: ['cpsc'] });
    const snap = JSON.parse(readFileSync(out, 'utf8'));
    expect(snap).toMatchObject({ format: 'recall-sentinel-snapshot', formatVersion: 1 });
    expect(snap.recalls.map((x: { id: string }) => x.id)).toContain('cpsc:90001');
  });

  it('fails with one line and exit 1 when a shard of the previous index was altered', async () => {
    const dir = tmp();
    const v1 = path.join(dir, 'v1');
    expect((await cli(['index', 'build', '--feed', DEMO, '--out', v1])).status).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(v1, 'manifest.json'), 'utf8'));
    const shardFile = path.join(v1, manifest.shards[0].file);
    const bytes = readFileSync(shardFile);
    const at = bytes.length >> 1;
    bytes[at] = (bytes[at] ?? 0) ^ 0xff;
    writeFileSync(shardFile, bytes);
    const r = await cli(['index', 'build', '--feed', DEMO, '--out', path.join(dir, 'v2'), '--previous', v1]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/checksum mismatch/);
  });

  it('fails with one line and exit 1 on a CPSC error record', async () => {
    const r = await cli([
      'index',
      'build',
      '--feed',
      path.join(ROOT, 'tests/fixtures/feeds/cpsc/error-record.json'),
      '--out',
      tmp(),
    ]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/error-record\.json: CPSC feed returned an error record/);
  });

  it('prints usage and exits 2 when a required option is missing or unknown', async () => {
    const missing = await cli(['index', 'build', '--feed', DEMO]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/index build needs --feed <file> \(one or more\) and --out <dir>/);
    expect(missing.stderr).toMatch(/usage:/);
    expect((await cli(['index', 'frobnicate'])).stderr).toMatch(/unknown index command: frobnicate/);
    expect((await cli(['index', 'stats', '--bogus'])).status).toBe(2);
  });
});
