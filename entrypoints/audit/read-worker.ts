/**
 * The catalog file read off the page's main thread: decoding and papaparse of a 50,000-row file is one
 * task of a second or more (BENCHMARKS.md), which would freeze the page; so is unpacking a workbook.
 * Bytes in, the Catalog out (or the reason it cannot be read), by structured clone.
 */
import type { ColumnMapping } from '@/utils/audit/catalog-fields';
import { CatalogTooLargeError, readAnyCatalog, UnsupportedCatalogError } from '@/utils/audit/read-catalog';

export interface ReadRequest {
  bytes: Uint8Array;
  name: string;
  mapping?: ColumnMapping;
}

self.onmessage = async (event: MessageEvent<ReadRequest>) => {
  const { bytes, name, mapping } = event.data;
  try {
    self.postMessage({
      ok: true,
      catalog: await readAnyCatalog(bytes, { name, ...(mapping ? { mapping } : {}) }),
    });
  } catch (e) {
    self.postMessage({
      ok: false,
      // Errors that say what to do (too large, a workbook) are shown as they are.
      known: e instanceof CatalogTooLargeError || e instanceof UnsupportedCatalogError,
      message: e instanceof Error ? e.message : String(e),
    });
  }
};
