/**
 * The popup on a shop Recall Sentinel does not check by itself: an offer to check this one site, and
 * what happened after. Props only; the popup asks for the permission and watches for the verdict.
 */
import { i18n } from '#i18n';

export type ShopCheckState = 'offer' | 'asking' | 'reading' | 'denied' | 'no-product-data';

export function CheckThisShop({
  site,
  state,
  onCheck,
}: {
  /** "https://shop.example" */
  site: string;
  state: ShopCheckState;
  onCheck: () => void;
}) {
  if (state === 'no-product-data') {
    return (
      <section class="verdict verdict-idle" data-status="no-product-data">
        <h1>{i18n.t('checkShop.noDataTitle')}</h1>
        <p>{i18n.t('checkShop.noDataText', [site])}</p>
      </section>
    );
  }
  return (
    <section class="verdict verdict-idle" data-status="not-checked">
      <h1>{i18n.t('checkShop.title')}</h1>
      <p>{i18n.t('checkShop.text', [site])}</p>
      <button
        type="button"
        class="primary"
        onClick={onCheck}
        disabled={state === 'asking' || state === 'reading'}
      >
        {state === 'asking'
          ? i18n.t('checkShop.asking')
          : state === 'reading'
            ? i18n.t('checkShop.reading')
            : i18n.t('checkShop.check')}
      </button>
      {state === 'denied' ? (
        <p class="hint" role="status">
          {i18n.t('anyShop.notAllowedSite', [site])}
        </p>
      ) : (
        <p class="hint">{i18n.t('checkShop.hint', [site])}</p>
      )}
    </section>
  );
}
