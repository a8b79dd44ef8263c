/**
 * One sync at a time: an alarm, "sync now" and "clear and rebuild" all go through here, and a request
 * that arrives while a sync runs joins it instead of starting a second one over the same stores.
 */
import type { FeedMapper } from '../feeds/feed';
import type { RecallDb } from '../recall-index/db';
import { pinnedIndexKeys } from '../recall-index/published/index-keys';
import { runSync } from '../recall-index/sync';
import type { SyncOutcome, SyncProgress } from '../schemas';
import type { Settings } from '../settings';
import type { SyncControl } from './handle-message';

export interface SyncRunnerDeps {
  db: () => Promise<RecallDb>;
  settings: () => Promise<Settings>;
  feeds: readonly FeedMapper[];
  fetch: typeof fetch;
  /** Empties the index and the sync state and loads the starter data again. */
  reset: () => Promise<void>;
  /** Called when the index changed (cached status must be dropped). */
  onChanged: () => void;
  storageBytes: () => Promise<number | null>;
  /** Whether the extension holds these host permissions. */
  mayReach: (origins: string[]) => Promise<boolean>;
}

export class SyncRunner implements SyncControl {
  private current: Promise<SyncOutcome[]> | null = null;
  private lastProgress: SyncProgress | null = null;

  constructor(private readonly deps: SyncRunnerDeps) {}

  /** A scheduled run: only sources that are due. */
  runDue(): Promise<SyncOutcome[]> {
    return this.run(false);
  }

  runNow(): Promise<SyncOutcome[]> {
    return this.run(true);
  }

  running(): boolean {
    return this.current !== null;
  }

  progress(): SyncProgress | null {
    return this.current ? this.lastProgress : null;
  }

  async clearAndRebuild(): Promise<SyncOutcome[]> {
    if (this.current) await this.current;
    await this.deps.reset();
    this.deps.onChanged();
    return this.run(true);
  }

  storageBytes(): Promise<number | null> {
    return this.deps.storageBytes();
  }

  private run(force: boolean): Promise<SyncOutcome[]> {
    if (this.current) return this.current;
    this.current = (async () => {
      try {
        return await runSync(
          {
            db: await this.deps.db(),
            fetch: this.deps.fetch,
            now: () => new Date(),
            random: Math.random,
            settings: await this.deps.settings(),
            feeds: this.deps.feeds,
            mayReach: this.deps.mayReach,
            // Fixed at build time: only the demo build trusts the test key and plain http to loopback.
            indexKeys: pinnedIndexKeys(import.meta.env.MODE),
            allowLoopbackHttp: import.meta.env.MODE === 'demo',
            onProgress: (p) => {
              this.lastProgress = p;
            },
          },
          { force },
        );
      } finally {
        this.current = null;
        this.lastProgress = null;
        this.deps.onChanged();
      }
    })();
    return this.current;
  }
}
