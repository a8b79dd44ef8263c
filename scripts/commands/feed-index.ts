/**
 * Feed files (any format `check` reads) as one index in memory, for `check` and for `audit --feed`. Its
 * own module: reading feed files needs every feed mapper, which an audit of a published index does not.
 */
import { parseFeedDocument } from '../../utils/feeds';
import { MemoryIndex } from '../../utils/recall-index/memory-index';
import { readFeedFile } from '../lib/feed-file';
import type { AuditIndex } from './audit-index';

/**
 * Feed files into one index, as `check` and `audit` read them; a file in no known format fails with its
 * name. Each feed's skipped records come back in full (`check` prints them).
 */
export function readFeedFiles(files: readonly string[]) {
  const index = new MemoryIndex();
  const feeds = files.map((file) => {
    const data = readFeedFile(file);
    let result: ReturnType<typeof parseFeedDocument>;
    try {
      result = parseFeedDocument(data, { now: new Date() });
    } catch (e) {
      throw new Error(`${file}: ${e instanceof Error ? e.message : String(e)}`);
    }
    for (const r of result.recalls) index.add(r);
    return { file, source: result.source, records: result.recalls.length, skipped: result.skipped };
  });
  return { index, feeds };
}

/** Feed files as the audit counts them. */
export function loadFeedIndex(files: readonly string[]): AuditIndex {
  const { index, feeds } = readFeedFiles(files);
  return { index, feeds: feeds.map((f) => ({ ...f, skipped: f.skipped.length })) };
}
