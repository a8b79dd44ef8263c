/**
 * "Your products": what the shopper viewed, carted or bought that has a recall now (the watchlist,
 * utils/background/watchlist-service.ts), with each recall in full, then everything kept on this device
 * and a button to forget it. Opened from a recall notification, the popup and the settings page.
 */

import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { IndexFreshness } from '@/components/IndexFreshness';
import { RecallCard } from '@/components/RecallCard';
import type { ResponseFor } from '@/utils/messaging';
import { ask } from '@/utils/messaging/ask';
import { formatDate } from '@/utils/recall-index/explain';
import { recalledWhereOnPage } from '@/utils/recalled-where-on-page';
import type { WatchedProduct } from '@/utils/watchlist/watched-product';

type View = ResponseFor<'watchlist'>;

const HOW = {
  bought: (where: string, when: string) => i18n.t('watchlist.bought', [where, when]),
  carted: (where: string, when: string) => i18n.t('watchlist.carted', [where, when]),
  viewed: (where: string, when: string) => i18n.t('watchlist.viewed', [where, when]),
} satisfies Record<WatchedProduct['encounter'], (where: string, when: string) => string>;

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

function seen(product: WatchedProduct): string {
  // The shop's own host name, as the shopper knows it ("amazon.co.uk"), not our adapter id.
  const where = hostOf(product.identity.url) ?? product.identity.marketplace ?? i18n.t('watchlist.aShop');
  if (product.encounter === 'bought' && product.orderedAt)
    return i18n.t('watchlist.ordered', [where, formatDate(product.orderedAt)]);
  const when = product.encounter === 'bought' ? product.boughtSeenAt : product.lastSeenAt;
  return HOW[product.encounter](where, formatDate(when));
}

const nameOf = (p: WatchedProduct): string =>
  p.identity.title ?? p.identity.brand ?? p.identity.itemId ?? i18n.t('watchlist.aProduct');

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
        <p role="alert">{i18n.t('watchlist.readError', [error])}</p>
      </main>
    );
  if (!view)
    return (
      <main class="page">
        <p class="muted">{i18n.t('common.loading')}</p>
      </main>
    );

  const byKey = new Map(view.products.map((p) => [p.key, p]));
  const recalled = view.found.flatMap((f) => {
    const product = byKey.get(f.key);
    return product ? [{ product, matches: f.matches }] : [];
  });

  return (
    <main class="page">
      <h1>{i18n.t('watchlist.title')}</h1>
      {!view.enabled && (
        <p class="note" data-testid="watchlist-off">
          {i18n.t('watchlist.off')}
        </p>
      )}
      <section aria-labelledby="recalled-heading">
        <h2 id="recalled-heading">
          {recalled.length === 0
            ? i18n.t('watchlist.noneRecalled')
            : i18n.t('watchlist.someRecalled', recalled.length, [recalled.length.toLocaleString()])}
        </h2>
        {recalled.length === 0 && view.products.length > 0 && (
          <p class="muted">{i18n.t('watchlist.noneRecalledNote', [view.products.length.toLocaleString()])}</p>
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
              if (!recall) return null;
              // Where it was recalled, against the market of the shop the product was seen on.
              const matched = matches.flatMap((x) => view.recalls[x.recallId] ?? []);
              const where = recalledWhereOnPage(
                { marketplace: product.identity.marketplace, url: product.identity.url },
                recall,
                matched,
              );
              return <RecallCard key={m.recallId} recall={recall} match={m} where={where} />;
            })}
          </article>
        ))}
      </section>
      <section aria-labelledby="kept-heading">
        <h2 id="kept-heading">{i18n.t('watchlist.keptTitle')}</h2>
        <p class="muted">{i18n.t('watchlist.keptNote')}</p>
        {view.products.length === 0 ? (
          <p data-testid="watchlist-empty">{i18n.t('watchlist.empty')}</p>
        ) : (
          <>
            <table class="kept">
              <thead>
                <tr>
                  <th scope="col">{i18n.t('watchlist.product')}</th>
                  <th scope="col">{i18n.t('watchlist.howWhere')}</th>
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
              {i18n.t('watchlist.forgetAll', view.products.length, [view.products.length.toLocaleString()])}
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
