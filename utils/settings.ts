/**
 * User settings, kept in `storage.local` under one key and parsed on every read, so a stored value from an
 * older version (or a hand-edited one) can never put the background in a state the code does not expect:
 * unknown fields are dropped and missing ones take their defaults.
 */
import { z } from 'zod';
import { feedCatalogue } from './feeds/catalogue';

export const FeedSetting = z.object({
  enabled: z.boolean(),
  /**
   * Replaces the feed's official base URL (a mirror, or a local server in tests). Only http(s) URLs; the
   * path and query the feed needs are still added by the feed's endpoint.
   */
  baseUrl: z.string().url().nullable().default(null),
});
export type FeedSetting = z.infer<typeof FeedSetting>;

export const Settings = z.object({
  schemaVersion: z.literal(1).default(1),
  /** Official sources by feed id. A feed missing here uses its default (see DEFAULT_FEEDS). */
  feeds: z.record(z.string(), FeedSetting).default({}),
  /** A published Recall Sentinel index (manifest.json URL), synced besides or instead of the feeds. */
  publishedIndexUrl: z.string().url().nullable().default(null),
  syncIntervalMinutes: z.number().int().min(15).max(10_080).default(360),
  /**
   * Keep the products the shopper views, carts and buys on this device and tell them when one is recalled
   * later (utils/watchlist/). Turning it off stops keeping new ones; what is kept is cleared separately.
   */
  watchlist: z.boolean().default(true),
});
export type Settings = z.infer<typeof Settings>;

/** Feeds on for a new install, as the feed catalogue says (`enabledByDefault` in each feed's about.ts). */
export const DEFAULT_FEEDS: Readonly<Record<string, boolean>> = Object.fromEntries(
  feedCatalogue.filter((f) => f.enabledByDefault).map((f) => [f.id, true]),
);

export const SETTINGS_KEY = 'settings';

export function parseSettings(stored: unknown): Settings {
  const parsed = Settings.safeParse(stored ?? {});
  return parsed.success ? parsed.data : Settings.parse({});
}

export function feedEnabled(settings: Settings, feedId: string): boolean {
  return settings.feeds[feedId]?.enabled ?? DEFAULT_FEEDS[feedId] ?? false;
}
