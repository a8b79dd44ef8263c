/**
 * `npx vite-node tests/bench/audit-page-bench.ts [rows] [recalls]`: the merchant audit in a Chromium page
 * (issue 11's budget: a 50,000-row catalog against 250,000 recalls in under 20 s in the extension page,
 * the UI responsive throughout), on the audit page's own path against the real IndexedDB index
 * (audit-page.ts). Prints the time of the file read and of the audit, and the longest main-thread task
 * of each, measured with the Long Tasks API.
 */
import path from 'node:path';
import { chromium } from '@playwright/test';
import { build as viteBuild } from 'vite';
import { findChromium } from '../../scripts/lib/browser';
import type { AuditPageFigures } from './audit-page';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ROWS = Number(process.argv[2] ?? 50_000);
const RECALLS = Number(process.argv[3] ?? 250_000);
const MIXES = [
  { name: 'typical (1 in 10 brands recalled)', share: 0.1 },
  { name: 'harsh (every brand recalled)', share: 1 },
] as const;

// Vite, not esbuild: the feed catalogue (sourceLabel, in every finding) is an import.meta.glob.
const built = (await viteBuild({
  configFile: false,
  logLevel: 'silent',
  resolve: { alias: { '@': ROOT } },
  build: {
    write: false,
    minify: true,
    lib: {
      entry: path.join(ROOT, 'tests/bench/audit-page.ts'),
      formats: ['iife'],
      name: 'rsAuditPageBundle',
    },
  },
})) as { output: { code?: string }[] }[];
const code = built[0]?.output[0]?.code ?? '';
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
    fill: (n: number) => Promise<void>;
    measure: (r: number, s: number) => Promise<AuditPageFigures>;
  };
  await page.evaluate(
    (n) => (globalThis as unknown as { __rsAuditPage: Api }).__rsAuditPage.fill(n),
    RECALLS,
  );
  console.log(
    `## Merchant audit in a Chromium page: ${ROWS.toLocaleString('en-US')} rows against ${RECALLS.toLocaleString('en-US')} recalls in IndexedDB\n`,
  );
  console.log(
    '| catalog | read | audit | read + audit | longest task: read | longest task: audit | tasks over 50 ms in the audit | longest gap between progress updates | findings |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const mix of MIXES) {
    const f = await page.evaluate(
      ([r, sh]) => (globalThis as unknown as { __rsAuditPage: Api }).__rsAuditPage.measure(r, sh),
      [ROWS, mix.share] as const,
    );
    console.log(
      `| ${mix.name} | ${s(f.readMs)} | ${s(f.auditMs)} | **${s(f.readMs + f.auditMs)}** | ${f.longestReadTaskMs.toFixed(0)} ms | **${f.longestAuditTaskMs.toFixed(0)} ms** | ${f.longAuditTasks} | ${f.longestChunkGapMs.toFixed(0)} ms | ${f.findings.confirmed}, ${f.findings.likely}, ${f.findings.possible} |`,
    );
  }
} finally {
  await context.close();
}
