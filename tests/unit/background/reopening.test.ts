/**
 * The background's index connection is opened again once the browser has closed it (a full disk), and a
 * failed open is tried again on next use (utils/background/reopening.ts).
 */
import { describe, expect, it } from 'vitest';
import { reopening } from '../../../utils/background/reopening';

describe('a connection the browser may close', () => {
  it('is opened once, and opened again on the next use after the browser closed it', async () => {
    const closers: Array<() => void> = [];
    let closed = 0;
    const connection = reopening(
      async (terminated) => {
        closers.push(terminated);
        return `connection ${closers.length}`;
      },
      () => closed++,
    );
    expect(await connection()).toBe('connection 1');
    expect(await connection()).toBe('connection 1');
    closers[0]?.();
    expect(closed).toBe(1);
    expect(await connection()).toBe('connection 2');
    // A late close of the first connection does not drop the second.
    closers[0]?.();
    expect(await connection()).toBe('connection 2');
  });

  it('tries again after an open that failed', async () => {
    let tries = 0;
    const connection = reopening(async () => {
      tries++;
      if (tries === 1) throw new DOMException('No space left on device', 'UnknownError');
      return 'open';
    });
    await expect(connection()).rejects.toThrow('No space left');
    expect(await connection()).toBe('open');
  });
});
