/**
 * Marks beside recalled cart and order lines. Each mark is a small host element inserted right after the
 * line's element (utils/extract/line-element.ts) with a closed shadow root, so the page's styles cannot
 * reach in and no page or feed text is ever parsed as markup. Idempotent: `update` and `refresh` keep a
 * mark that is still beside its line, put back one the page's re-render dropped, and remove marks whose
 * line left the cart or no longer matches. Removed with the content script's context.
 */
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { RecallRowMark } from '../../components/RecallRowMark';
import markCss from '../../components/RecallRowMark.css?inline';
import { findLineElement } from '../extract/line-element';
import type { MarketplaceAdapter } from '../marketplaces/adapter';
import type { MatchTier, ProductIdentity } from '../schemas';
import { TEST_ATTRIBUTES } from './test-attributes';
import { unclaimedElement } from './unclaimed-element';

export const MARK_TAG = 'recall-sentinel-mark';

export interface LineMark {
  /** The line's index in the scan's items. */
  line: number;
  item: ProductIdentity;
  tier: MatchTier;
  recalls: number;
}

interface Placed {
  host: HTMLElement;
  container: HTMLElement;
}

export class RowMarks {
  private placed = new Map<Element, Placed>();
  private wanted: LineMark[] = [];
  private adapter: MarketplaceAdapter | undefined;

  constructor(
    ctx: ContentScriptContext,
    private readonly onShow: (line: number) => void,
  ) {
    ctx.onInvalidated(() => this.update([], undefined));
  }

  /** Marks exactly these lines (none: removes every mark). */
  update(wanted: LineMark[], adapter: MarketplaceAdapter | undefined): void {
    this.wanted = wanted;
    this.adapter = adapter;
    this.refresh();
  }

  /** Puts the current marks where their lines are now (after the page re-rendered rows, say). */
  refresh(): void {
    const next = new Map<Element, Placed>();
    for (const mark of this.wanted) {
      const element = findLineElement(document, mark.item, this.adapter);
      if (!element || next.has(element)) continue;
      let placed = this.placed.get(element);
      if (!placed?.host.isConnected || element.nextElementSibling !== placed.host) {
        placed?.host.remove();
        placed = this.create(element);
      }
      if (TEST_ATTRIBUTES) placed.host.setAttribute('data-tier', mark.tier);
      placed.host.setAttribute('data-line', String(mark.line));
      render(
        <RecallRowMark tier={mark.tier} recalls={mark.recalls} onShow={() => this.onShow(mark.line)} />,
        placed.container,
      );
      next.set(element, placed);
    }
    for (const [element, placed] of this.placed) {
      if (next.get(element) !== placed) {
        render(null, placed.container);
        placed.host.remove();
      }
    }
    this.placed = next;
  }

  private create(element: Element): Placed {
    const host = unclaimedElement(MARK_TAG);
    const root = host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = markCss;
    const container = document.createElement('span');
    root.append(style, container);
    element.after(host);
    return { host, container };
  }
}
