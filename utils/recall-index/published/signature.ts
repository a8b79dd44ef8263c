/**
 * The published index's signature (issue 14, finding 1): an Ed25519 signature over the exact bytes of
 * manifest.json, published beside it as `manifest.json.sig` (the 64 signature bytes in base64, one
 * line). The manifest pins every shard and delta by SHA-256, so a verified manifest vouches for the
 * whole index; a detached signature over the bytes as served needs no canonical form, and the manifest
 * stays the plain JSON people and `curl` read.
 *
 * Verification is @noble/ed25519 (audited, no dependencies), strict RFC 8032 (`zip215: false`, as
 * OpenSSL and Node verify). Web Crypto's Ed25519 works in Node 20 and in this machine's Chromium, but
 * Chrome has it only since 137 and the extension declares no minimum Chrome version: a browser without
 * it would refuse every index. Signing is Node's own crypto (scripts/lib/index-signing.ts).
 *
 * Keys are PEM, as `openssl genpkey -algorithm ed25519` / `openssl pkey -pubout` write them; the public
 * keys the extension trusts are pinned in the build (index-keys.ts). Browser-safe: no node: imports.
 */
import { verifyAsync } from '@noble/ed25519';

/** The detached signature's file, beside manifest.json. */
export const SIGNATURE_FILE = 'manifest.json.sig';

/** A signature file larger than this is refused (a signature in base64 is 88 characters). */
export const MAX_SIGNATURE_BYTES = 1024;

/** A public key the extension trusts to sign a published index, and the sources it may write. */
export interface IndexKey {
  /** A name for status lines and logs ("recall-sentinel-2026"). */
  id: string;
  /** SPKI PEM, as `openssl pkey -pubout` writes it. */
  publicKeyPem: string;
  /** The sources (Recall.source) an index signed by this key may write. */
  sources: readonly string[];
}

/** An index refused before anything of it was trusted: the reason is the sync's status. */
export class IndexTrustError extends Error {}

/** The DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410): SEQUENCE, algorithm 1.3.101.112, BIT STRING. */
const SPKI_ED25519_PREFIX = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00];

function base64Bytes(text: string): Uint8Array | null {
  const clean = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0) return null;
  const binary = atob(clean);
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** The 32 raw bytes of an Ed25519 public key in SPKI PEM; throws when the text is not one. */
export function publicKeyFromPem(pem: string): Uint8Array {
  const body = /-----BEGIN PUBLIC KEY-----([\s\S]*?)-----END PUBLIC KEY-----/.exec(pem)?.[1];
  const der = body === undefined ? null : base64Bytes(body);
  if (
    !der ||
    der.length !== SPKI_ED25519_PREFIX.length + 32 ||
    SPKI_ED25519_PREFIX.some((b, i) => der[i] !== b)
  ) {
    throw new Error('not an Ed25519 public key in PEM (openssl pkey -pubout writes one)');
  }
  return der.slice(SPKI_ED25519_PREFIX.length);
}

/** The signature file's text for 64 signature bytes. */
export function signatureText(signature: Uint8Array): string {
  return `${btoa(String.fromCharCode(...signature))}\n`;
}

/**
 * The pinned key that signed `manifest` (its bytes as served), or null when none did. `signature` is
 * the signature file's bytes. Keys are tried in order: a rotation lists the new key beside the old.
 */
export async function verifyManifest(
  manifest: Uint8Array,
  signature: Uint8Array,
  keys: readonly IndexKey[],
): Promise<IndexKey | null> {
  let text: string;
  try {
    text = new TextDecoder('ascii', { fatal: true }).decode(signature);
  } catch {
    return null;
  }
  const sig = base64Bytes(text);
  if (sig?.length !== 64) return null;
  for (const key of keys) {
    let ok = false;
    try {
      ok = await verifyAsync(sig, manifest, publicKeyFromPem(key.publicKeyPem), { zip215: false });
    } catch {
      ok = false;
    }
    if (ok) return key;
  }
  return null;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Refuses an index URL that is not https. Plain http is allowed to a loopback host only when
 * `allowLoopbackHttp` (the demo build, whose e2e tests serve the index from 127.0.0.1).
 */
export function checkIndexUrl(url: string, allowLoopbackHttp = false): URL {
  if (!URL.canParse(url)) throw new IndexTrustError(`the index address ${url} is not a URL`);
  const parsed = new URL(url);
  if (parsed.protocol === 'https:') return parsed;
  if (parsed.protocol === 'http:' && allowLoopbackHttp && LOOPBACK.has(parsed.hostname)) return parsed;
  throw new IndexTrustError(
    `the index address must be https (got ${parsed.protocol}//${parsed.host}): refused`,
  );
}

/**
 * The sources an index may write: those its manifest lists and its key may sign for. Records and
 * removals of any other source are skipped and counted.
 */
export function allowedSources(manifestFeeds: Record<string, unknown>, key: IndexKey): Set<string> {
  const mayWrite = new Set(key.sources);
  return new Set(Object.keys(manifestFeeds).filter((s) => mayWrite.has(s)));
}

/** Whether a record (or a removal's id) belongs to a source the index may write. */
export function recordAllowed(allowed: ReadonlySet<string>, source: string, id: string): boolean {
  return allowed.has(source) && id.startsWith(`${source}:`);
}
