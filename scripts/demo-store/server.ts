/** A tiny HTTP server for the demo storefront, on loopback only. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEMO_PRODUCTS } from './catalog';
import { renderAboutPage, renderIndexPage, renderProductPage } from './render';

export interface DemoServer {
  origin: string;
  close(): Promise<void>;
}

export async function startDemoStore(port = 0): Promise<DemoServer> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
    const handle = /^\/products\/([a-z0-9-]+)$/.exec(url.pathname)?.[1];
    const product = handle ? DEMO_PRODUCTS.find((p) => p.handle === handle) : undefined;
    let body: string | null = null;
    if (url.pathname === '/') body = renderIndexPage();
    else if (url.pathname === '/about') body = renderAboutPage();
    else if (product) body = renderProductPage(product, url.href);
    res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body ?? 'Not found');
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: actual } = server.address() as AddressInfo;
  return {
    origin: `http://localhost:${actual}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
