/**
 * The ends of the message contract: `send` puts the type and payload on the wire and `ask` parses what
 * comes back; the content side carries no zod.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ask } from '../../utils/messaging/ask';
import { send } from '../../utils/messaging/send';
import { bundledFiles } from '../support/bundle-graph';

const INDEX = { records: 1, sources: [], updatedAt: null, syncs: [] };

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

/** Answers every runtime message with `answer`, keeping what was sent. */
function background(answer: unknown): unknown[] {
  const sent: unknown[] = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
    sent.push(message);
    return answer;
  });
  return sent;
}

describe('sending', () => {
  it('sends the type with the payload', async () => {
    const sent = background({ ok: true, url: 'https://item.jd.com/1.html', html: '' });
    await send('fetch-product-page', { url: 'https://item.jd.com/1.html' });
    await send('index-status');
    expect(sent).toEqual([
      { type: 'fetch-product-page', url: 'https://item.jd.com/1.html' },
      { type: 'index-status' },
    ]);
  });

  it('turns a missing answer into an error', async () => {
    background(undefined);
    expect(await send('index-status')).toEqual({ ok: false, error: 'no answer' });
  });

  it('lets the caller see that nothing answered at all', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(
      new Error('Receiving end does not exist.'),
    );
    await expect(send('index-status')).rejects.toThrow('Receiving end');
  });
});

describe('asking from an extension page', () => {
  it('returns an answer that fits the response schema', async () => {
    background({ ok: true, index: INDEX });
    expect(await ask('index-status')).toEqual({ ok: true, index: INDEX });
  });

  it('passes the background’s refusal on', async () => {
    background({ ok: false, error: 'tab verdicts are shown in extension pages only' });
    expect(await ask('tab-verdict', { tabId: 3 })).toEqual({
      ok: false,
      error: 'tab verdicts are shown in extension pages only',
    });
  });

  it('turns an answer that does not fit the response schema into an error', async () => {
    background({ ok: true, verdict: 'warning' });
    expect(await ask('tab-verdict', { tabId: 3 })).toMatchObject({
      ok: false,
      error: expect.stringContaining('unexpected answer to tab-verdict'),
    });
  });
});

describe('the content side of messaging', () => {
  it('carries no zod', async () => {
    const { files, packages } = await bundledFiles(['utils/messaging/send.ts']);
    expect(files).toContain('utils/messaging/send.ts');
    expect(packages).not.toContain('zod');
  });
});
