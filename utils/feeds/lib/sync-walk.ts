/**
 * Small helpers the feeds' `sync` walks share: day cursors with a day of overlap, and bounds read from
 * the options with the feed's documented defaults. Pure, like the walks themselves.
 */
import type { FeedResponse, FeedSyncOptions } from '../feed';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The YYYY-MM-DD day a cursor (a day or an ISO timestamp) names, or null for an unreadable one. */
export function cursorDay(cursor: string | null | undefined): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(cursor?.trim() ?? '');
  return m?.[1] && !Number.isNaN(Date.parse(m[1])) ? m[1] : null;
}

/** `day` moved by `days` (negative: earlier), as YYYY-MM-DD. */
export function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The day an incremental run starts from: a day before the cursor, as the single-GET path does. */
export function overlapDay(cursor: string | null): string | null {
  const day = cursorDay(cursor);
  return day ? shiftDay(day, -1) : null;
}

/** The later of two days or timestamps (ISO strings compare as text); null when both are. */
export function later(a: string | null, b: string | null | undefined): string | null {
  if (!b) return a;
  if (!a) return b;
  return b > a ? b : a;
}

/** A bound from the options, else the feed's default; at least 1. */
export function bound(opts: FeedSyncOptions, key: 'maxPages' | 'maxItems', fallback: number): number {
  const value = opts[key];
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(1, Math.floor(value)) : fallback;
}

/** A 404 is "not there": the walk skips or stops; other statuses reached here are 2xx or 304. */
export const isMissing = (res: FeedResponse<unknown>) => res.status === 404;
