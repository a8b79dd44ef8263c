/**
 * An Excel workbook (XLSX) as a catalog: its first sheet with data, read by `read-excel-file` (MIT,
 * maintained, pure JS over fflate; not the npm `xlsx` package, frozen at 0.18.5 with published
 * advisories), turned into CSV text that read-catalog.ts reads like any other file: the same column
 * guessing, Shopify recognition and per-row problems.
 * - Number cells are kept as the digits the file stores (`parseNumber` returns the text), so a barcode
 *   kept as a number, 193175488718, is not turned into 1.93175488718e+11 on the way.
 * - Date cells become their ISO day; TRUE/FALSE stay words.
 * - Before anything is unpacked, the sizes the ZIP directory declares are summed and a workbook that
 *   would unpack to more than MAX_WORKBOOK_XML_BYTES is refused (a "zip bomb" would otherwise fill the
 *   memory of the worker that reads it).
 * - The workbook's XML parts are unpacked here, synchronously (fflate's unzipSync), and handed to
 *   read-excel-file as a ZIP of stored, uncompressed entries. Left to itself it unpacks with fflate's
 *   asynchronous `unzip`, which, for every part over 512 KB (any real catalog's sheet), starts a worker
 *   from a `blob:` URL of code it assembles at run time. Chromium runs that in an extension page (our
 *   e2e saw it), but it is code made at run time, which this extension otherwise never runs, and a
 *   stricter policy may refuse it; stored entries are sliced, never inflated, so no worker starts.
 *   (We read in our own worker already, read-worker.ts.)
 * The old binary XLS (OLE) format is not read: it is refused with what to do instead.
 */
import { type Unzipped, unzipSync, zipSync } from 'fflate';
import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/universal';

/** What a 100 MB catalog's worth of sheet XML unpacks to, with room to spare. */
export const MAX_WORKBOOK_XML_BYTES = 400 * 1024 * 1024;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

export const isZip = (bytes: Uint8Array): boolean => startsWith(bytes, ZIP_MAGIC);
export const isLegacyWorkbook = (bytes: Uint8Array): boolean => startsWith(bytes, OLE_MAGIC);

/** A workbook that cannot be read, with what to do. */
export class WorkbookError extends Error {}

const SAVE_AS_CSV =
  'save it as "CSV UTF-8" (Excel) or download it as CSV (Google Sheets) and audit that file';

/** The sum of the sizes the ZIP's directory declares, read without unpacking anything. */
function declaredSize(bytes: Uint8Array): number {
  let total = 0;
  unzipSync(bytes, {
    filter: (file) => {
      total += file.originalSize;
      return false;
    },
  });
  return total;
}

/** The workbook's XML parts (sheets, shared strings, styles, relations), unpacked; images and the rest left. */
const xmlParts = (bytes: Uint8Array): Unzipped =>
  unzipSync(bytes, { filter: (file) => /\.(xml|rels)$/i.test(file.name) });

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

export interface WorkbookSheet {
  /** The sheet's name in the workbook. */
  sheet: string;
  /** The sheet as CSV (UTF-8 bytes), for readCatalog. */
  csv: Uint8Array;
}

/** The workbook's first sheet with data, as CSV. Throws WorkbookError when it is no readable XLSX. */
export async function workbookSheet(
  bytes: Uint8Array,
  name: string,
  maxXmlBytes: number = MAX_WORKBOOK_XML_BYTES,
): Promise<WorkbookSheet> {
  if (isLegacyWorkbook(bytes))
    throw new WorkbookError(
      `${name} is an old-style Excel workbook (XLS), which is not read: ${SAVE_AS_CSV}.`,
    );
  const damaged = () =>
    new WorkbookError(`${name} is a damaged ZIP file, not a readable workbook: ${SAVE_AS_CSV}.`);
  let size: number;
  try {
    size = declaredSize(bytes);
  } catch {
    throw damaged();
  }
  if (size > maxXmlBytes)
    throw new WorkbookError(
      `${name} would unpack to ${(size / 1024 / 1024).toFixed(1)} MB; the limit is ${(maxXmlBytes / 1024 / 1024).toFixed(1)} MB. Split it and audit each part.`,
    );
  let stored: Uint8Array;
  try {
    stored = zipSync(xmlParts(bytes), { level: 0 });
  } catch {
    throw damaged();
  }
  let sheets: Awaited<ReturnType<typeof readXlsxFile<string>>>;
  try {
    sheets = await readXlsxFile<string>(stored.slice().buffer, {
      parseNumber: (text) => text,
      trim: false,
    });
  } catch (e) {
    throw new WorkbookError(
      `${name} is a ZIP file but not an Excel workbook (${e instanceof Error ? e.message : String(e)}): ${SAVE_AS_CSV}.`,
    );
  }
  const withData = sheets.find((s) => s.data.some((row) => row.some((cell) => cellText(cell).trim())));
  if (!withData) throw new WorkbookError(`${name}: every sheet of the workbook is empty.`);
  const rows = withData.data.map((row) => row.map(cellText));
  return { sheet: withData.sheet, csv: new TextEncoder().encode(Papa.unparse(rows)) };
}
