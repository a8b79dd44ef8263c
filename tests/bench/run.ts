/**
 * `npm run bench`: prints figures for the budgets, not pass/fail. This part: the bundle sizes of the
 * production build (content script budget: 30 KB gzipped). The time from scan start to the banner, and
 * the message round trip inside it, are tests/bench/round-trip-bench.ts.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { extensionDir } from '../../scripts/lib/browser';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

function bundleSizes(): void {
  const dir = extensionDir('chrome-mv3');
  console.log('## Bundle sizes (production Chrome MV3 build)\n');
  console.log('| file | raw | gzip |\n|---|---:|---:|');
  for (const file of walk(dir)
    .filter((f) => /\.(js|css|html)$/.test(f))
    .sort()) {
    const bytes = readFileSync(file);
    console.log(
      `| ${path.relative(dir, file)} | ${kb(bytes.length)} | ${kb(gzipSync(bytes, { level: 9 }).length)} |`,
    );
  }
  console.log('');
}

bundleSizes();
