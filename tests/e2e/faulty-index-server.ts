/**
 * A published index on loopback that fails on command, for the fault-injection spec: a file can answer
 * with an error status (a 429 or 5xx storm), drop the connection halfway through its body, arrive cut
 * short, redirect elsewhere, or be held until the test lets it go (so the test can stop the service
 * worker or close the browser while the sync waits for it). Manifests are signed with the test key the
 * demo build pins, as feed-server.ts signs them.
 *
 * Also here: the index's checksum as the extension holds it (read from its IndexedDB in an extension
 * page) and as a build says it should be, so a test can say "exactly the old version or the new one".
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { signManifest } from '../../scripts/lib/index-signing';
import type { PublishedBuild } from '../../scripts/lib/published-builder';
import { canonicalJson } from '../../utils/recall-index/published/codec';
import type { Recall } from '../../utils/schemas';
import { TEST_SIGN_KEY } from '../unit/support/index-keys';

export type Fault =
  | { kind: 'status'; status: number; retryAfter?: string }
  /** Headers and half the body, then the connection is cut. */
  | { kind: 'drop' }
  /** Half the body, ended as if it were all of it. */
  | { kind: 'truncate' }
  /** No answer until `release()` (or the server stops). */
  | { kind: 'stall' }
  | { kind: 'redirect'; to: string }
  /** Another body in place of the file's own. */
  | { kind: 'body'; body: Uint8Array };

export class FaultyIndexServer {
  /** Files of the index by name (manifest.json, shards/…, deltas/…). */
  readonly files = new Map<string, Uint8Array>();
  /** Faults by file name; '*' applies to every request. */
  readonly faults = new Map<string, Fault>();
  readonly requests: string[] = [];
  private held: http.ServerResponse[] = [];
  private server: http.Server | null = null;
  origin = '';

  get manifestUrl(): string {
    return `${this.origin}/index/manifest.json`;
  }

  /** Serves `build` (signed) in place of whatever was served. */
  serve(build: PublishedBuild): void {
    this.files.clear();
    for (const [file, bytes] of build.files) this.files.set(file, bytes);
    this.files.set(
      'manifest.json.sig',
      signManifest(build.files.get('manifest.json') as Uint8Array, TEST_SIGN_KEY),
    );
  }

  /** The files of the served index that were asked for, by name, in order. */
  asked(): string[] {
    return this.requests.map((r) => r.replace('/index/', ''));
  }

