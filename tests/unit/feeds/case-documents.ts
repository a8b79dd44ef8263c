/**
 * Where a feed test case's document is, and how it is read: a `.json` file parsed, any other decoded to
 * text as the sync engine decodes a response (BOM, else a declared charset, else UTF-8). Shared by the
 * generated case tests and the feed conventions test.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sharedDataPath } from '../../../scripts/lib/shared-data';
import { decodeHtml } from '../../../utils/extract/decode-html';
import type { FeedTestCase } from '../../../utils/feeds/feed';

export const FEED_FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/feeds');

/** The absolute path of a case's document (it may not exist: the conventions test says so). */
export function casePath(c: FeedTestCase): string {
  return c.shared ? sharedDataPath(c.fixture) : path.join(FEED_FIXTURES, c.fixture);
}

/** A document as a feed receives it: parsed JSON, or text. */
export function readDocument(file: string): unknown {
  const bytes = readFileSync(file);
  return file.endsWith('.json') ? JSON.parse(bytes.toString('utf8')) : decodeHtml(new Uint8Array(bytes));
}
