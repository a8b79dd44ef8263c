/**
 * "Check other shops": the Shopify and schema.org readers beyond the supported marketplaces, on every
 * site or on the sites the user allowed one by one. The browser's host permissions are the whole state
 * (utils/any-shop.ts); this section asks for them, removes them and lists them, and the background
 * registers the reader from them. `permissions.request` is the first call of each click handler, so the
 * click still counts as the user's gesture (Firefox refuses it after an await).
 */

import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { ALL_SITES, anyShopContext, shopSites, siteLabel, sitePattern } from '@/utils/any-shop';

const context = () => anyShopContext(browser.runtime.getManifest());

export function AnyShopSection() {
  const [sites, setSites] = useState<string[] | null>(null);
  const [draft, setDraft] = useState('');
  const [message, setMessage] = useState<string | null>(null);

  const refresh = async () => {
    const { origins = [] } = await browser.permissions.getAll();
    setSites(shopSites(origins, context()));
  };

  useEffect(() => {
    void refresh();
    // The popup's "Check this shop" or the browser's own extension settings may change them meanwhile.
    const onChange = () => void refresh();
    browser.permissions.onAdded.addListener(onChange);
    browser.permissions.onRemoved.addListener(onChange);
    return () => {
      browser.permissions.onAdded.removeListener(onChange);
      browser.permissions.onRemoved.removeListener(onChange);
    };
  }, []);

  if (!sites) return null;
  const everySite = ALL_SITES.every((p) => sites.includes(p));
  const oneByOne = sites.filter((s) => !ALL_SITES.includes(s));

  const toggleEverySite = (on: boolean) => {
    const pending = on
      ? browser.permissions.request({ origins: [...ALL_SITES] })
      : browser.permissions.remove({ origins: [...ALL_SITES] });
    void pending
      .then((changed) => {
        if (on && !changed) setMessage(i18n.t('anyShop.notAllowedAll'));
        else setMessage(null);
      })
      .catch((e: unknown) => setMessage(e instanceof Error ? e.message : String(e)))
      .then(refresh);
  };

  const allow = (e: Event) => {
    e.preventDefault();
    const value = draft.trim();
    const url = URL.canParse(value)
      ? new URL(value)
      : URL.canParse(`https://${value}`)
        ? new URL(`https://${value}`)
        : null;
    const pattern = url ? sitePattern(url) : null;
    if (!pattern) {
      setMessage(i18n.t('anyShop.enterAddress'));
      return;
    }
    void browser.permissions
      .request({ origins: [pattern] })
      .then((granted) => {
        setMessage(granted ? null : i18n.t('anyShop.notAllowedSite', [siteLabel(pattern)]));
        if (granted) setDraft('');
      })
      .catch((err: unknown) => setMessage(err instanceof Error ? err.message : String(err)))
      .then(refresh);
  };

  const remove = (pattern: string) => {
    void browser.permissions
      .remove({ origins: [pattern] })
      .catch((err: unknown) => setMessage(err instanceof Error ? err.message : String(err)))
      .then(refresh);
  };

  return (
    <section data-testid="any-shop">
      <h2>{i18n.t('anyShop.title')}</h2>
      <p class="muted">{i18n.t('anyShop.note')}</p>
      <label class="toggle">
        <input
          type="checkbox"
          checked={everySite}
          onChange={(e) => toggleEverySite(e.currentTarget.checked)}
        />{' '}
        {i18n.t('anyShop.everySite')}
        <span class="muted"> {i18n.t('anyShop.everySiteHint')}</span>
      </label>
      <h3>{i18n.t('anyShop.allowed')}</h3>
      {oneByOne.length === 0 ? (
        <p class="muted" data-testid="no-sites">
          {i18n.t('anyShop.noneYet')}
        </p>
      ) : (
        <ul class="sites">
          {oneByOne.map((pattern) => (
            <li key={pattern} data-site={pattern}>
              <span>{siteLabel(pattern)}</span>
              <button type="button" class="secondary small" onClick={() => remove(pattern)}>
                {i18n.t('anyShop.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="add-site" onSubmit={allow}>
        <input
          type="text"
          inputMode="url"
          aria-label={i18n.t('anyShop.address')}
          placeholder="https://shop.example"
          value={draft}
          onInput={(e) => setDraft(e.currentTarget.value)}
        />
        <button type="submit">{i18n.t('anyShop.allow')}</button>
      </form>
      {message && (
        <p class="message" role="status" data-testid="any-shop-message">
          {message}
        </p>
      )}
    </section>
  );
}
