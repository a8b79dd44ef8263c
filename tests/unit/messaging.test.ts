/**
 * The message contract as a convention: every type in the table (utils/messaging.ts) has a sender
 * policy and a handler in the background, which answers each in its response schema and
 * refuses the senders its policy excludes with the table's refusal, and messages are sent from one
 * module only.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { HANDLERS, handleMessage, type MessageSender } from '../../utils/background/handle-message';
import {
  MESSAGES,
  type MessageContract,
  type MessageType,
  type RequestFor,
  type ToBackground,
} from '../../utils/messaging';
import type { SenderPolicy } from '../../utils/messaging/senders';
import { contentScript, fakeDeps, jdCart, lookup, popup } from './background/fake-background';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TYPES = Object.keys(MESSAGES) as MessageType[];
const TO_BACKGROUND: readonly ToBackground[] = TYPES;
const POLICIES: readonly SenderPolicy[] = ['content', 'content-top-frame', 'page', 'either'];

/**
 * For every message the background receives: a request it answers with `ok: true`, a sender its policy
 * admits, and (where the policy can refuse) one it refuses. The type checker asks for a row per type.
 */
const EXAMPLES: {
  [T in ToBackground]: { request: RequestFor<T>; from: MessageSender; refused?: MessageSender };
} = {
  lookup: { request: lookup(), from: contentScript, refused: popup },
  'tab-verdict': { request: { type: 'tab-verdict', tabId: 7 }, from: popup, refused: contentScript },
  'index-status': { request: { type: 'index-status' }, from: contentScript },
  ping: { request: { type: 'ping' }, from: contentScript },
  'dismiss-match': {
    request: { type: 'dismiss-match', marketplace: 'amazon', listing: 'B000000000', recallId: 'cpsc:1' },
    from: contentScript,
    refused: popup,
  },
  'fetch-product-page': {
    request: { type: 'fetch-product-page', url: 'https://item.jd.com/100012345678.html' },
    from: jdCart,
    refused: { ...jdCart, frameId: 2 },
  },
  'sync-now': { request: { type: 'sync-now' }, from: popup, refused: contentScript },
  'sync-status': { request: { type: 'sync-status' }, from: popup, refused: contentScript },
  'clear-and-rebuild': { request: { type: 'clear-and-rebuild' }, from: popup, refused: contentScript },
  watchlist: { request: { type: 'watchlist' }, from: popup, refused: contentScript },
  'manual-lookup': {
    request: { type: 'manual-lookup', text: '0 0850012 34567 1', brand: null },
    from: popup,
    refused: contentScript,
  },
  'watchlist-clear': { request: { type: 'watchlist-clear' }, from: popup, refused: contentScript },
  'open-report': { request: { type: 'open-report', item: null }, from: contentScript, refused: popup },
  dismissals: { request: { type: 'dismissals' }, from: popup, refused: contentScript },
  'undo-dismissal': {
    request: { type: 'undo-dismissal', marketplace: 'amazon', listing: 'B000000000', recallId: 'cpsc:1' },
    from: popup,
    refused: contentScript,
  },
};

describe('the message table', () => {
  it.each(TYPES)('files %s under the type its request schema carries', (type) => {
    expect(MESSAGES[type].request.shape.type.value).toBe(type);
  });

  it.each(TYPES)('says who may send %s, and what a refused sender hears', (type) => {
    const contract: MessageContract = MESSAGES[type];
    expect(POLICIES).toContain(contract.from);
    // `either` admits every part of the extension.
    if (contract.from !== 'either')
      expect(contract.refusal, `${type} needs a refusal in MESSAGES`).toMatch(/\w/);
  });

  it('gives the background a handler for every message it receives, and no other', () => {
    expect(Object.keys(HANDLERS).sort()).toEqual([...TO_BACKGROUND].sort());
    expect(Object.keys(EXAMPLES).sort()).toEqual([...TO_BACKGROUND].sort());
  });
});

describe('the background’s answers', () => {
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
  });

  it.each(TO_BACKGROUND)('answers %s in its response schema', async (type) => {
    const { request, from } = EXAMPLES[type];
    const answer = await handleMessage(request, from, fakeDeps());
    expect(answer).toMatchObject({ ok: true });
    const parsed = MESSAGES[type].response.safeParse(answer);
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it.each(TO_BACKGROUND.filter((t) => EXAMPLES[t].refused))(
    'refuses %s from a sender its policy excludes, in the table’s words',
    async (type) => {
      const { request, refused } = EXAMPLES[type];
      const contract: MessageContract = MESSAGES[type];
      expect(await handleMessage(request, refused ?? {}, fakeDeps())).toEqual({
        ok: false,
        error: contract.refusal,
      });
    },
  );

  it('has a refused sender to try for every policy that can refuse', () => {
    const refusing = TO_BACKGROUND.filter((t) => MESSAGES[t].from !== 'either');
    expect(refusing.filter((t) => !EXAMPLES[t].refused)).toEqual([]);
  });

  it('does not mistake a property every object has for a message type', async () => {
    for (const type of ['constructor', 'toString', '__proto__', 'hasOwnProperty'])
      expect(await handleMessage({ type }, popup, fakeDeps())).toMatchObject({ ok: false });
  });
});

/** Source files (relative, forward slashes) under the given folders of the repository. */
function sourceFiles(dirs: readonly string[]): string[] {
  return dirs.flatMap((dir) =>
    readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(ts|tsx)$/.test(f))
      .map((f) => `${dir}/${f.split(path.sep).join('/')}`),
  );
}

describe('where messages are sent and heard', () => {
  const files = sourceFiles(['utils', 'entrypoints', 'components']);
  const using = (pattern: RegExp) =>
    files.filter((f) => pattern.test(readFileSync(path.join(ROOT, f), 'utf8')));

  it('reads the extension’s sources', () => {
    expect(files).toContain('entrypoints/background/index.ts');
    expect(files).toContain('utils/content/page-scanner.ts');
  });

  it('sends to the background only through utils/messaging/send.ts', () => {
    expect(using(/runtime\s*\.\s*sendMessage/), 'use send() from utils/messaging/send.ts').toEqual([
      'utils/messaging/send.ts',
    ]);
  });

  it('sends nothing into tabs', () => {
    expect(using(/tabs\s*\.\s*sendMessage/), 'the content script follows its page itself').toEqual([]);
  });

  it('listens for messages only in the background entry', () => {
    expect(
      using(/runtime\s*\.\s*onMessage\s*\.\s*addListener/).sort(),
      'add a handler to HANDLERS (utils/background/handle-message.ts) instead',
    ).toEqual(['entrypoints/background/index.ts']);
  });
});
