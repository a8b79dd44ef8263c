/**
 * Matching speed against index size in Node (issue 6 budget, BENCHMARKS.md); the same measurement runs in
 * Chromium with match-chromium-bench.ts. Run with `npx vite-node tests/bench/match-bench.ts`.
 */
import { figureRow, IDENTITIES, measureMatching } from './match-core';

const RUNS = Number(process.env.BENCH_RUNS ?? 41);
console.log(`## Matching ${IDENTITIES} identities against a MemoryIndex in Node (median of ${RUNS} runs)\n`);
console.log('| recalls | build index | match 50 (median) | match 50 (p90) | matches found |');
console.log('|---:|---:|---:|---:|---:|');
for (const size of [10_000, 250_000]) console.log(figureRow(measureMatching(size, RUNS)));
console.log(`\n## The same with brands and listing titles (title keys; see match-core.ts)\n`);
console.log('| recalls | build index | match 50 (median) | match 50 (p90) | matches found |');
console.log('|---:|---:|---:|---:|---:|');
for (const size of [10_000, 250_000]) console.log(figureRow(measureMatching(size, RUNS, { titles: true })));
