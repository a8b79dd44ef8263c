/**
 * The bytes of a published index: canonical JSON, gzip and SHA-256, the same in Node and in an MV3
 * service worker (Web Crypto, CompressionStream/DecompressionStream). Separate from the documents
 * (documents.ts) because both directions live here: the builder encodes, the extension decodes and
 * verifies, and a digest only agrees when both sides serialise alike.
 */
import { isRecord } from '../../is-record';
import { readCapped } from '../../read-capped';

/** A decoded file larger than this is refused: a damaged or hostile gzip must not exhaust the worker. */
export const MAX_DECODED_BYTES = 64 * 1024 * 1024;

/**
 * How much a published file of `declaredBytes` (gzipped, as its manifest says) may decode to. Real shards
 * decode to about 5 times their size (public/starter: 366-381 KB → 1.8-1.9 MB); 20 times, and at least
 * 1 MB, leaves room for any honest file, while a gzip bomb (318 KB → 320 MB, issue 14 finding 2) is
 * stopped within a few megabytes.
 */
export function decodedLimit(declaredBytes: number): number {
  return Math.min(Math.max(declaredBytes * 20, 1024 * 1024), MAX_DECODED_BYTES);
}

/** A file refused for its size: larger than its manifest allows, or decoding to more. */
export class FileTooLargeError extends Error {}

/**
 * JSON with object keys in sorted order, so equal values serialise to equal bytes whichever code built
 * them (a feed mapper's literal, a zod parse, a record read back from a shard). Digests, file names
 * and "content changed" all rest on this.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (!isRecord(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) sorted[k] = v[k];
    return sorted;
  });
}

/** Lowercase hex SHA-256 through Web Crypto: the same call in Node 20 and in a service worker. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Reads a stream to the end, refusing more than `limit` bytes. */
async function readAll(stream: ReadableStream<Uint8Array>, limit: number, file: string): Promise<Uint8Array> {
  const bytes = await readCapped(stream, limit);
  if (!bytes) throw new FileTooLargeError(`${file} decodes to more than ${limit} bytes: refused`);
  return bytes;
}

function pipe(
  bytes: Uint8Array,
  transform: CompressionStream | DecompressionStream,
): ReadableStream<Uint8Array> {
  return new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(transform as TransformStream<Uint8Array, Uint8Array>);
}

/** True for the two bytes every gzip member starts with; JSON text never starts with 0x1f. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** The bytes a file's content is hashed over: the JSON text, gunzipped when the file came gzipped. */
async function contentBytes(bytes: Uint8Array, file: string, limit = MAX_DECODED_BYTES): Promise<Uint8Array> {
  if (!isGzip(bytes)) return bytes;
  try {
    return await readAll(pipe(bytes, new DecompressionStream('gzip')), limit, file);
  } catch (e) {
    if (e instanceof FileTooLargeError) throw e;
    throw new Error(`${file}: not readable gzip (${e instanceof Error ? e.message : String(e)})`);
  }
}

/** The canonical JSON text of `value` as UTF-8, and its digest: what a manifest entry describes. */
export async function jsonContent(value: unknown): Promise<{ json: Uint8Array; sha256: string }> {
  const json = new TextEncoder().encode(canonicalJson(value));
  return { json, sha256: await sha256Hex(json) };
}

/** Bytes gzipped (`file` only names them in errors). */
export const gzip = (bytes: Uint8Array, file: string): Promise<Uint8Array> =>
  readAll(pipe(bytes, new CompressionStream('gzip')), Infinity, file);

/** A file's bytes: canonical JSON, gzipped when the name ends in `.gz` (shards and deltas do). */
export async function encodeJson(value: unknown, file: string): Promise<Uint8Array> {
  const { json } = await jsonContent(value);
  return file.endsWith('.gz') ? gzip(json, file) : json;
}

/**
 * The JSON value in a file. Gzip is recognised by its magic bytes, not by `file`'s extension, because a
 * host may already have undone the compression (Content-Encoding) before fetch() returns the body.
 * `file` only names the file in errors.
 */
export async function decodeJson(bytes: Uint8Array, file: string): Promise<unknown> {
  const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  try {
    return JSON.parse(text.decode(await contentBytes(bytes, file)));
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    throw new Error(message.startsWith(file) ? message : `${file}: not readable JSON (${message})`);
  }
}

/**
 * True when `bytes` (gzipped or already decoded by the transport) hold the content the manifest
 * promised. Never throws: a damaged file is a reason to fall back to a full download, not a crash.
 */
export async function verifyFile(bytes: Uint8Array, expectedSha256: string): Promise<boolean> {
  try {
    return (await sha256Hex(await contentBytes(bytes, 'file'))) === expectedSha256;
  } catch {
    return false;
  }
}

/**
 * The JSON value in a file whose content must hash to `expectedSha256`, or null when it does not (or
 * is not readable gzip). One decompression serves both the digest and the parse: a full download of
 * 250,000 recalls used to gunzip every shard twice.
 */
export async function decodeVerified(
  bytes: Uint8Array,
  expectedSha256: string,
  file: string,
  limit = MAX_DECODED_BYTES,
): Promise<{ value: unknown } | null> {
  let content: Uint8Array;
  try {
    content = await contentBytes(bytes, file, limit);
  } catch (e) {
    // Too large is said as such (the sync's status names it); other damage is a checksum mismatch.
    if (e instanceof FileTooLargeError) throw e;
    return null;
  }
  if ((await sha256Hex(content)) !== expectedSha256) return null;
  return { value: await decodeJson(content, file) };
}
