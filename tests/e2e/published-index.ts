/**
 * A published index of CPSC records for the e2e tests that sync one (sync-published.spec.ts,
 * fault-injection.spec.ts): built as `index build` builds it, and the extension pointed at it.
 */
import type { Worker } from '@playwright/test';
import { buildPublishedIndex, type PublishedBuild } from '../../scripts/lib/published-builder';
import type { Recall } from '../../utils/schemas';

/** An index of `recalls` built at `at`, with a delta from `previous` when given (shrinking allowed). */
export const buildCpscIndex = (recalls: Recall[], at: string, previous?: PublishedBuild) =>
  buildPublishedIndex(
    new Map([['cpsc', { recalls, skipped: [] }]]),
    previous ? { manifest: previous.manifest, recalls: previous.recalls } : undefined,
    new Date(at),
    { allowShrink: true },
  );

/** The extension's settings: the index at `manifestUrl`, and CPSC's own feed off. */
export async function usePublishedIndex(worker: Worker, manifestUrl: string): Promise<void> {
  await worker.evaluate(async (url) => {
    await chrome.storage.local.set({
      settings: { publishedIndexUrl: url, feeds: { cpsc: { enabled: false } } },
    });
  }, manifestUrl);
}
