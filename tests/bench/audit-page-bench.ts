/**
 * `npx vite-node tests/bench/audit-page-bench.ts [rows] [recalls] [worker|page|page-uncached]`: the
 * merchant audit in a Chromium page (issue 11's budget: a 50,000-row catalog against 250,000 recalls in
 * under 20 s in the extension page, the UI responsive throughout), on the audit page's own path against
 * the real IndexedDB index (audit-page.ts): by default with the page's lookup worker, or on the main
 * thread with or without the audit's cache. Prints the time of the file read and of the audit, and the
 * longest main-thread task of each, measured with the Long Tasks API. PROFILE=<dir> also writes a CPU
 * profile of the page's main thread per audit.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { build as viteBuild } from 'vite';
import { findChromium } from '../../scripts/lib/browser';
import type { AuditPageFigures, LookupMode } from './audit-page';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ROWS = Number(process.argv[2] ?? 50_000);
const RECALLS = Number(process.argv[3] ?? 250_000);
const MODE = (process.argv[4] ?? 'worker') as LookupMode;
if (!['worker', 'page', 'page-uncached'].includes(MODE)) throw new Error(`unknown lookup mode ${MODE}`);
const MIXES = [
  { name: 'typical (1 in 10 brands recalled)', share: 0.1 },
  { name: 'harsh (every brand recalled)', share: 1 },
] as const;

// Vite, not esbuild: the feed catalogue (sourceLabel, in every finding) is an import.meta.glob.
const bundle = async (entry: string, name: string): Promise<string> => {
  const built = (await viteBuild({
    configFile: false,
    logLevel: 'silent',
    resolve: { alias: { '@': ROOT } },
    build: {
      write: false,
      minify: !process.env.PROFILE,
      lib: { entry: path.join(ROOT, entry), formats: ['iife'], name },
    },
  })) as { output: { code?: string }[] }[];
  return built[0]?.output[0]?.code ?? '';
};
const code = await bundle('tests/bench/audit-page.ts', 'rsAuditPageBundle');
const workerCode = await bundle('entrypoints/audit/lookup-worker.ts', 'rsLookupWorker');
const context = await chromium.launchPersistentContext('', {
  executablePath: findChromium(),
  headless: true,
});
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
try {
  const page = await context.newPage();
  await page.route('http://bench.invalid/', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>audit page bench</title>' }),
  );
  await page.goto('http://bench.invalid/');
  // Outside the extension there is no chrome.i18n: explain.ts's sentences are their keys here, which
  // costs what a message lookup costs; the words are not what is measured.
  await page.addScriptTag({
    content: 'globalThis.chrome = { i18n: { getMessage: (key) => key, getUILanguage: () => "en" } };',
  });
  await page.addScriptTag({ content: code });
  type Api = {
    fill: (n: number, worker: string) => Promise<void>;
    measure: (r: number, s: number, m: LookupMode) => Promise<AuditPageFigures>;
  };
  await page.evaluate(
    ([n, w]) => (globalThis as unknown as { __rsAuditPage: Api }).__rsAuditPage.fill(n, w),
    [RECALLS, workerCode] as const,
  );
  console.log(
    `## Merchant audit in a Chromium page: ${ROWS.toLocaleString('en-US')} rows against ${RECALLS.toLocaleString('en-US')} recalls in IndexedDB, lookups: ${MODE}\n`,
  );
  console.log(
    '| catalog | read | audit | read + audit | longest task: read | longest task: audit | tasks over 50 ms in the audit | longest gap between progress updates | findings |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---|');
  // PROFILE=<dir>: a CPU profile of each audit, for the DevTools Performance panel.
  const profileDir = process.env.PROFILE;
  const cdp = profileDir ? await context.newCDPSession(page) : null;
  for (const mix of MIXES) {
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.start');
    }
    const f = await page.evaluate(
      ([r, sh, m]) => (globalThis as unknown as { __rsAuditPage: Api }).__rsAuditPage.measure(r, sh, m),
      [ROWS, mix.share, MODE] as const,
    );
    console.log(
      `| ${mix.name} | ${s(f.readMs)} | ${s(f.auditMs)} | **${s(f.readMs + f.auditMs)}** | ${f.longestReadTaskMs.toFixed(0)} ms | **${f.longestAuditTaskMs.toFixed(0)} ms** | ${f.longAuditTasks} | ${f.longestChunkGapMs.toFixed(0)} ms | ${f.findings.confirmed}, ${f.findings.likely}, ${f.findings.possible} |`,
    );
    if (cdp && profileDir) {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(path.join(profileDir, `${mix.share}.cpuprofile`), JSON.stringify(profile));
    }
    if (f.cache) console.log(`  cache: ${JSON.stringify(f.cache)}`);
  }
} finally {
  await context.close();
}
