/**
 * An organisation's endpoint (optional, set in the options): a platform or consumer body that receives
 * reports as JSON over HTTPS. Reports wait in a queue on this device (storage.local) until they are
 * delivered; each is POSTed with an `Idempotency-Key` (its report id), a delivered one is never sent again,
 * and every failure is kept with a message the shopper can read: a server error, no answer, a redirect
 * (not followed: it could lead to http or another host), no network. Nothing is sent unless the shopper
 * presses "Send" on a report. Pure apart from the injected `fetch` and storage.
 */
import { z } from 'zod';

export const ENDPOINT_KEY = 'report-endpoint';
export const QUEUE_KEY = 'report-outbox';
/** How long one POST may take before it counts as "no answer". */
export const SEND_TIMEOUT_MS = 15_000;
const QUEUE_MAX = 200;

/** A usable endpoint address: https only, no credentials in it. */
export function checkEndpoint(
  raw: string,
): { ok: true; url: string } | { ok: false; reason: 'invalid' | 'not-https' } {
  const text = raw.trim();
  if (!URL.canParse(text)) return { ok: false, reason: 'invalid' };
  const url = new URL(text);
  if (url.username || url.password) return { ok: false, reason: 'invalid' };
  if (url.protocol !== 'https:') return { ok: false, reason: 'not-https' };
  return { ok: true, url: url.href };
}

export const OutboxItem = z.object({
  /** The report id, sent as the Idempotency-Key. */
  key: z.string().min(1).max(40),
  url: z.string(),
  /** Exactly what is (or was) sent. */
  body: z.string(),
  queuedAt: z.string(),
  status: z.enum(['queued', 'sent', 'rejected']),
  attempts: z.number().int().nonnegative(),
  /** The last attempt's outcome, for the shopper to read. */
  last: z
    .object({
      at: z.string(),
      kind: z.enum(['sent', 'server-error', 'rejected', 'timeout', 'redirect', 'network']),
      httpStatus: z.number().int().nullable(),
    })
    .nullable(),
});
export type OutboxItem = z.infer<typeof OutboxItem>;
export type AttemptKind = NonNullable<OutboxItem['last']>['kind'];

export function parseOutbox(raw: unknown): OutboxItem[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((e) => {
    const parsed = OutboxItem.safeParse(e);
    return parsed.success ? [parsed.data] : [];
  });
}

/** The queue with a report added; a report already in it (queued or sent) is not added again. */
export function enqueue(
  items: readonly OutboxItem[],
  item: { key: string; url: string; body: string; now: Date },
) {
  if (items.some((i) => i.key === item.key)) return [...items];
  const entry: OutboxItem = {
    key: item.key,
    url: item.url,
    body: item.body,
    queuedAt: item.now.toISOString(),
    status: 'queued',
    attempts: 0,
    last: null,
  };
  return [entry, ...items].slice(0, QUEUE_MAX);
}

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** One POST and what it means: delivered, worth retrying, or refused for good. */
export async function postOnce(fetchFn: FetchLike, item: OutboxItem, timeoutMs = SEND_TIMEOUT_MS) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const res = await fetchFn(item.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': item.key },
      body: item.body,
      // A redirect is not followed: the report could go over http or to another host.
      redirect: 'manual',
      credentials: 'omit',
      signal: controller.signal,
    });
    if (res.type === 'opaqueredirect' || (res.status >= 300 && res.status < 400))
      return { kind: 'redirect' as const, httpStatus: res.status || null };
    // 409: the endpoint already has this key, i.e. it received the report before.
    if (res.ok || res.status === 409) return { kind: 'sent' as const, httpStatus: res.status };
    if (res.status >= 500 || res.status === 429 || res.status === 408)
      return { kind: 'server-error' as const, httpStatus: res.status };
    return { kind: 'rejected' as const, httpStatus: res.status };
  } catch (e) {
    return {
      kind: controller.signal.aborted ? ('timeout' as const) : ('network' as const),
      httpStatus: null,
      e,
    };
  } finally {
    clearTimeout(timer);
  }
}

/** The item after an attempt. A rejected report (4xx) waits for the shopper; the rest stay queued. */
export function afterAttempt(
  item: OutboxItem,
  kind: AttemptKind,
  httpStatus: number | null,
  now: Date,
): OutboxItem {
  const status: OutboxItem['status'] = kind === 'sent' ? 'sent' : kind === 'rejected' ? 'rejected' : 'queued';
  return { ...item, status, attempts: item.attempts + 1, last: { at: now.toISOString(), kind, httpStatus } };
}

export interface StorageArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** Runs `fn` holding a lock that every page of the extension shares (the Web Locks API in the browser). */
export type SharedLock = <T>(fn: () => Promise<T>) => Promise<T>;

/**
 * The queue, read and written through storage. `flush` sends every queued report once, one at a time;
 * a report that is sent is marked so before the next is tried, and one already sent is never tried again.
 * Flushes are serialised across pages by `lock` (the options page and a report page both retry when the
 * network comes back; without it both would post the same report), and within a page by one promise.
 * The endpoint still gets an `Idempotency-Key`, for the case no lock covers: an answer lost on the way back.
 */
export class Outbox {
  private flushing: Promise<OutboxItem[]> | null = null;
  constructor(
    private readonly area: StorageArea,
    private readonly fetchFn: FetchLike,
    private readonly now: () => Date = () => new Date(),
    private readonly lock: SharedLock = (fn) => fn(),
  ) {}

  async list(): Promise<OutboxItem[]> {
    return parseOutbox((await this.area.get(QUEUE_KEY))[QUEUE_KEY]);
  }

  private async update(key: string, change: (item: OutboxItem) => OutboxItem | null): Promise<OutboxItem[]> {
    const next = (await this.list()).flatMap((i) => {
      if (i.key !== key) return [i];
      const changed = change(i);
      return changed ? [changed] : [];
    });
    await this.area.set({ [QUEUE_KEY]: next });
    return next;
  }

  async add(item: { key: string; url: string; body: string }): Promise<OutboxItem[]> {
    const next = enqueue(await this.list(), { ...item, now: this.now() });
    await this.area.set({ [QUEUE_KEY]: next });
    return next;
  }

  async remove(key: string): Promise<OutboxItem[]> {
    return this.update(key, () => null);
  }

  /** A rejected report back in the queue (the shopper fixed the endpoint). */
  async requeue(key: string): Promise<OutboxItem[]> {
    return this.update(key, (i) => (i.status === 'rejected' ? { ...i, status: 'queued' } : i));
  }

  flush(): Promise<OutboxItem[]> {
    this.flushing ??= this.lock(() => this.flushAll()).finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  private async flushAll(): Promise<OutboxItem[]> {
    for (const item of await this.list()) {
      if (item.status !== 'queued') continue;
      // Re-read: another page may have sent it meanwhile.
      const current = (await this.list()).find((i) => i.key === item.key);
      if (current?.status !== 'queued') continue;
      const outcome = await postOnce(this.fetchFn, current);
      await this.update(item.key, (i) => afterAttempt(i, outcome.kind, outcome.httpStatus, this.now()));
    }
    return this.list();
  }
}
