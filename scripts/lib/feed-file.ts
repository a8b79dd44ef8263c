/**
 * Reads a feed file as the feed mappers want it: JSON feeds parsed, XML and HTML feeds (ACCC RSS, the EU
 * weekly report, SAMR notice pages) as text decoded by their declared charset (SAMR pages may be GB2312).
 */
import { readFileSync } from 'node:fs';
import { decodeHtml } from './html';

export function readFeedFile(file: string): unknown {
  const bytes = readFileSync(file);
  const text = decodeHtml(bytes);
  if (
    text
      .replace(/^\uFEFF/, '')
      .trimStart()
      .startsWith('<')
  )
    return text;
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new Error(`${file}: not readable JSON (${e instanceof Error ? e.message : String(e)})`);
  }
}
