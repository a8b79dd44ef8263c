/**
 * The monitored catalog: one saved audit (its rows and columns, and the findings already known), kept in
 * its own IndexedDB database apart from the recall index, so that the background re-runs it after every
 * sync (audit-monitor.ts). Versioned: a record of another version is not read (and the page offers to
 * save the catalog again), so a future change of shape is a new version, never a silent misread.
 */
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { CatalogRow, ColumnMapping } from './catalog-fields';
import type { CatalogFormat } from './read-catalog';

export const SAVED_AUDIT_DB = 'recall-sentinel-audit';
export const SAVED_AUDIT_VERSION = 1;
const KEY = 'monitored';

export interface SavedAudit {
  version: typeof SAVED_AUDIT_VERSION;
  /** The catalog's file name or store host. */
  name: string;
  format: CatalogFormat;
  encoding: string;
  mapping: ColumnMapping;
  rows: CatalogRow[];
  /** Every finding (utils/audit/review-log.ts `findingKey`) seen so far: only others are news. */
  known: string[];
  savedAt: string;
  /** The last re-audit: when, and what it found. */
  lastRun: { at: string; findings: number; newFindings: number } | null;
}

interface SavedAuditSchema extends DBSchema {
  saved: { key: string; value: SavedAudit };
}

export function isSavedAudit(value: unknown): value is SavedAudit {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<SavedAudit>;
  return (
    v.version === SAVED_AUDIT_VERSION &&
    typeof v.name === 'string' &&
    Array.isArray(v.rows) &&
    Array.isArray(v.known) &&
    typeof v.mapping === 'object' &&
    v.mapping !== null
  );
}

/** One monitored audit at a time (the page says so): saving another replaces it. */
export class SavedAuditStore {
  private constructor(private readonly db: IDBPDatabase<SavedAuditSchema>) {}

  /** `terminated`: the browser closed the connection itself (a full disk, utils/background/reopening.ts). */
  static async open(name = SAVED_AUDIT_DB, terminated?: () => void): Promise<SavedAuditStore> {
    const db = await openDB<SavedAuditSchema>(name, 1, {
      ...(terminated ? { terminated } : {}),
      upgrade(db) {
        db.createObjectStore('saved');
      },
    });
    return new SavedAuditStore(db);
  }

  async get(): Promise<SavedAudit | null> {
    const value: unknown = await this.db.get('saved', KEY);
    return isSavedAudit(value) ? value : null;
  }

  async put(audit: SavedAudit): Promise<void> {
    await this.db.put('saved', audit, KEY);
  }

  async clear(): Promise<void> {
    await this.db.delete('saved', KEY);
  }

  close(): void {
    this.db.close();
  }
}
