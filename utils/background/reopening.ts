/**
 * A database connection opened on first use, and opened again after the browser closed it itself:
 * Chromium closes every connection of the extension when a write fails on a full disk (the index's, the
 * watchlist's and the saved audit's alike), and each transaction on them throws from then on. Without this, every lookup and status read failed until the
 * worker stopped (issue 14). A failed open is not kept either: the next use tries again.
 */
export function reopening<T>(
  open: (terminated: () => void) => Promise<T>,
  onClosed: () => void = () => {},
): () => Promise<T> {
  let current: Promise<T> | null = null;
  return () => {
    if (current) return current;
    const opening = open(() => {
      if (current === opening) current = null;
      onClosed();
    }).catch((e: unknown) => {
      if (current === opening) current = null;
      throw e;
    });
    current = opening;
    return opening;
  };
}
