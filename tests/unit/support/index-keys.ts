/**
 * The test signing key of the published index (tests/fixtures/index-keys/, public: the demo build pins
 * its public half as TEST_KEY, utils/recall-index/published/index-keys.ts) and a second key that no build
 * trusts, for "signed by the wrong key".
 */
import path from 'node:path';
import { readSigningKey, signManifest } from '../../../scripts/lib/index-signing';
import { TEST_KEY } from '../../../utils/recall-index/published/index-keys';

export const KEYS_DIR = path.resolve(import.meta.dirname, '../../fixtures/index-keys');
export const TEST_SIGN_KEY = readSigningKey(path.join(KEYS_DIR, 'test-index-key.pem'));
export const OTHER_SIGN_KEY = readSigningKey(path.join(KEYS_DIR, 'other-key.pem'));

/** What a sync's deps add to trust indexes signed by the test key, served from 127.0.0.1. */
export const TRUST_TEST_KEY = { indexKeys: [TEST_KEY], allowLoopbackHttp: true } as const;

/** manifest.json.sig's bytes for a manifest served as `text`. */
export const signatureOf = (text: string, key = TEST_SIGN_KEY): Uint8Array<ArrayBuffer> =>
  signManifest(new TextEncoder().encode(text), key) as Uint8Array<ArrayBuffer>;
