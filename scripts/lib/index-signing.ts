/**
 * Signing a published index (utils/recall-index/published/signature.ts is the format and the verifier):
 * Node's own Ed25519 over manifest.json's bytes, with a private key in PEM as
 * `openssl genpkey -algorithm ed25519` writes it. Build-only: the extension never holds a private key.
 */
import { createPrivateKey, type KeyObject, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { signatureText } from '../../utils/recall-index/published/signature';

/** An Ed25519 private key from PEM text; throws, naming `what`, for anything else. */
export function signingKey(pem: string, what = 'the signing key'): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch (e) {
    throw new Error(`${what}: not a private key in PEM (${e instanceof Error ? e.message : String(e)})`);
  }
  if (key.asymmetricKeyType !== 'ed25519')
    throw new Error(`${what}: an ${key.asymmetricKeyType} key; the index is signed with ed25519`);
  return key;
}

export const readSigningKey = (file: string): KeyObject => signingKey(readFileSync(file, 'utf8'), file);

/** manifest.json.sig's bytes for these manifest bytes. */
export function signManifest(manifest: Uint8Array, key: KeyObject): Uint8Array {
  return new TextEncoder().encode(signatureText(new Uint8Array(sign(null, manifest, key))));
}
