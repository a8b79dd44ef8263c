/**
 * `index build --sign-key` and `index verify --public-key` as CI and a mirror's operator run them
 * (issue 14, finding 1): keys as openssl writes them, exit 0, or 1 with the reason on stderr.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const PAGE = path.join(ROOT, 'tests/fixtures/feeds/cpsc/recalls-page.json');
const KEYS = path.join(ROOT, 'tests/fixtures/index-keys');
const PRIVATE = path.join(KEYS, 'test-index-key.pem');
const PUBLIC = path.join(KEYS, 'test-index-key.pub.pem');
const OTHER_PUBLIC = path.join(KEYS, 'other-key.pub.pem');

function cli(args: string[]) {
  const r = spawnSync(path.join(ROOT, 'node_modules/.bin/vite-node'), ['scripts/cli.ts', '--', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, SOURCE_DATE_EPOCH: '1748736000' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('signing and verifying a published index', { timeout: 120_000 }, () => {
  it('signs a build, verifies it, and refuses it tampered, unsigned or checked with another key', () => {
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'signed-index-')), 'index');
    const built = cli(['index', 'build', '--feed', PAGE, '--out', out, '--sign-key', PRIVATE]);
    expect(built.stderr).toBe('');
    expect(built.status).toBe(0);
    expect(JSON.parse(built.stdout).signed).toBe(true);
    expect(readFileSync(path.join(out, 'manifest.json.sig'), 'utf8')).toMatch(/^[A-Za-z0-9+/]{86}==\n$/);

    const good = cli(['index', 'verify', out, '--public-key', PUBLIC]);
    expect(good.stderr).toBe('');
    expect(good.status).toBe(0);
    expect(JSON.parse(good.stdout)).toMatchObject({ verified: true, version: 20250601000000 });

    // Rotation: any of several keys will do.
    expect(cli(['index', 'verify', out, '--public-key', OTHER_PUBLIC, '--public-key', PUBLIC]).status).toBe(
      0,
    );

    const wrongKey = cli(['index', 'verify', out, '--public-key', OTHER_PUBLIC]);
    expect(wrongKey.status).toBe(1);
    expect(wrongKey.stderr).toMatch(/the signature does not verify with .*other-key\.pub\.pem/);

    const manifestFile = path.join(out, 'manifest.json');
    const manifest = readFileSync(manifestFile, 'utf8');
    writeFileSync(
      manifestFile,
      manifest.replace(/"generatedAt": "[^"]+"/, '"generatedAt": "2099-01-01T00:00:00.000Z"'),
    );
    const tampered = cli(['index', 'verify', out, '--public-key', PUBLIC]);
    expect(tampered.status).toBe(1);
    expect(tampered.stderr).toMatch(/manifest\.json: the signature does not verify/);

    writeFileSync(manifestFile, manifest);
    rmSync(path.join(out, 'manifest.json.sig'));
    const unsigned = cli(['index', 'verify', out, '--public-key', PUBLIC]);
    expect(unsigned.status).toBe(1);
    expect(unsigned.stderr).toMatch(/manifest\.json\.sig: missing: the index is not signed/);
  });

  it('refuses a private key that is not ed25519 before writing anything, and verify without a key', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'signed-index-'));
    const notAKey = path.join(dir, 'key.pem');
    writeFileSync(notAKey, 'hello');
    const build = cli([
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
    const usage = cli(['index', 'verify', dir]);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/index verify needs <dir> and --public-key/);
  });
});
