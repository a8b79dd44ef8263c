/**
 * Row marks on a cart page: one beside each recalled line, put there once, put back when the page
 * re-renders a row, and taken away when the line leaves the cart or no longer matches. A Node DOM
 * (linkedom) stands in for the page, with the Amazon cart fixture.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { parseHtml } from '../../../scripts/lib/html';
import { type LineMark, MARK_TAG, RowMarks } from '../../../utils/content/row-marks';
import amazon from '../../../utils/marketplaces/amazon';

const CART = new URL('https://www.amazon.com/gp/cart/view.html');
const FIXTURE = path.resolve(import.meta.dirname, '../../fixtures/pages/amazon/cart.html');

let doc: Document;
let invalidate: () => void;
let marks: RowMarks;
const onShow = vi.fn();

beforeEach(() => {
  doc = parseHtml(readFileSync(FIXTURE, 'utf8'), CART.href);
  globalThis.document = doc;
  // linkedom has no DOMImplementation; the hosts' unclaimed document (unclaimed-element.ts) is the page here.
  Object.defineProperty(doc, 'implementation', { value: { createHTMLDocument: () => doc } });
  const stops: Array<() => void> = [];
  invalidate = () => {
    for (const stop of stops) stop();
  };
  const ctx = { onInvalidated: (fn: () => void) => void stops.push(fn) } as unknown as ContentScriptContext;
  marks = new RowMarks(ctx, onShow);
});
afterEach(() => {
  invalidate();
  Reflect.deleteProperty(globalThis, 'document');
});

const lines = () => amazon.extract(doc, CART).items;
const mark = (line: number, tier: LineMark['tier'] = 'likely'): LineMark => {
  const item = lines()[line];
  if (!item) throw new Error(`no line ${line}`);
  return { line, item, tier, recalls: 1 };
};
const hosts = () => Array.from(doc.querySelectorAll(MARK_TAG));
const rowOf = (host: Element) => host.closest('[data-asin]')?.getAttribute('data-asin');
const update = (wanted: LineMark[]) => act(() => marks.update(wanted, amazon));

describe('marks beside recalled cart lines', () => {
  it('puts one mark right after the title link of each recalled line', () => {
    update([mark(0, 'confirmed'), mark(1)]);
    expect(hosts().map(rowOf)).toEqual(['B0DEMO0001', 'B0DEMO0002']);
    for (const host of hosts()) expect(host.previousElementSibling?.matches('a.sc-product-link')).toBe(true);
    expect(hosts().map((h) => h.getAttribute('data-tier'))).toEqual(['confirmed', 'likely']);
  });

  it('keeps the same mark when the same lines are marked again', () => {
    update([mark(0)]);
    const first = hosts()[0];
    update([mark(0)]);
    marks.refresh();
    expect(hosts()).toHaveLength(1);
    expect(hosts()[0]).toBe(first);
  });

  it('takes a mark away when its line no longer matches', () => {
    update([mark(0), mark(1)]);
    update([mark(1)]);
    expect(hosts().map(rowOf)).toEqual(['B0DEMO0002']);
  });

  it('takes every mark away when the content script ends', () => {
    update([mark(0), mark(1)]);
    invalidate();
    expect(hosts()).toHaveLength(0);
  });

  it('puts a mark back when the page re-renders the row without it', () => {
    update([mark(0)]);
    const row = doc.querySelector('[data-asin="B0DEMO0001"]');
    const copy = row?.cloneNode(true) as Element;
    copy.querySelector(MARK_TAG)?.remove();
    row?.replaceWith(copy);
    expect(hosts()).toHaveLength(0);
    act(() => marks.refresh());
    expect(hosts().map(rowOf)).toEqual(['B0DEMO0001']);
  });

  it('marks nothing for a line the page no longer shows', () => {
    const gone = mark(1);
    doc.querySelector('[data-asin="B0DEMO0002"]')?.remove();
    update([mark(0), gone]);
    expect(hosts().map(rowOf)).toEqual(['B0DEMO0001']);
  });
});
