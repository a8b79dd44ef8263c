/**
 * The public keys a published index must be signed by (signature.ts), pinned in the build. A list, so a
 * key can be rotated: publish the new public key here in one release, start signing with it once that
 * release is out, then drop the old one. Each key says which sources an index it signs may write.
 *
 * PRODUCTION_KEYS is the project's index key (the private half is the `INDEX_SIGNING_KEY` secret of
 * .github/workflows/publish-index.yml); until one is generated and added here, a production build trusts
 * no published index and says so in the sync status. The demo build (the e2e tests, `npm start`) also
 * trusts a test key whose private half is tests/fixtures/index-keys/test-index-key.pem: public, for tests
 * only, and never in a production build (`import.meta.env.MODE` is fixed at build time).
 */
import type { IndexKey } from './signature';

/**
 * The eight authorities' sources: what the project's own index may carry. Written out, not read from
 * the feed registry: a key's reach is a decision, and a new feed is added here on purpose (a unit test
 * says when the registry has one this list lacks). Plain data also keeps this module free of
 * `import.meta.glob`, so the e2e tests' Node side can import it.
 */
export const ALL_SOURCES: readonly string[] = [
  'accc',
  'cpsc',
  'eu-safety-gate',
  'health-canada',
  'openfda',
  'rappelconso',
  'samr',
  'uk-opss',
];

export const PRODUCTION_KEYS: readonly IndexKey[] = [];

/** The test key (tests/fixtures/index-keys/test-index-key.pem's public half). */
export const TEST_KEY: IndexKey = {
  id: 'recall-sentinel-test',
  publicKeyPem: `-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEAWmr446Wl5Oz+gDOoPvatC6WS4SLS9YPUk/FzNgXK5iE=
-----END PUBLIC KEY-----`,
  sources: ALL_SOURCES,
};

/** The keys a build of `mode` trusts. */
export function pinnedIndexKeys(mode: string): readonly IndexKey[] {
  return mode === 'demo' ? [...PRODUCTION_KEYS, TEST_KEY] : PRODUCTION_KEYS;
}
