/**
 * The hosts on which each source publishes its notices and images. A recall's link is the user's way to
 * the authority's own words, so a link elsewhere is not the source's, whatever a file claims: the
 * production build's test refuses any (tests/e2e/production-build.spec.ts), and every mapper's output on
 * the real saved responses stays within these (tests/unit/official-hosts.test.ts).
 */
export const OFFICIAL_HOSTS: Readonly<Record<string, readonly string[]>> = {
  cpsc: ['www.cpsc.gov', 'cpsc.gov', 'www.saferproducts.gov'],
  openfda: ['www.fda.gov', 'api.fda.gov', 'www.accessdata.fda.gov'],
  'eu-safety-gate': ['ec.europa.eu'],
  'health-canada': ['recalls-rappels.canada.ca', 'healthycanadians.gc.ca'],
  'uk-opss': ['www.gov.uk', 'assets.publishing.service.gov.uk'],
  accc: ['www.productsafety.gov.au'],
  rappelconso: ['rappel.conso.gouv.fr', 'data.economie.gouv.fr'],
  samr: ['www.samr.gov.cn', 'www.samrdprc.org.cn', 'dpac.samr.gov.cn'],
};

/** True when `url` is https on one of `source`'s own hosts. */
export function isOfficialUrl(source: string, url: string): boolean {
  const hosts = Object.hasOwn(OFFICIAL_HOSTS, source) ? OFFICIAL_HOSTS[source] : undefined;
  if (!hosts) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && hosts.includes(parsed.hostname.toLowerCase());
  } catch {
    return false;
  }
}

/**
 * The first of a recall's images that is https on its source's own hosts, for the popup's card: a
 * picture from anywhere else could be any picture (and would tell a third party what the shopper
 * looks at), so a card shows this one or none.
 */
export function officialImage<T extends { url: string }>(source: string, images: readonly T[]): T | null {
  return images.find((image) => isOfficialUrl(source, image.url)) ?? null;
}

/**
 * `recall` with only the links its source publishes: a `url` that is not https on the source's own hosts
 * becomes null, and such images are dropped. Applied where records leave the index for a page or the
 * popup (index-view.ts `candidatesForKeys`), so a record from any origin (a published index, a snapshot,
 * a feed, the bundled starter) can never put a `javascript:` or third-party link into the banner or a
 * card, whatever was written. The record itself is returned when it needs no change.
 */
export function withOfficialLinks<
  T extends { source: string; url: string | null; images: { url: string }[] },
>(recall: T): T {
  const urlOk = recall.url === null || isOfficialUrl(recall.source, recall.url);
  const images = recall.images.filter((image) => isOfficialUrl(recall.source, image.url));
  if (urlOk && images.length === recall.images.length) return recall;
  return { ...recall, url: urlOk ? recall.url : null, images };
}
