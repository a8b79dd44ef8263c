/**
 * Node-only page loading for the CLI and the tests: bytes → text (utils/extract/decode-html.ts, with the
 * charset a browser would pick) → a DOM (linkedom) that the adapters query exactly as they query a live
 * page.
 */
import { parseHTML } from 'linkedom';

export { decodeHtml } from '../../utils/extract/decode-html';

/**
 * Parses HTML into a Document. linkedom has no navigation, so `document.URL` is set to `url` (adapters
 * receive the URL separately; this is for code that reads `doc.URL`). A fragment is wrapped into a full
 * document, because linkedom only builds `<head>`/`<body>` from a document string.
 */
export function parseHtml(html: string, url: string): Document {
  const source = /<html[\s>]/i.test(html)
    ? html
    : `<!doctype html><html><head></head><body>${html}</body></html>`;
  const { document } = parseHTML(source);
  for (const key of ['URL', 'documentURI'] as const) {
    Object.defineProperty(document, key, { value: url, configurable: true });
  }
  return document as unknown as Document;
}
