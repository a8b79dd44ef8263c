/**
 * The in-page banner as the shopper reads it: the summary of a cart or order list, plural forms, and the
 * one-line bar it folds to once scrolled past. Rendered with Preact into a Node DOM (linkedom).
 */
import { parseHTML } from 'linkedom';
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type BannerEntry, RecallBanner, type RecallBannerProps } from '../../../components/RecallBanner';
import type { MatchTier, PageType, RecallMatch } from '../../../utils/schemas';
import { speak } from '../../support/i18n-setup';
import { recall } from '../support/factories';

let root: HTMLElement;
beforeEach(() => {
  const { document } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
  globalThis.document = document as unknown as Document;
  root = document.getElementById('root') as unknown as HTMLElement;
});
afterEach(() => {
  render(null, root);
  Reflect.deleteProperty(globalThis, 'document');
});

function entry(
  line: number,
  id: string,
  tier: MatchTier = 'likely',
  title = `Cart line ${line}`,
): BannerEntry {
  const match = {
    recallId: `cpsc:${id}`,
    source: 'cpsc',
    tier,
    productIndex: 0,
    evidence: [
      {
        kind: 'model',
        pageValue: 'KB-1',
        pageSource: 'spec-table',
        recallValue: 'KB-1',
        recallSource: 'structured',
        recallOrigin: 'models',
      },
    ],
    caveats: [],
  } as RecallMatch;
  return {
    match,
    recall: recall(id),
    productTitle: title,
    marketplace: 'amazon',
    listing: `l${line}`,
    line,
    where: null,
  };
}

function show(entries: BannerEntry[], props: Partial<RecallBannerProps> & { pageType?: PageType } = {}) {
  // act() runs the banner's effects (a row mark's request) before the test reads it.
  act(() => {
    render(
      h(RecallBanner, {
        entries,
        pageType: 'cart',
        lineCount: 5,
        pinned: null,
        reveal: null,
        onDismiss: () => {},
        onNotThis: () => {},
        ...props,
      }),
      root,
    );
  });
  const text = (selector: string) => root.querySelector(selector)?.textContent ?? null;
  return {
    text,
    all: (selector: string) => Array.from(root.querySelectorAll(selector), (e) => e.textContent),
  };
}

describe('the summary of a cart', () => {
  it('counts the recalled lines among all and names each with its tier', () => {
    const banner = show([entry(0, '1', 'confirmed', 'Step stool'), entry(3, '2', 'likely', 'Hand warmer')]);
    expect(banner.text('.summary-head')).toBe('2 of 5 items in your cart have a recall');
    const lines = banner.all('.summary-lines li');
    expect(lines[0]).toContain('Step stool');
    expect(lines[0]).toContain('Confirmed match · 1 recall');
    expect(lines[1]).toContain('Hand warmer');
    expect(lines[1]).toContain('Likely match · 1 recall');
  });

  it('agrees in number when one line of one is recalled', () => {
    const banner = show([entry(0, '1')], { lineCount: 1 });
    expect(banner.text('.summary-head')).toBe('The item in your cart has a recall');
  });

  it('counts a line with two recalls once, and says "2 recalls" for it', () => {
    const banner = show([entry(2, '1'), entry(2, '2')]);
    expect(banner.text('.summary-head')).toBe('1 of 5 items in your cart has a recall');
    expect(banner.all('.summary-lines li')[0]).toContain('2 recalls');
    expect(banner.text('.more')).toBe(
      'and 1 more recall for this item: open Recall Sentinel from the toolbar',
    );
  });

  it('speaks of an order list on an orders page', () => {
    const banner = show([entry(0, '1'), entry(1, '2')], { pageType: 'orders', lineCount: 4 });
    expect(banner.text('.summary-head')).toBe('2 of 4 items in this order list have a recall');
    expect(banner.text('.item')).toContain('You bought:');
  });

  it('shows the details of the line the shopper picked', () => {
    const banner = show([entry(0, '1', 'likely', 'Step stool'), entry(1, '2', 'likely', 'Hand warmer')], {
      reveal: { line: 1, seq: 1 },
    });
    expect(banner.text('.item')).toBe('In your cart: Hand warmer');
    expect(banner.text('.title')).toBe('Recall 2');
  });
});

describe('in Chinese', () => {
  it('words the summary, the tier and the actions in Chinese, and leaves the recall text as published', () => {
    speak('zh_CN');
    const banner = show([entry(0, '1', 'confirmed', 'Step stool'), entry(3, '2', 'likely', 'Hand warmer')]);
    expect(banner.text('.summary-head')).toBe('购物车中 5 件商品里有 2 件被召回');
    expect(banner.all('.summary-lines li')[0]).toContain('确认相符 · 1 项召回');
    expect(banner.text('.tag')).toBe('召回警告');
    expect(banner.text('.title')).toBe('Recall 1');
    expect(root.textContent).toContain('不是这件商品');
    expect(root.textContent).not.toMatch(/Show details|Not this product|Why am I/);
  });
});

describe('a recall from another market', () => {
  it('says where it was announced, under the title', () => {
    const foreign = {
      ...entry(0, '1'),
      where: { kind: 'elsewhere' as const, text: 'Recalled in the EU — not announced in the US' },
    };
    const banner = show([foreign], { pageType: 'product', lineCount: 1 });
    expect(banner.text('.recalled-where')).toBe('Recalled in the EU — not announced in the US');
  });
});

describe('a product page', () => {
  it('has no summary, and never says "1 recalls"', () => {
    const banner = show([entry(0, '1'), entry(0, '2')], { pageType: 'product', lineCount: 1 });
    expect(banner.text('.summary')).toBeNull();
    expect(banner.text('.more')).toBe('and 1 more recall: open Recall Sentinel from the toolbar');
    expect(root.textContent).not.toMatch(/\b1 (recalls|more recalls|items)\b/);
  });

  it('says "2 more recalls" for three', () => {
    const banner = show([entry(0, '1'), entry(0, '2'), entry(0, '3')], { pageType: 'product' });
    expect(banner.text('.more')).toContain('and 2 more recalls:');
  });
});

describe('the folded bar', () => {
  it('is one line with the tier, the product and "Show details", collapsed, while the page keeps its place', () => {
    show([entry(0, '1', 'confirmed', 'Step stool'), entry(1, '2')], { pinned: { height: 206 } });
    const toggle = root.querySelector('.slim-toggle');
    expect(toggle?.textContent).toBe('!Confirmed matchStep stool and 1 more itemShow details');
    expect(toggle?.getAttribute('aria-expanded')).toBe('false');
    expect(root.querySelector('.full')).toBeNull();
    expect(root.querySelector('.frame')?.getAttribute('style')).toMatch(/height: ?206px/);
  });

  it('names the product alone on a product page', () => {
    show([entry(0, '1', 'likely', 'Step stool')], { pageType: 'product', pinned: { height: 180 } });
    expect(root.querySelector('.slim-product')?.textContent).toBe('Step stool');
  });

  it('opens with the details when a row mark asks for a line', () => {
    show([entry(0, '1'), entry(1, '2', 'likely', 'Hand warmer')], {
      pinned: { height: 206 },
      reveal: { line: 1, seq: 1 },
    });
    expect(root.querySelector('.slim-toggle')?.getAttribute('aria-expanded')).toBe('true');
    expect(root.querySelector('.full .item')?.textContent).toBe('In your cart: Hand warmer');
  });
});
