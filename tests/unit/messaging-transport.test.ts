/**
 * The ends of the message contract: `send` and `sendToTab` put the type and payload on the wire, `ask`
 * parses what comes back, the content script's listener hears only our background and only the types
 * the table sends into tabs, and the page scanner has a listener for each of those.
 */
import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { PageScanner } from '../../utils/content/page-scanner';
import { MESSAGES, type MessageType, type ToContent } from '../../utils/messaging';
import { ask } from '../../utils/messaging/ask';
import { backgroundMessageListener } from '../../utils/messaging/from-background';
import { send, sendToTab } from '../../utils/messaging/send';
import { bundledFiles } from '../support/bundle-graph';

const TO_CONTENT = (Object.keys(MESSAGES) as MessageType[]).filter(
  (t): t is ToContent => MESSAGES[t].from === 'background',
);
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

  it('sends into a tab with its id', async () => {
    const sent: unknown[] = [];
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async (tabId: number, message: unknown) => {
      sent.push([tabId, message]);
      return undefined;
    });
    await sendToTab(12, 'rescan');
    expect(sent).toEqual([[12, { type: 'rescan' }]]);
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

describe('the content script’s listener for the background', () => {
  const RUNTIME = 'our-extension-id';
  const ORIGIN = `chrome-extension://${RUNTIME}/`;
  const listen = () => {
    const heard: unknown[] = [];
    const listener = backgroundMessageListener({ rescan: (m) => heard.push(m) }, RUNTIME, ORIGIN);
    return { heard, listener };
  };

  it('hears a rescan from our background', () => {
    const { heard, listener } = listen();
    listener({ type: 'rescan' }, { id: RUNTIME, url: `${ORIGIN}background.js` });
    expect(heard).toEqual([{ type: 'rescan' }]);
  });

  it('ignores another extension, and anything sent from a tab', () => {
    const { heard, listener } = listen();
    listener({ type: 'rescan' }, { id: 'another-extension' });
    listener({ type: 'rescan' }, { id: RUNTIME, url: 'https://www.amazon.com/', tab: { id: 4 } });
    expect(heard).toEqual([]);
  });

  it('ignores messages that are not ones the background sends into tabs', () => {
    const { heard, listener } = listen();
    for (const message of [null, 'rescan', [], { type: 42 }, { type: 'lookup' }, { type: 'toString' }, {}])
      listener(message, { id: RUNTIME });
    expect(heard).toEqual([]);
  });
});

describe('the page scanner', () => {
  /** A content script context that records what the scanner schedules and tears down. */
  function fakeContext() {
    const invalidated: (() => void)[] = [];
    const scheduled: number[] = [];
    const ctx = {
      isValid: true,
      onInvalidated: (cb: () => void) => invalidated.push(cb),
      setTimeout: (_fn: () => void, ms: number) => scheduled.push(ms),
      addEventListener: () => undefined,
    };
    return {
      ctx: ctx as unknown as ContentScriptContext,
      scheduled,
      invalidate: () => {
        for (const cb of invalidated) cb();
      },
    };
  }

  it.each(TO_CONTENT)('listens for %s from the background while its context lasts', async (type) => {
    const { document, window } = parseHTML('<!doctype html><html><body><p>News</p></body></html>');
    vi.stubGlobal('document', document);
    vi.stubGlobal('window', window);
    vi.stubGlobal('location', new URL('https://shop.example/news'));
    const sent = background({ ok: true, matches: [], recalls: {}, index: INDEX, indexMs: 0 });
    const { ctx, scheduled, invalidate } = fakeContext();

    new PageScanner(ctx, []).start();
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(scheduled).toEqual([]);
    await fakeBrowser.runtime.onMessage.trigger({ type }, { id: fakeBrowser.runtime.id });
    expect(scheduled).toHaveLength(1);

    invalidate();
    await fakeBrowser.runtime.onMessage.trigger({ type }, { id: fakeBrowser.runtime.id });
    expect(scheduled, 'heard after its context was invalidated').toHaveLength(1);
  });
});

describe('the content side of messaging', () => {
  it('carries no zod', async () => {
    const { files, packages } = await bundledFiles([
      'utils/messaging/send.ts',
      'utils/messaging/from-background.ts',
    ]);
    expect(files).toContain('utils/messaging/send.ts');
    expect(packages).not.toContain('zod');
  });
});
