/**
 * A batch lookup answered by the lookup worker (lookup-worker.ts): each call posts a chunk's identities
 * and resolves with the worker's answer. A worker that fails (it could not start, or threw outside a
 * request) fails every pending call and every later one with `WorkerFailedError`, so the caller can fall
 * back to looking up on the page. `close()` terminates the worker, which drops its cache and its index.
 */
import type { BatchLookup } from '@/utils/audit/audit';
import type { LookupAnswer, LookupRequest } from './lookup-protocol';

export class WorkerFailedError extends Error {}

export interface WorkerLookup {
  lookup: BatchLookup;
  close(): void;
}

export function lookupOverWorker(worker: Worker): WorkerLookup {
  const pending = new Map<number, { resolve: (a: LookupAnswer) => void; reject: (e: Error) => void }>();
  let failed: WorkerFailedError | null = null;
  let next = 0;
  const fail = (error: WorkerFailedError) => {
    failed ??= error;
    for (const p of pending.values()) p.reject(failed);
    pending.clear();
    worker.terminate();
  };
  worker.onmessage = (event: MessageEvent<LookupAnswer>) => {
    const answer = event.data;
    const waiting = pending.get(answer.id);
    pending.delete(answer.id);
    waiting?.resolve(answer);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    fail(new WorkerFailedError(`the lookup worker failed: ${event.message || 'it could not start'}`));
  };
  worker.onmessageerror = () => fail(new WorkerFailedError('the lookup worker sent an unreadable answer'));
  return {
    lookup: async (identities) => {
      if (failed) throw failed;
      const id = next++;
      const answer = await new Promise<LookupAnswer>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, identities } satisfies LookupRequest);
      });
      if (!answer.ok) throw new Error(answer.message);
      return answer.result;
    },
    close: () => {
      fail(new WorkerFailedError('the lookup worker was closed'));
    },
  };
}
