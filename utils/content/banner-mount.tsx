/**
 * Mounting the warning banner: one closed shadow root per page, created on first use and reused on every
 * re-render (idempotent), removed with the content script's context. The host carries a few state
 * attributes (no page or feed text) so the page's own layout tools and our tests can see that a warning
 * is shown without opening the closed root: `data-pinned` once the shopper scrolled past it (the banner
 * folds to a bar, scrolled-past.ts), `data-lines` and `data-affected` on cart and order pages.
 */
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { i18n } from '#i18n';
import { type BannerEntry, RecallBanner } from '../../components/RecallBanner';
import bannerCss from '../../components/RecallBanner.css?inline';
import { send } from '../messaging/send';
import type { PageType } from '../schemas';
import { watchScrolledPast } from './scrolled-past';
import { TEST_ATTRIBUTES } from './test-attributes';
import { unclaimedElement } from './unclaimed-element';

export const BANNER_TAG = 'recall-sentinel-banner';

/** The folded bar's height: the banner folds once its bottom passes under where the bar will be. */
const BAR_HEIGHT = 44;

/** performance.now() readings of one scan, published on the host for `npm run bench`. */
export interface ScanTiming {
  startedAt: number;
  extractedAt: number;
  answeredAt: number;
  /** The background's own time for the index lookup, inside the round trip. */
  indexMs: number;
}

/** The banner's host in the page, and the element inside its closed shadow root that Preact renders into. */
interface BannerUi {
  shadowHost: HTMLElement;
  mounted: HTMLElement;
  remove(): void;
}

/**
 * A closed shadow root on a host the page cannot have claimed (unclaimed-element.ts), laid out as WXT's
 * shadow-root UI lays it out (html > head with the styles, body to render into), the host reset to
 * `all: initial` so the page's styles do not reach it. Not yet in the page.
 */
function createBannerUi(): BannerUi {
  const shadowHost = unclaimedElement(BANNER_TAG);
  const shadow = shadowHost.attachShadow({ mode: 'closed' });
  const html = document.createElement('html');
  const head = document.createElement('head');
  const body = document.createElement('body');
  const style = document.createElement('style');
  style.textContent = `:host{all:initial !important;}\n${bannerCss}`;
  head.append(style);
  html.append(head, body);
  shadow.append(html);
  return {
    shadowHost,
    mounted: body,
    remove() {
      render(null, body);
      shadowHost.remove();
    },
  };
}

export class BannerMount {
  private ui: BannerUi | null = null;
  private dismissedKey: string | null = null;
  private stopWatching: (() => void) | null = null;
  private pinned: { height: number } | null = null;
  private reveal: { line: number; seq: number } | null = null;
  private shown: {
    key: string;
    entries: BannerEntry[];
    pageType: PageType;
    lineCount: number;
    timing: ScanTiming;
  } | null = null;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly onNotThis: (entry: BannerEntry) => void,
  ) {
    // An extension update or unload takes the banner with it.
    ctx.onInvalidated(() => this.hide());
  }

  show(key: string, entries: BannerEntry[], pageType: PageType, lineCount: number, timing: ScanTiming): void {
    this.shown = { key, entries, pageType, lineCount, timing };
    if (entries.length === 0 || this.dismissedKey === key) {
      this.hide();
      return;
    }
    const ui = this.ui ?? this.mount();
    this.render();
    const host = ui.shadowHost;
    const { startedAt, extractedAt, answeredAt, indexMs } = timing;
    const now = performance.now();
    if (!TEST_ATTRIBUTES) return;
    host.setAttribute('data-scan-ms', (now - startedAt).toFixed(1));
    host.setAttribute(
      'data-scan-phases',
      `extract=${(extractedAt - startedAt).toFixed(1)} lookup=${(answeredAt - extractedAt).toFixed(1)} index=${indexMs.toFixed(1)} render=${(now - answeredAt).toFixed(1)}`,
    );
  }

  private mount(): BannerUi {
    const ui = createBannerUi();
    (document.body ?? document.documentElement).prepend(ui.shadowHost);
    this.ui = ui;
    this.pinned = null;
    this.stopWatching = watchScrolledPast(this.ctx, ui.shadowHost, BAR_HEIGHT, (pinned) => {
      this.pinned = pinned;
      this.render();
    });
    return ui;
  }

  /** A row mark was clicked: show that line's details, even after the shopper dismissed the banner. */
  showLine(line: number): void {
    const shown = this.shown;
    if (!shown) return;
    this.reveal = { line, seq: (this.reveal?.seq ?? 0) + 1 };
    this.dismissedKey = null;
    this.show(shown.key, shown.entries, shown.pageType, shown.lineCount, shown.timing);
  }

  hide(): void {
    this.stopWatching?.();
    this.stopWatching = null;
    this.ui?.remove();
    this.ui = null;
  }

  private render(): void {
    const container = this.ui?.mounted;
    const host = this.ui?.shadowHost;
    const shown = this.shown;
    if (!container || !host || !shown) return;
    const { key, entries, pageType, lineCount } = shown;
    render(
      <RecallBanner
        entries={entries}
        pageType={pageType}
        lineCount={lineCount}
        pinned={this.pinned}
        reveal={this.reveal}
        onNotThis={this.onNotThis}
        // The background screenshots this tab and opens the report page for it (utils/report/open-report.ts).
        report={{
          label: i18n.t('report.bannerLink'),
          open: (entry) => void send('open-report', { item: entry.line }).catch(() => undefined),
        }}
        onDismiss={() => {
          this.dismissedKey = key;
          this.hide();
        }}
      />,
      container,
    );
    const first = entries[0];
    host.setAttribute('data-state', 'warning');
    if (TEST_ATTRIBUTES) {
      host.setAttribute('data-tier', first?.match.tier ?? '');
      host.setAttribute('data-recall-ids', [...new Set(entries.map((e) => e.recall.id))].join(' '));
    }
    host.setAttribute('data-pinned', String(this.pinned !== null));
    if (pageType === 'cart' || pageType === 'orders') {
      host.setAttribute('data-lines', String(lineCount));
      host.setAttribute('data-affected', String(new Set(entries.map((e) => e.line)).size));
    }
  }
}
