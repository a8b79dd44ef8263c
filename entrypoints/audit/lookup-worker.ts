/**
 * The audit's lookups off the page's main thread: this worker opens the extension's IndexedDB recall
 * index (a worker of an extension page shares its origin), loads the key tables, reads and parses the
 * candidates and runs the matcher, so the page only turns answers into findings between chunks and stays
 * responsive (issue 11). Candidates read once are kept for the length of the audit (record-cache.ts,
 * bounded); the page terminates the worker when the audit ends, which drops them and closes the index.
 * One request at a time, in order: identities in, per identity its matches and the matched recalls out.
 */
import { openRecallDb, type RecallDb } from '@/utils/recall-index/db';
import { lookupIdentities } from '@/utils/recall-index/query';
import { RecordCache } from '@/utils/recall-index/record-cache';
import type { LookupAnswer, LookupRequest } from './lookup-protocol';

let db: Promise<RecallDb> | null = null;
const cache = new RecordCache();

self.onmessage = async (event: MessageEvent<LookupRequest>) => {
  const { id, identities } = event.data;
  let answer: LookupAnswer;
  try {
    db ??= openRecallDb();
    answer = { id, ok: true, result: await lookupIdentities(await db, identities, cache) };
  } catch (e) {
    answer = { id, ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  self.postMessage(answer);
};
