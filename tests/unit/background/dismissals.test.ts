/**
 * Issue 14: a "not this product" answer can be reviewed and undone. The options page lists the answers
 * kept on this device and undoes one, and the warning it hid comes back on the next lookup.
 */
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { handleMessage } from '../../../utils/background/handle-message';
import { dismissalKey, dismissalOf } from '../../../utils/listing';
import { identity } from '../support/factories';
import { contentScript, fakeDeps, lookup, popup } from './fake-background';

const dismiss = {
  type: 'dismiss-match',
  marketplace: 'amazon',
  listing: 'B000000000',
  recallId: 'cpsc:1',
} as const;

describe('"not this product" answers', () => {
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
  });

  it('are listed for the options page, newest first, and undone there; the warning comes back', async () => {
    const d = fakeDeps();
    const page = lookup([identity({ gtins: ['00850012345671'] })]);
    expect(await handleMessage(page, contentScript, d)).toMatchObject({
      matches: [[{ recallId: 'cpsc:1' }]],
    });
    await handleMessage({ ...dismiss, listing: 'B0OTHER000' }, contentScript, d);
    await handleMessage(dismiss, contentScript, d);
    expect(await handleMessage(page, contentScript, d)).toMatchObject({ matches: [[]] });

    expect(await handleMessage({ type: 'dismissals' }, popup, d)).toEqual({
      ok: true,
      dismissals: [
        { marketplace: 'amazon', listing: 'B000000000', recallId: 'cpsc:1' },
        { marketplace: 'amazon', listing: 'B0OTHER000', recallId: 'cpsc:1' },
      ],
    });
    expect(await handleMessage({ ...dismiss, type: 'undo-dismissal' }, popup, d)).toEqual({ ok: true });
    expect(await handleMessage(page, contentScript, d)).toMatchObject({
      matches: [[{ recallId: 'cpsc:1' }]],
    });
    expect(await handleMessage({ type: 'dismissals' }, popup, d)).toMatchObject({
      dismissals: [{ listing: 'B0OTHER000' }],
    });
  });

  it('are neither listed nor undone for a web page', async () => {
    const d = fakeDeps();
    expect(await handleMessage({ type: 'dismissals' }, contentScript, d)).toMatchObject({ ok: false });
    expect(await handleMessage({ ...dismiss, type: 'undo-dismissal' }, contentScript, d)).toMatchObject({
      ok: false,
    });
  });

  it('read a kept key back into its parts, a listing URL with | in it included', () => {
    const url = 'https://shop.example/p?a=1|2';
    expect(dismissalOf(dismissalKey(null, url, 'cpsc:1'))).toEqual({
      marketplace: null,
      listing: url,
      recallId: 'cpsc:1',
    });
    expect(dismissalOf('nonsense')).toBeNull();
  });
});
