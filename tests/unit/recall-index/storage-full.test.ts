/**
 * A full device, in each way the browsers say it (utils/recall-index/storage-full.ts). The Chromium
 * messages are the ones a real profile on a nearly full disk produced (issue 14).
 */
import { describe, expect, it } from 'vitest';
import { isClosedConnection, isStorageFull, writeFailure } from '../../../utils/recall-index/storage-full';

const CHROMIUM_DISK_FULL = new DOMException(
  'Connection is closing because of: IO error: .../chrome-extension_x_0.indexeddb.leveldb/000008.log: FILE_ERROR_NO_SPACE (ChromeMethodBFE: 3::WritableFileAppend::8)',
  'UnknownError',
);
const ABORTED = new DOMException(
  'The transaction was aborted, so the request cannot be fulfilled.',
  'AbortError',
);

describe('a full device', () => {
  it("is the quota's QuotaExceededError, or Chromium's disk-full UnknownError, and not a plain abort", () => {
    expect(isStorageFull(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))).toBe(true);
    expect(isStorageFull({ name: 'Error', inner: { name: 'QuotaExceededError' } })).toBe(true);
    expect(isStorageFull(CHROMIUM_DISK_FULL)).toBe(true);
    expect(isStorageFull(ABORTED)).toBe(false);
    expect(isStorageFull(new Error('HTTP 503'))).toBe(false);
    expect(isStorageFull(null)).toBe(false);
  });

  it("is told by the transaction's own error, where each request only says it was aborted", async () => {
    const failed = { done: Promise.reject(CHROMIUM_DISK_FULL) };
    expect(await writeFailure(failed, ABORTED)).toBe(CHROMIUM_DISK_FULL);
    expect(await writeFailure({ done: Promise.resolve() }, ABORTED)).toBe(ABORTED);
  });

  it('closes the connection: what every later transaction throws is told apart', () => {
    const closing = new DOMException('The database connection is closing.', 'InvalidStateError');
    expect(isClosedConnection(closing)).toBe(true);
    expect(isClosedConnection(ABORTED)).toBe(false);
  });
});
