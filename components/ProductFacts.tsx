/** What we read off the page, so a user can see what was (and was not) checked. */

import { Fragment } from 'preact';
import { i18n } from '#i18n';
import { displayGtin } from '../utils/recall-index/explain';
import type { ProductIdentity } from '../utils/schemas';

export function ProductFacts({ identity }: { identity: ProductIdentity }) {
  const rows: Array<[string, string]> = [];
  if (identity.brand) rows.push([i18n.t('facts.brand'), identity.brand]);
  if (identity.models.length) rows.push([i18n.t('facts.model'), identity.models.join(', ')]);
  if (identity.gtins.length) rows.push([i18n.t('facts.barcode'), identity.gtins.map(displayGtin).join(', ')]);
  if (identity.itemId) rows.push([i18n.t('facts.listingId'), identity.itemId]);
  return (
    <div class="product">
      {identity.title && <p class="product-title">{identity.title}</p>}
      {rows.length > 0 ? (
        <dl class="facts compact">
          {rows.map(([k, v]) => (
            <Fragment key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </Fragment>
          ))}
        </dl>
      ) : (
        <p class="note">{i18n.t('facts.none')}</p>
      )}
    </div>
  );
}
