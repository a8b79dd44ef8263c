/**
 * A local stand-in for the official feeds and a published index, on loopback only. Each path serves
 * what the test put there, and can misbehave on command (status codes, Retry-After, truncated bodies,
 * a delay), the way the real services do. Every response carries `Access-Control-Allow-Origin: *`, as
 * the CPSC API does, so the extension needs no host permission to read it.
 *
 * A published index is signed as its publisher would sign it: a request for `<dir>/manifest.json.sig`
 * that no route answers gets the test key's signature (tests/fixtures/index-keys/, pinned by the demo
 * build) of what `<dir>/manifest.json` serves. A test that wants a bad signature sets the route itself.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { signManifest } from '../../scripts/lib/index-signing';
import { TEST_SIGN_KEY } from '../unit/support/index-keys';
import { test } from './fixtures';

export interface Served {
  status?: number;
  body: string | Uint8Array;
  headers?: Record<string, string>;
  /** Milliseconds to wait before answering. */
  delayMs?: number;
}

export class FeedServer {
  readonly routes = new Map<string, Served>();
  readonly requests: string[] = [];
  private server: http.Server | null = null;
  origin = '';

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const key = url.pathname + url.search;
      this.requests.push(key);
      const served = this.routes.get(key) ?? this.routes.get(url.pathname) ?? this.signature(url.pathname);
      const answer = () => {
        if (!served) {
          res.writeHead(404, { 'access-control-allow-origin': '*' });
          res.end('not found');
          return;
        }
        res.writeHead(served.status ?? 200, {
          'access-control-allow-origin': '*',
          'content-type': 'application/json',
          ...served.headers,
        });
        res.end(served.body);
      };
      if (served?.delayMs) setTimeout(answer, served.delayMs);
      else answer();
    });
    const server = this.server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  /** The test key's signature of the manifest beside `path`, when `path` is a signature no route serves. */
  private signature(path: string): Served | undefined {
    if (!path.endsWith('/manifest.json.sig')) return undefined;
    const manifest = this.routes.get(path.slice(0, -'.sig'.length));
    if (!manifest) return undefined;
    const bytes = typeof manifest.body === 'string' ? new TextEncoder().encode(manifest.body) : manifest.body;
    return { body: signManifest(bytes, TEST_SIGN_KEY), headers: { 'content-type': 'text/plain' } };
  }

  json(path: string, value: unknown, extra: Omit<Served, 'body'> = {}): void {
    this.routes.set(path, { body: JSON.stringify(value), ...extra });
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

/**
 * The feed server of a spec file: one object, fresh for every test (routes and requests cleared, a new
 * port) and stopped after it, so no test sees another's routes. Call it at the top of the spec.
 */
export function feedServerForEachTest(): FeedServer {
  const server = new FeedServer();
  test.beforeEach(async () => {
    server.routes.clear();
    server.requests.length = 0;
    await server.start();
  });
  test.afterEach(() => server.stop());
  return server;
}
