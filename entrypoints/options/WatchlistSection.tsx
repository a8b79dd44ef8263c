/**
 * "Your products": whether the products the shopper views, carts or buys are kept on this device to be
 * re-checked after every sync (utils/watchlist/), how many are kept, where to see them, and forgetting
 * them. Turning it off stops keeping new ones and leaves the kept ones until they are forgotten, so that
 * switching off by mistake loses nothing.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
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
      res.ok ? 'Forgotten: no products are kept on this device.' : `Couldn't forget them: ${res.error}`,
    );
    await refresh();
  };

  return (
    <section aria-labelledby="watchlist-heading">
      <h2 id="watchlist-heading">Your products</h2>
      <label class="toggle">
        <input type="checkbox" checked={on} onChange={(e) => onToggle(e.currentTarget.checked)} /> Remember
        the products I view, put in a cart or buy, and tell me if one is recalled later
      </label>
      <p class="muted">
        Only their barcodes, models, brand and title, and where and when you saw them, on this device. The
        oldest are dropped after 5,000.
      </p>
      <p data-testid="watchlist-kept">
        {kept === null
          ? 'Counting…'
          : `${kept.toLocaleString('en-US')} ${kept === 1 ? 'product' : 'products'} kept.`}{' '}
        <a href={browser.runtime.getURL('/watchlist.html')} target="_blank" rel="noopener">
          See them and their recalls
        </a>
      </p>
      <div class="actions">
        <button type="button" class="secondary" onClick={() => void forget()} disabled={!kept}>
          Forget them all
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
