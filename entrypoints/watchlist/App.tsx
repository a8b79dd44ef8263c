/**
 * "Your products": what the shopper viewed, carted or bought that has a recall now (the watchlist,
 * utils/background/watchlist-service.ts), with each recall in full, then everything kept on this device
 * and a button to forget it. Opened from a recall notification, the popup and the settings page.
 */
import { useEffect, useState } from 'preact/hooks';
import { IndexFreshness } from '@/components/IndexFreshness';
import { RecallCard } from '@/components/RecallCard';
import type { ResponseFor } from '@/utils/messaging';
import { ask } from '@/utils/messaging/ask';
import { formatDate } from '@/utils/recall-index/explain';
import type { WatchedProduct } from '@/utils/watchlist/watched-product';

type View = ResponseFor<'watchlist'>;

const HOW: Record<WatchedProduct['encounter'], string> = {
  bought: 'You bought this',
  carted: 'It was in your cart',
  viewed: 'You looked at this',
};

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

function seen(product: WatchedProduct): string {
  // The shop's own host name, as the shopper knows it ("amazon.co.uk"), not our adapter id.
  const where = hostOf(product.identity.url) ?? product.identity.marketplace ?? 'a shop';
  const when = product.encounter === 'bought' ? product.boughtSeenAt : product.lastSeenAt;
  return `${HOW[product.encounter]} on ${where} (seen ${formatDate(when)})`;
}

const nameOf = (p: WatchedProduct): string =>
  p.identity.title ?? p.identity.brand ?? p.identity.itemId ?? 'A product';

export function App() {
  const [view, setView] = useState<View | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = async () => {
    const res = await ask('watchlist');
    if (res.ok) setView(res);
    else setError(res.error);
  };
  useEffect(() => {
    void load();
  }, []);

  const clear = async () => {
    const res = await ask('watchlist-clear');
    if (!res.ok) setError(res.error);
    await load();
  };

  if (error)
    return (
      <main class="page">
        <p role="alert">Couldn't read the watchlist: {error}</p>
      </main>
    );
  if (!view)
    return (
      <main class="page">
        <p class="muted">Loading…</p>
      </main>
    );

  const byKey = new Map(view.products.map((p) => [p.key, p]));
  const recalled = view.found.flatMap((f) => {
    const product = byKey.get(f.key);
    return product ? [{ product, matches: f.matches }] : [];
  });

  return (
    <main class="page">
      <h1>Your products and recalls</h1>
      {!view.enabled && (
        <p class="note" data-testid="watchlist-off">
          Keeping products is turned off in the settings: nothing new is kept, and no alerts are sent.
        </p>
      )}
      <section aria-labelledby="recalled-heading">
        <h2 id="recalled-heading">
          {recalled.length === 0
            ? 'No recall found for the products kept here'
            : `${recalled.length} of your products ${recalled.length === 1 ? 'has' : 'have'} a recall`}
        </h2>
        {recalled.length === 0 && view.products.length > 0 && (
          <p class="muted">
            None of the {view.products.length} products you viewed, carted or bought matches a recall in the
            index now. That is not a safety guarantee: a recall names what it names.
          </p>
        )}
        {recalled.map(({ product, matches }) => (
          <article class="recalled" key={product.key} data-key={product.key}>
            <h3>
              <a href={product.identity.url} target="_blank" rel="noreferrer">
                {nameOf(product)}
              </a>
            </h3>
            <p class="seen">{seen(product)}</p>
            {matches.map((m) => {
              const recall = view.recalls[m.recallId];
              return recall ? <RecallCard key={m.recallId} recall={recall} match={m} /> : null;
            })}
          </article>
        ))}
      </section>
      <section aria-labelledby="kept-heading">
        <h2 id="kept-heading">What is kept on this device</h2>
        <p class="muted">
          Products you viewed, carted or bought on the shops Recall Sentinel reads: their barcodes, models,
          brand and title, and where and when you saw them. Nothing leaves this device. The oldest are dropped
          after 5,000.
        </p>
        {view.products.length === 0 ? (
          <p data-testid="watchlist-empty">Nothing is kept yet.</p>
        ) : (
          <>
            <table class="kept">
              <thead>
                <tr>
                  <th scope="col">Product</th>
                  <th scope="col">How and where</th>
                </tr>
              </thead>
              <tbody>
                {view.products.map((p) => (
                  <tr key={p.key} data-encounter={p.encounter}>
                    <td>{nameOf(p)}</td>
                    <td>{seen(p)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <button type="button" class="secondary" onClick={() => void clear()}>
              Forget all {view.products.length} products
            </button>
          </>
        )}
      </section>
      <footer>
        <IndexFreshness index={view.index} />
      </footer>
    </main>
  );
}
