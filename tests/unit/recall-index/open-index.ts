/**
 * Opening the index in a test, and closing every index a test opened (`afterEach(closeIndexes)`): a
 * closed index's view stops its timers, so nothing from one case runs into the next.
 */
import { openRecallDb, type RecallDb } from '../../../utils/recall-index/db';

const opened: RecallDb[] = [];

export async function openIndex(): Promise<RecallDb> {
  const db = await openRecallDb();
  opened.push(db);
  return db;
}

export function closeIndexes(): void {
  for (const db of opened.splice(0)) db.close();
}
