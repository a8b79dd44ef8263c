/** The audit page's side of its lookup worker, against a Worker-shaped stand-in (hand-made, no real worker). */
import { describe, expect, it } from 'vitest';
import { lookupOverWorker, WorkerFailedError } from '../../../entrypoints/audit/lookup-off-thread';
import type { LookupAnswer, LookupRequest } from '../../../entrypoints/audit/lookup-protocol';

function standIn(answer: (request: LookupRequest) => LookupAnswer | null) {
  const worker = {
    terminated: false,
    onmessage: null as ((e: { data: LookupAnswer }) => void) | null,
    onerror: null as ((e: { message: string; preventDefault(): void }) => void) | null,
    postMessage(request: LookupRequest) {
      const reply = answer(request);
      if (reply) queueMicrotask(() => worker.onmessage?.({ data: reply }));
    },
    terminate() {
      worker.terminated = true;
    },
  };
  return worker;
}

describe('lookups answered by the worker', () => {
  it("resolves each call with the worker's answer to it", async () => {
    const worker = standIn(({ id, identities }) => ({
      id,
      ok: true,
      result: { matches: identities.map(() => []), recalls: {} },
    }));
    const { lookup } = lookupOverWorker(worker as unknown as Worker);
    expect(await lookup([])).toEqual({ matches: [], recalls: {} });
  });

  it("rejects a call the worker could not answer with the worker's message", async () => {
    const worker = standIn(({ id }) => ({ id, ok: false, message: 'the index view was disposed' }));
    const { lookup } = lookupOverWorker(worker as unknown as Worker);
    await expect(lookup([])).rejects.toThrow('the index view was disposed');
  });

  it('fails pending and later calls as a failed worker when it errors, so the page can take over', async () => {
    const worker = standIn(() => null);
    const { lookup } = lookupOverWorker(worker as unknown as Worker);
    const pending = lookup([]);
    worker.onerror?.({ message: 'boom', preventDefault() {} });
    await expect(pending).rejects.toBeInstanceOf(WorkerFailedError);
    await expect(lookup([])).rejects.toBeInstanceOf(WorkerFailedError);
    expect(worker.terminated).toBe(true);
  });

  it('terminates the worker when closed, dropping what it holds', () => {
    const worker = standIn(() => null);
    lookupOverWorker(worker as unknown as Worker).close();
    expect(worker.terminated).toBe(true);
  });
});
