/**
 * readCatalog in a worker (read-worker.ts), so the page stays responsive while a large file is decoded
 * and parsed. Where a worker cannot start, the same read runs here instead: slower to the eye, same result.
 */
import type { ColumnMapping } from '@/utils/audit/catalog-fields';
import { type Catalog, readAnyCatalog } from '@/utils/audit/read-catalog';

/** A catalog that cannot be read, with a message that says what to do. */
export class CatalogReadError extends Error {}

type Answer = { ok: true; catalog: Catalog } | { ok: false; known: boolean; message: string };

async function startWorker(): Promise<Worker | null> {
  try {
    // Vite's worker import, bundled as its own file under /assets and started from this extension's
    // origin. Imported lazily: the import-boundary tests bundle the page with esbuild, which has no
    // `?worker` and checks a static import's default export.
    const { default: ReadWorker } = (await import('./read-worker.ts?worker')) as {
      default: new () => Worker;
    };
    return new ReadWorker();
  } catch {
    return null;
  }
}

export async function readCatalogOffThread(
  bytes: Uint8Array,
  options: { name: string; mapping?: ColumnMapping },
): Promise<{ catalog: Catalog; offThread: boolean }> {
  const here = async () => ({ catalog: await readAnyCatalog(bytes, options), offThread: false });
  const worker = await startWorker();
  if (!worker) return here();
  return new Promise((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<Answer>) => {
      worker.terminate();
      const answer = event.data;
      if (answer.ok) resolve({ catalog: answer.catalog, offThread: true });
      else reject(answer.known ? new CatalogReadError(answer.message) : new Error(answer.message));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      here().then(resolve, reject);
    };
    worker.postMessage({ bytes, ...options });
  });
}
