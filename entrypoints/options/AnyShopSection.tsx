/**
 * "Check other shops": the Shopify and schema.org readers beyond the supported marketplaces, on every
 * site or on the sites the user allowed one by one. The browser's host permissions are the whole state
 * (utils/any-shop.ts); this section asks for them, removes them and lists them, and the background
 * registers the reader from them. `permissions.request` is the first call of each click handler, so the
 * click still counts as the user's gesture (Firefox refuses it after an await).
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
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
        if (on && !changed) setMessage('Not allowed: other shops stay unchecked.');
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
      setMessage('Enter a shop address such as https://shop.example.');
      return;
    }
    void browser.permissions
      .request({ origins: [pattern] })
      .then((granted) => {
        setMessage(granted ? null : `Not allowed: ${siteLabel(pattern)} stays unchecked.`);
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
      <h2>Check other shops</h2>
      <p class="muted">
        The supported marketplaces are checked without asking. Other shops (Shopify stores on their own
        domains, and any page that publishes schema.org product data) are checked only where you allow it.
        Pages are read on this device; nothing about them is sent anywhere. On a page without product data
        Recall Sentinel only takes a quick look and stops.
      </p>
      <label class="toggle">
        <input
          type="checkbox"
          checked={everySite}
          onChange={(e) => toggleEverySite(e.currentTarget.checked)}
        />{' '}
        Check every site with product data
        <span class="muted"> (your browser asks to let Recall Sentinel read all websites)</span>
      </label>
      <h3>Sites you allowed</h3>
      {oneByOne.length === 0 ? (
        <p class="muted" data-testid="no-sites">
          None yet. Click <em>Check this shop</em> in the toolbar popup on a shop's page, or add one here.
        </p>
      ) : (
        <ul class="sites">
          {oneByOne.map((pattern) => (
            <li key={pattern} data-site={pattern}>
              <span>{siteLabel(pattern)}</span>
              <button type="button" class="secondary small" onClick={() => remove(pattern)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="add-site" onSubmit={allow}>
        <input
          type="text"
          inputMode="url"
          aria-label="Shop address"
          placeholder="https://shop.example"
          value={draft}
          onInput={(e) => setDraft(e.currentTarget.value)}
        />
        <button type="submit">Allow</button>
      </form>
      {message && (
        <p class="message" role="status" data-testid="any-shop-message">
          {message}
        </p>
      )}
    </section>
  );
}
