import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { handleMessage } from '../../../utils/background/handle-message';
import { fakeDeps, popup } from './fake-background';

const lookUp = (text: string, brand: string | null = null, deps = fakeDeps()) =>
  handleMessage({ type: 'manual-lookup', text, brand }, popup, deps);

describe('the manual lookup', () => {
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
  });

  it('confirms a recall by the barcode a shopper typed, and says why', async () => {
    const answer = await lookUp('850012345671', 'Kettlebrook');
    expect(answer).toMatchObject({
      ok: true,
      verdict: { status: 'warning', matches: [[{ recallId: 'cpsc:1' }]] },
    });
    if (!answer.ok || !('verdict' in answer) || !answer.verdict) throw new Error('no verdict');
    expect(answer.verdict.matches[0]?.[0]?.tier).toBe('confirmed');
    expect(answer.verdict.recalls['cpsc:1']).toBeDefined();
  });

  it('says "no recall found" for a valid barcode the index does not hold, never "safe"', async () => {
    expect(await lookUp('041260012846')).toMatchObject({ ok: true, verdict: { status: 'no-match' } });
  });

  it('refuses a barcode with a wrong check digit instead of looking it up', async () => {
    expect(await lookUp('850012345672')).toEqual({
      ok: false,
      error: expect.stringContaining('should be 1, not 2'),
    });
  });

  it('files the answer under no tab', async () => {
    const deps = fakeDeps();
    await lookUp('850012345671', null, deps);
    expect(deps.stored.size).toBe(0);
  });
});
