/**
 * Mounting the warning banner: one closed shadow root per page, created on first use and reused on every
 * re-render (idempotent), removed with the content script's context. The host carries a few state
 * attributes (no page or feed text) so the page's own layout tools and our tests can see that a warning
 * is shown without opening the closed root.
 */
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { type BannerEntry, RecallBanner } from '../../components/RecallBanner';
import bannerCss from '../../components/RecallBanner.css?inline';
import type { PageType } from '../schemas';

export const BANNER_TAG = 'recall-sentinel-banner';

/** performance.now() readings of one scan, published on the host for `npm run bench`. */
export interface ScanTiming {
  startedAt: number;
  extractedAt: number;
  answeredAt: number;
  /** The background's own time for the index lookup, inside the round trip. */
  indexMs: number;
}

export class BannerMount {
  private ui: ShadowRootContentScriptUi<HTMLElement> | null = null;
  private dismissedKey: string | null = null;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly onNotThis: (entry: BannerEntry) => void,
  ) {}

  async show(key: string, entries: BannerEntry[], pageType: PageType, timing: ScanTiming): Promise<void> {
    if (entries.length === 0 || this.dismissedKey === key) {
      this.hide();
      return;
    }
    if (!this.ui) {
      this.ui = await createShadowRootUi(this.ctx, {
        name: BANNER_TAG,
        position: 'inline',
        anchor: 'body',
        append: 'first',
        mode: 'closed',
        css: bannerCss,
        onMount: (container) => container,
        onRemove: (container) => {
          if (container) render(null, container);
        },
      });
      this.ui.mount();
    }
    const host = this.ui.shadowHost;
    const container = this.ui.mounted;
    if (!container) return;
    render(
      <RecallBanner
        entries={entries}
        pageType={pageType}
        onNotThis={this.onNotThis}
        onDismiss={() => {
          this.dismissedKey = key;
          this.hide();
        }}
      />,
      container,
    );
    const first = entries[0];
    host.setAttribute('data-state', 'warning');
    host.setAttribute('data-tier', first?.match.tier ?? '');
    host.setAttribute('data-recall-ids', [...new Set(entries.map((e) => e.recall.id))].join(' '));
    const { startedAt, extractedAt, answeredAt, indexMs } = timing;
    const now = performance.now();
    host.setAttribute('data-scan-ms', (now - startedAt).toFixed(1));
    host.setAttribute(
      'data-scan-phases',
      `extract=${(extractedAt - startedAt).toFixed(1)} lookup=${(answeredAt - extractedAt).toFixed(1)} index=${indexMs.toFixed(1)} render=${(now - answeredAt).toFixed(1)}`,
    );
  }

  hide(): void {
    this.ui?.remove();
    this.ui = null;
  }
}
