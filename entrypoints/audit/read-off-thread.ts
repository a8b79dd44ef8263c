/**
 * readCatalog in a worker (read-worker.ts), so the page stays responsive while a large file is decoded
 * and parsed. Where a worker cannot start, the same read runs here instead: slower to the eye, same result.
 */
import type { ColumnMapping } from '@/utils/audit/catalog-fields';
import { type Catalog, readCatalog } from '@/utils/audit/read-catalog';
// Vite's worker import: bundled as its own file under /assets, started from this extension's origin.
import ReadWorker from './read-worker.ts?worker';

/** A catalog that cannot be read, with a message that says what to do. */
export class CatalogReadError extends Error {}

type Answer = { ok: true; catalog: Catalog } | { ok: false; known: boolean; message: string };

export function readCatalogOffThread(
  bytes: Uint8Array,
  options: { name: string; mapping?: ColumnMapping },
): Promise<{ catalog: Catalog; offThread: boolean }> {
  const here = () => ({ catalog: readCatalog(bytes, options), offThread: false });
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new ReadWorker();
    } catch {
      resolve(here());
      return;
    }
    worker.onmessage = (event: MessageEvent<Answer>) => {
      worker.terminate();
      const answer = event.data;
      if (answer.ok) resolve({ catalog: answer.catalog, offThread: true });
      else reject(answer.known ? new CatalogReadError(answer.message) : new Error(answer.message));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      try {
        resolve(here());
      } catch (e) {
        reject(e);
      }
    };
    worker.postMessage({ bytes, ...options });
  });
}
