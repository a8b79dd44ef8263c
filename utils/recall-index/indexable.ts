/**
 * The check a record passes to be written into the index during a full download: what indexing and
 * storage rely on (an id in `<source>:<native id>` form, the source, the version, and every product's
 * identifier lists), written by hand because it runs on every record of a download in the service
 * worker, where a zod parse costs tens of microseconds a record. Everything else about the record is
 * checked with the full `Recall` schema when it is read back (db.ts), before anything is shown.
 */
import type { Recall } from '../schemas';

const ID = /^[a-z0-9-]+:.+$/;
const LISTS = ['brands', 'models', 'gtins', 'rawGtins', 'lots'] as const;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringList = (v: unknown): boolean => Array.isArray(v) && v.every((s) => typeof s === 'string');

function isIndexableProduct(p: unknown): boolean {
  if (!isObject(p) || !Array.isArray(p.identifiers) || !Array.isArray(p.dateRanges)) return false;
  for (const list of LISTS) if (!isStringList(p[list])) return false;
  return p.identifiers.every(
    (i) => isObject(i) && typeof i.field === 'string' && typeof i.value === 'string',
  );
}

export function isIndexable(value: unknown): value is Recall {
  return (
    isObject(value) &&
    typeof value.id === 'string' &&
    ID.test(value.id) &&
    typeof value.source === 'string' &&
    value.id.startsWith(`${value.source}:`) &&
    typeof value.version === 'string' &&
    Array.isArray(value.products) &&
    value.products.length > 0 &&
    value.products.every(isIndexableProduct)
  );
}
