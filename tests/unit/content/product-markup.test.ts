import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../scripts/lib/html';
import { hasProductMarkup } from '../../../utils/content/product-markup';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/pages');
const fixture = (file: string) =>
  parseHtml(readFileSync(path.join(FIXTURES, file), 'utf8'), 'https://shop.example/p');
const page = (head: string, body = '') =>
  parseHtml(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, 'https://shop.example/p');

describe('the any-shop script’s first look at a page', () => {
  it('goes on for the schema.org, Open Graph and Shopify product pages the readers handle', () => {
    for (const file of [
      'generic/jsonld-graph.html',
      'generic/microdata.html',
      'generic/og-meta.html',
      'generic/product-group.html',
      'shopify/product.html',
      'shopify/cart.html',
    ])
      expect(hasProductMarkup(fixture(file)), file).toBe(true);
  });

  it('stops on a page without product data', () => {
    expect(hasProductMarkup(page('<title>Blog</title>', '<article><h1>Ten tips</h1></article>'))).toBe(false);
    expect(
      hasProductMarkup(
        page(
          '<script type="application/ld+json">{"@context":"https://schema.org","@type":"Organization"}</script>',
        ),
      ),
    ).toBe(false);
    expect(hasProductMarkup(page('<meta property="og:type" content="article">'))).toBe(false);
    expect(hasProductMarkup(page('', '<div itemscope itemtype="https://schema.org/Recipe"></div>'))).toBe(
      false,
    );
    expect(hasProductMarkup(page('<script>var productivity = "ProductivityApp";</script>'))).toBe(false);
  });

  it('finds a product type in a JSON-LD @type array or as a full schema.org URL', () => {
    expect(
      hasProductMarkup(page('<script type="application/ld+json">{"@type": ["Thing", "Product"]}</script>')),
    ).toBe(true);
    expect(
      hasProductMarkup(
        page('<script type="application/ld+json">{"@type":"http://schema.org/Product"}</script>'),
      ),
    ).toBe(true);
  });

  it('finds microdata products among several item types, and data-vocabulary.org ones', () => {
    expect(
      hasProductMarkup(
        page('', '<div itemscope itemtype="https://schema.org/Thing https://schema.org/Product">'),
      ),
    ).toBe(true);
    expect(hasProductMarkup(page('', '<div itemscope itemtype="http://data-vocabulary.org/Product/">'))).toBe(
      true,
    );
  });

  it('finds Shopify by its markers alone', () => {
    expect(hasProductMarkup(page('<script>Shopify.shop = "harborlane.myshopify.com";</script>'))).toBe(true);
    expect(hasProductMarkup(page('<link rel="preconnect" href="https://cdn.shopify.com">'))).toBe(true);
  });
});
