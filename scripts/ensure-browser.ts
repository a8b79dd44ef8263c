/**
 * `npm start` and `npm test` need a Chromium to load the extension into. On a fresh machine there is
 * none, so this finds one or installs one, the way a person would:
 *   1. one that is already there (CHROMIUM_PATH, Debian's /usr/bin/chromium, Playwright's own);
 *   2. Debian's `chromium` package, when apt-get is there and we are root (as on CI);
 *   3. Playwright's own download (`npx playwright install chromium`);
 * and otherwise says in one line what to run. Exits 0 with a browser, 1 without.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium, NoBrowserError } from './lib/browser';

function found(): string | null {
  try {
    return findChromium();
  } catch (e) {
    if (e instanceof NoBrowserError) return null;
    throw e;
  }
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): boolean {
  console.log(`ensure-browser: ${command} ${args.join(' ')}`);
  return spawnSync(command, args, { stdio: 'inherit', env }).status === 0;
}

function installFromApt(): boolean {
  if (!existsSync('/usr/bin/apt-get') || process.getuid?.() !== 0) return false;
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  return (
    run('apt-get', ['update', '-qq'], env) &&
    run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], env)
  );
}

function installFromPlaywright(): boolean {
  return run('npx', ['--no-install', 'playwright', 'install', 'chromium']);
}

const already = found();
if (already) {
  console.log(`ensure-browser: using ${already}`);
  process.exit(0);
}
console.log('ensure-browser: no Chromium found; installing one');
for (const install of [installFromApt, installFromPlaywright]) {
  if (install()) {
    const installed = found();
    if (installed) {
      console.log(`ensure-browser: using ${installed}`);
      process.exit(0);
    }
  }
}
console.error(
  'ensure-browser: no Chromium, and none could be installed here: run `sudo apt-get install chromium` (Debian/Ubuntu) or `npx playwright install chromium`, or set CHROMIUM_PATH to a Chromium binary.',
);
process.exit(1);
