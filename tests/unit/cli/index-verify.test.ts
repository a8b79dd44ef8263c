/**
 * `index build --sign-key` and `index verify --public-key` as CI and a mirror's operator run them
 * (issue 14, finding 1): keys as openssl writes them, exit 0, or 1 with the reason on stderr.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { cli as runCli } from '../../support/cli';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const PAGE = path.join(ROOT, 'tests/fixtures/feeds/cpsc/recalls-page.json');
const KEYS = path.join(ROOT, 'tests/fixtures/index-keys');
const PRIVATE = path.join(KEYS, 'test-index-key.pem');
const PUBLIC = path.join(KEYS, 'test-index-key.pub.pem');
const OTHER_PUBLIC = path.join(KEYS, 'other-key.pub.pem');

const cli = (args: string[]) => runCli(args, '1748736000');

describe('signing and verifying a published index', { timeout: 120_000 }, () => {
  it('signs a build, verifies it, and refuses it tampered, unsigned or checked with another key', async () => {
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'signed-index-')), 'index');
    const built = await cli(['index', 'build', '--feed', PAGE, '--out', out, '--sign-key', PRIVATE]);
    expect(built.stderr).toBe('');
    expect(built.status).toBe(0);
    expect(JSON.parse(built.stdout).signed).toBe(true);
    expect(readFileSync(path.join(out, 'manifest.json.sig'), 'utf8')).toMatch(/^[A-Za-z0-9+/]{86}==\n$/);

    const good = await cli(['index', 'verify', out, '--public-key', PUBLIC]);
    expect(good.stderr).toBe('');
    expect(good.status).toBe(0);
    expect(JSON.parse(good.stdout)).toMatchObject({ verified: true, version: 20250601000000 });

    // Rotation: any of several keys will do.
    expect(
      (await cli(['index', 'verify', out, '--public-key', OTHER_PUBLIC, '--public-key', PUBLIC])).status,
    ).toBe(0);

    const wrongKey = await cli(['index', 'verify', out, '--public-key', OTHER_PUBLIC]);
    expect(wrongKey.status).toBe(1);
    expect(wrongKey.stderr).toMatch(/the signature does not verify with .*other-key\.pub\.pem/);

    const manifestFile = path.join(out, 'manifest.json');
    const manifest = readFileSync(manifestFile, 'utf8');
    writeFileSync(
      manifestFile,
      manifest.replace(/"generatedAt": "[^"]+"/, '"generatedAt": "2099-01-01T00:00:00.000Z"'),
    );
    const tampered = await cli(['index', 'verify', out, '--public-key', PUBLIC]);
    expect(tampered.status).toBe(1);
    expect(tampered.stderr).toMatch(/manifest\.json: the signature does not verify/);

    writeFileSync(manifestFile, manifest);
    rmSync(path.join(out, 'manifest.json.sig'));
    const unsigned = await cli(['index', 'verify', out, '--public-key', PUBLIC]);
    expect(unsigned.status).toBe(1);
    expect(unsigned.stderr).toMatch(/manifest\.json\.sig: missing: the index is not signed/);
  });

  it("refuses an index whose shard's key file was altered or is missing, naming it", async () => {
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'signed-index-')), 'index');
    expect((await cli(['index', 'build', '--feed', PAGE, '--out', out, '--sign-key', PRIVATE])).status).toBe(
      0,
    );
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    const keyFile = path.join(out, manifest.shards[0].keys.file);
    const keys = readFileSync(keyFile);
    writeFileSync(
      keyFile,
      gzipSync(Buffer.from('{"format":"recall-sentinel-keys","formatVersion":1,"keys":[]}')),
    );
    const altered = await cli(['index', 'verify', out, '--public-key', PUBLIC]);
    expect(altered.status).toBe(1);
    expect(altered.stderr).toMatch(/keys\/0-[0-9a-f]{16}\.json\.gz: checksum mismatch/);
    rmSync(keyFile);
    const missing = await cli(['index', 'verify', out, '--public-key', PUBLIC]);
    expect(missing.stderr).toMatch(/keys\/0-[0-9a-f]{16}\.json\.gz: listed key file is missing/);
    writeFileSync(keyFile, keys);
    expect((await cli(['index', 'verify', out, '--public-key', PUBLIC])).status).toBe(0);
  });

  it('refuses a private key that is not ed25519 before writing anything, and verify without a key', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'signed-index-'));
    const notAKey = path.join(dir, 'key.pem');
    writeFileSync(notAKey, 'hello');
    const build = await cli([
      'index',
      'build',
      '--feed',
      PAGE,
      '--out',
      path.join(dir, 'out'),
      '--sign-key',
      notAKey,
    ]);
    expect(build.status).toBe(1);
    expect(build.stderr).toMatch(/key\.pem: not a private key in PEM/);
    const usage = await cli(['index', 'verify', dir]);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/index verify needs <dir> and --public-key/);
  });
});
