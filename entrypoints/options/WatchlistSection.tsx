/**
 * "Your products": whether the products the shopper views, carts or buys are kept on this device to be
 * re-checked after every sync (utils/watchlist/), how many are kept, where to see them, and forgetting
 * them. Turning it off stops keeping new ones and leaves the kept ones until they are forgotten, so that
 * switching off by mistake loses nothing.
 */

import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { ask } from '@/utils/messaging/ask';

export function WatchlistSection({ on, onToggle }: { on: boolean; onToggle: (on: boolean) => void }) {
  const [kept, setKept] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const refresh = async () => {
    const res = await ask('watchlist');
    setKept(res.ok ? res.products.length : null);
  };
  useEffect(() => {
    void refresh();
  }, []);

  const forget = async () => {
    const res = await ask('watchlist-clear');
    setMessage(
      res.ok ? i18n.t('watchlistSettings.forgotten') : i18n.t('watchlistSettings.forgetFailed', [res.error]),
    );
    await refresh();
  };

  return (
    <section aria-labelledby="watchlist-heading">
      <h2 id="watchlist-heading">{i18n.t('watchlistSettings.title')}</h2>
      <label class="toggle">
        <input type="checkbox" checked={on} onChange={(e) => onToggle(e.currentTarget.checked)} />{' '}
        {i18n.t('watchlistSettings.toggle')}
      </label>
      <p class="muted">{i18n.t('watchlistSettings.note')}</p>
      <p data-testid="watchlist-kept">
        {kept === null
          ? i18n.t('watchlistSettings.counting')
          : i18n.t('watchlistSettings.kept', kept, [kept.toLocaleString()])}{' '}
        <a href={browser.runtime.getURL('/watchlist.html')} target="_blank" rel="noopener">
          {i18n.t('watchlistSettings.see')}
        </a>
      </p>
      <div class="actions">
        <button type="button" class="secondary" onClick={() => void forget()} disabled={!kept}>
          {i18n.t('watchlistSettings.forget')}
        </button>
      </div>
      {message && (
        <p class="message" role="status">
          {message}
        </p>
      )}
    </section>
  );
}
