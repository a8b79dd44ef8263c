/**
 * Peak JS heap of the extension's service worker during a benchmark. Playwright opens no CDP session on
 * an extension worker, so this connects a second CDP client to the browser (Chromium started with
 * `--remote-debugging-port`), attaches to the worker target, and polls `Runtime.getHeapUsage` through
 * `Target.sendMessageToTarget`.
 */
import { chromium } from '@playwright/test';

export const DEBUG_PORT = 9339;

interface HeapSampler {
  /** Stops sampling and returns the peak used heap in bytes seen since the start. */
  stop(): Promise<number>;
  /** The peak so far, and starts a new peak from now. */
  resetPeak(): number;
}

export async function sampleWorkerHeap(extensionId: string, everyMs = 100): Promise<HeapSampler> {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${DEBUG_PORT}`);
  const cdp = await browser.newBrowserCDPSession();
  const { targetInfos } = (await cdp.send('Target.getTargets')) as {
    targetInfos: Array<{ targetId: string; type: string; url: string }>;
  };
  const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.includes(extensionId));
  if (!target) throw new Error('no service worker target for the extension');
  const { sessionId } = (await cdp.send('Target.attachToTarget', {
    targetId: target.targetId,
    flatten: false,
  })) as { sessionId: string };

  let nextId = 1;
  const pending = new Map<number, (used: number) => void>();
  cdp.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as { id?: number; result?: { usedSize?: number } };
    if (message.id !== undefined) pending.get(message.id)?.(message.result?.usedSize ?? 0);
    if (message.id !== undefined) pending.delete(message.id);
  });
  const usedHeap = () =>
    new Promise<number>((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      void cdp.send('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }),
      });
    });

  let peak = await usedHeap();
  let running = true;
  const loop = (async () => {
    while (running) {
      peak = Math.max(peak, await usedHeap());
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    resetPeak() {
      const p = peak;
      peak = 0;
      return p;
    },
    async stop() {
      running = false;
      await loop;
      await browser.close();
      return peak;
    },
  };
}