  /** Starts serving with no files, faults or requests left from an earlier test. */
  async start(): Promise<void> {
    this.files.clear();
    this.faults.clear();
    this.requests.length = 0;
    this.server = http.createServer((req, res) => {
      const file = new URL(req.url ?? '/', 'http://127.0.0.1').pathname.replace(/^\/index\//, '');
      this.requests.push(`/index/${file}`);
      const bytes = this.files.get(file);
      const fault = this.faults.get(file) ?? this.faults.get('*');
      const headers = { 'access-control-allow-origin': '*', 'content-type': 'application/octet-stream' };
      if (fault?.kind === 'stall') {
        this.held.push(res);
        return;
      }
      if (fault?.kind === 'status') {
        res.writeHead(fault.status, {
          ...headers,
          ...(fault.retryAfter && { 'retry-after': fault.retryAfter }),
        });
        res.end('unavailable');
        return;
      }
      if (fault?.kind === 'redirect') {
        res.writeHead(302, { ...headers, location: fault.to });
        res.end();
        return;
      }
      const body = fault?.kind === 'body' ? fault.body : bytes;
      if (!body) {
        res.writeHead(404, headers);
        res.end('not found');
        return;
      }
      if (fault?.kind === 'drop') {
        res.writeHead(200, { ...headers, 'content-length': String(body.byteLength) });
        res.write(body.subarray(0, body.byteLength >> 1), () => res.destroy());
        return;
      }
      const sent = fault?.kind === 'truncate' ? body.subarray(0, body.byteLength >> 1) : body;
      res.writeHead(200, { ...headers, 'content-length': String(sent.byteLength) });
      res.end(sent);
    });
    const server = this.server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  /** Cuts every held request (its worker or browser is gone, or the test is done with it). */
  release(): void {
    for (const res of this.held.splice(0)) res.destroy();
  }

  async stop(): Promise<void> {
    this.release();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

/** A source's records in the index: how many, and the SHA-256 of their canonical JSON, sorted by id. */
export interface SourceDigest {
  records: number;
  sha256: string;
}

/** The SHA-256 of records' canonical JSON (codec.ts, as a published index hashes), in id order. */
function digestOf(records: readonly { id: string }[]): string {
  const lines = records.map((r) => [r.id, canonicalJson(r)] as const);
  lines.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash('sha256')
    .update(lines.map(([, l]) => l).join('\n'))
    .digest('hex');
}

/** What the index should hold for `source` once `recalls` are its records. */
export function expectedDigest(recalls: readonly Recall[]): SourceDigest {
  return { records: recalls.length, sha256: digestOf(recalls) };
}

/**
 * The index the extension holds, per source, read from its IndexedDB in `page` (an extension page, so
 * the extension's origin): each source's live generation, its runs' records with its changes on top.
 * The record count is the one the source's status claims; a status that disagrees with its records
 * fails the comparison.
 */
export async function indexDigest(page: Page): Promise<Record<string, SourceDigest>> {
  const held = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('recall-sentinel');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const all = <T>(store: string, range?: IDBKeyRange) =>
      new Promise<T[]>((resolve, reject) => {
        const req = db.transaction(store).objectStore(store).getAll(range);
        req.onsuccess = () => resolve(req.result as T[]);
        req.onerror = () => reject(req.error);
      });
    const out: Record<string, { claimed: number; records: { id: string }[] }> = {};
    try {
      for (const meta of await all<{ source: string; activeGen: string; records: number }>('meta')) {
        const range = IDBKeyRange.bound([meta.activeGen], [meta.activeGen, []]);
        const byId = new Map<string, { id: string }>();
        for (const page of await all<{ records: string[] }>('pages', range)) {
          for (const text of page.records) {
            const record = JSON.parse(text) as { id: string };
            byId.set(record.id, record);
          }
        }
        for (const change of await all<{ id: string; recall: { id: string } | null }>('changes', range)) {
          if (change.recall) byId.set(change.id, change.recall);
          else byId.delete(change.id);
        }
        out[meta.source] = { claimed: meta.records, records: [...byId.values()] };
      }
    } finally {
      db.close();
    }
    return out;
  });
  return Object.fromEntries(
    Object.entries(held).map(([source, { claimed, records }]) => [
      source,
      { records: claimed === records.length ? records.length : -1, sha256: digestOf(records) },
    ]),
  );
}

/**
 * The generations with rows in the extension's index, and the live ones: equal when nothing was left
 * behind (a retired generation, or a staged one no sync will finish).
 */
export async function generationsIn(page: Page): Promise<{ stored: string[]; live: string[] }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('recall-sentinel');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const request = <T>(store: string, read: (s: IDBObjectStore) => IDBRequest) =>
      new Promise<T>((resolve, reject) => {
        const req = read(db.transaction(store).objectStore(store));
        req.onsuccess = () => resolve(req.result as T);
        req.onerror = () => reject(req.error);
      });
    try {
      const stored = new Set<string>();
      for (const store of ['runs', 'pages', 'changes']) {
        const keys = await request<IDBValidKey[]>(store, (s) => s.getAllKeys());
        for (const key of keys) stored.add((key as string[])[0] as string);
      }
      const metas = await request<Array<{ activeGen: string }>>('meta', (s) => s.getAll());
      return { stored: [...stored].sort(), live: metas.map((m) => m.activeGen).sort() };
    } finally {
      db.close();
    }
  });
}
