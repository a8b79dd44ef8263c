/**
 * The popup on a shop Recall Sentinel does not check by itself: an offer to check this one site, and
 * what happened after. Props only; the popup asks for the permission and watches for the verdict.
 */

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
        <h1>No product data on this page</h1>
        <p>
          Recall Sentinel checks <strong>{site}</strong>, but found no product details on this page that it
          can read (schema.org product data, or a Shopify store's product). Open a product page of this shop
          to check it.
        </p>
      </section>
    );
  }
  return (
    <section class="verdict verdict-idle" data-status="not-checked">
      <h1>This shop isn't checked yet</h1>
      <p>
        Recall Sentinel checks the supported marketplaces by itself. It can also check <strong>{site}</strong>{' '}
        when its pages publish product data (schema.org, or a Shopify store). Pages are read on this device;
        nothing about them is sent anywhere.
      </p>
      <button
        type="button"
        class="primary"
        onClick={onCheck}
        disabled={state === 'asking' || state === 'reading'}
      >
        {state === 'asking'
          ? 'Waiting for your answer…'
          : state === 'reading'
            ? 'Checking…'
            : 'Check this shop'}
      </button>
      {state === 'denied' ? (
        <p class="hint" role="status">
          Not allowed: {site} stays unchecked.
        </p>
      ) : (
        <p class="hint">
          Your browser asks to let Recall Sentinel read {site}. You can take it back in the settings, under{' '}
          <em>Check other shops</em>.
        </p>
      )}
    </section>
  );
}
