/**
 * Where the team's shared real data lives: `../shared/data` beside the repository (a clone and CI both
 * have it there; no absolute machine paths). Tests and scripts that read real pages or real recalls find
 * it here. Under CI (`CI=true`) a missing file is an error, never a skip: a green run must have read it.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

export const SHARED_DATA = path.resolve(import.meta.dirname, '../../../shared/data');

export const inCi = (): boolean => process.env.CI === 'true' || process.env.CI === '1';

/** The absolute path of `relative` under the shared data folder (it may not exist). */
export function sharedDataPath(...relative: string[]): string {
  return path.join(SHARED_DATA, ...relative);
}

/**
 * The absolute path when the file or folder exists; null when it does not and we are not under CI (the
 * caller skips); throws under CI, because a CI run that skipped its real data proves nothing.
 */
export function findSharedData(...relative: string[]): string | null {
  const full = sharedDataPath(...relative);
  if (existsSync(full)) return full;
  if (inCi()) {
    throw new Error(
      `CI=true but the shared real data is missing: ${full} (it must sit at ../shared/data beside the repository)`,
    );
  }
  return null;
}
