/**
 * Whether a write failed because the device (or the browser's quota for us) is full. Browsers say it two
 * ways: a `QuotaExceededError` (the quota), or, from Chromium when the disk itself is full, the
 * transaction's `UnknownError` "Connection is closing because of: IO error: …: FILE_ERROR_NO_SPACE"
 * (seen on a nearly full profile, issue 14), while each of its requests reports only "AbortError".
 */
const FULL = /FILE_ERROR_NO_SPACE|No space left on device/i;

export function isStorageFull(e: unknown): boolean {
  const error = e as { name?: unknown; message?: unknown; inner?: { name?: unknown } } | null;
  if (error?.name === 'QuotaExceededError' || error?.inner?.name === 'QuotaExceededError') return true;
  return typeof error?.message === 'string' && FULL.test(error.message);
}

/** The browser closed the connection itself (after a write failed on a full disk): every transaction throws. */
export const isClosedConnection = (e: unknown): boolean =>
  (e as { name?: unknown } | null)?.name === 'InvalidStateError';

/**
 * The reason a write in `tx` failed: the transaction's own error when it has one. A request of an
 * aborted transaction only says "AbortError"; the transaction says why (the disk is full, say).
 */
export async function writeFailure(tx: { done: Promise<void> }, requestError: unknown): Promise<unknown> {
  return tx.done.then(
    () => requestError,
    (cause: unknown) => cause ?? requestError,
  );
}

/**
 * Runs `work` in the write transaction `tx` and waits for it to commit; every write of the index goes
 * through here, so a failure is told by the transaction's own reason (`writeFailure`).
 */
export async function completeWrite<T>(tx: { done: Promise<void> }, work: () => Promise<T>): Promise<T> {
  try {
    const value = await work();
    await tx.done;
    return value;
  } catch (e) {
    throw await writeFailure(tx, e);
  }
}
