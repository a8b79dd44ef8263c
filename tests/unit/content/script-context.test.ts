/**
 * Finding 5 of issue 14: the content script's context neither tells the page the extension's id nor
 * stops when the page forges WXT's "a newer script started" event; a newer copy of the same script in
 * the content scripts' own world still stops the older one.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ContentScriptContext as WxtContentScriptContext } from 'wxt/utils/content-script-context';
import { parseHtml } from '../../../scripts/lib/html';
import { ContentScriptContext } from '../../../utils/content/script-context';

const made: WxtContentScriptContext[] = [];
const context = (name: string, Kind: typeof WxtContentScriptContext = ContentScriptContext) => {
  const ctx = new Kind(name);
  made.push(ctx);
  return ctx;
};

describe('the content script context', () => {
  let posted: unknown[];
  let dispatched: string[];
  beforeEach(() => {
    fakeBrowser.reset();
    fakeBrowser.runtime.id = 'abcdefghijklmnopabcdefghijklmnop';
    const doc = parseHtml(
      '<!doctype html><html><body></body></html>',
      'https://www.amazon.com/dp/B0DEMO0001',
    );
    posted = [];
    dispatched = [];
    const dispatch = doc.dispatchEvent.bind(doc);
    doc.dispatchEvent = (event: Event) => {
      dispatched.push(event.type);
      return dispatch(event);
    };
    vi.stubGlobal('document', doc);
    // The DOM's own event classes (Node's cannot be dispatched on it).
    vi.stubGlobal(
      'CustomEvent',
      (doc.defaultView as unknown as { CustomEvent: typeof CustomEvent }).CustomEvent,
    );
    vi.stubGlobal('window', {
      postMessage: (message: unknown) => posted.push(message),
      addEventListener() {},
    });
  });
  afterEach(() => {
    for (const ctx of made.splice(0)) ctx.notifyInvalidated();
    vi.unstubAllGlobals();
  });

  /** WXT's event name: the extension id (as read when WXT loaded), the script's entry name and a suffix. */
  const EVENT = (WxtContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string })
    .SCRIPT_STARTED_MESSAGE_TYPE;
  const forge = () =>
    document.dispatchEvent(
      new CustomEvent(EVENT, { detail: { contentScriptName: 'amazon', messageId: 'forged' } }),
    );

  it('WXT’s own context posts its event name, with the extension id, to the page and stops on a forged one', () => {
    const ctx = context('amazon', WxtContentScriptContext);
    expect(posted).toEqual([expect.objectContaining({ type: EVENT, contentScriptName: 'amazon' })]);
    expect(EVENT.startsWith(`${fakeBrowser.runtime.id}:`) || EVENT.startsWith('test-extension-id:')).toBe(
      true,
    );
    forge();
    expect(ctx.isValid).toBe(false);
  });

  it('posts nothing to the page and dispatches no page event when it starts', () => {
    context('amazon');
    expect(posted).toEqual([]);
    expect(dispatched).toEqual([]);
  });

  it('keeps running when the page forges WXT’s "newer script started" event', () => {
    const ctx = context('amazon');
    forge();
    expect(ctx.isValid).toBe(true);
  });

  it('stops an older copy of the same script in its own world, and leaves other scripts running', () => {
    const older = context('amazon');
    const other = context('any-shop');
    const newer = context('amazon');
    expect(older.isValid).toBe(false);
    expect(newer.isValid).toBe(true);
    expect(other.isValid).toBe(true);
  });
});
