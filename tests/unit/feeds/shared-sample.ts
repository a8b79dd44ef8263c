/**
 * Real data under ../shared/data for one test: its path, or the test skipped with a note naming what is
 * missing, so a local run without the data says why it proved less. Under CI a missing sample fails the
 * run instead (findSharedData throws there): a green CI run has read every sample.
 */
import type { TestContext } from 'vitest';
import { findSharedData } from '../../../scripts/lib/shared-data';

export function sharedSample(ctx: TestContext, ...relative: string[]): string {
  const found = findSharedData(...relative);
  if (found === null) {
    ctx.skip(`../shared/data/${relative.join('/')} is missing (the team's real data; required under CI)`);
  }
  return found as string;
}
