import { describe, expect, it } from 'vitest';
import { checkEndpoint, type FetchLike, Outbox, postOnce, QUEUE_KEY } from '../../../utils/report/endpoint';

function memory() {
  const data: Record<string, unknown> = {};
  return {
    data,
    area: {
      get: async (k: string) => ({ [k]: structuredClone(data[k]) }),
      set: async (items: Record<string, unknown>) => void Object.assign(data, structuredClone(items)),
    },
  };
}

const URL_ = 'https://reports.example.org/intake';
const report = (key: string) => ({ key, url: URL_, body: JSON.stringify({ id: key }) });

describe('the endpoint address', () => {
  it.each([
    ['https://reports.example.org/intake', true],
    ['http://reports.example.org/intake', false],
    ['https://user:pw@reports.example.org/', false],
    ['not a url', false],
  ])('%s usable: %s', (url, ok) => {
    expect(checkEndpoint(url).ok).toBe(ok);
  });
  it('says why an http address is refused', () => {
    expect(checkEndpoint('http://x.org/')).toEqual({ ok: false, reason: 'not-https' });
  });
});

describe('one POST', () => {
  const item = { ...report('RS-1'), queuedAt: '', status: 'queued' as const, attempts: 0, last: null };

  it('sends the JSON with the report id as its idempotency key, no cookies, redirects not followed', async () => {
    let seen: RequestInit | undefined;
    const out = await postOnce(async (_u, init) => {
      seen = init;
      return new Response(null, { status: 201 });
    }, item);
    expect(out.kind).toBe('sent');
    expect(seen?.headers).toEqual({ 'Content-Type': 'application/json', 'Idempotency-Key': 'RS-1' });
    expect(seen).toMatchObject({
      method: 'POST',
      body: '{"id":"RS-1"}',
      redirect: 'manual',
      credentials: 'omit',
    });
  });

  it.each([
    [500, 'server-error'],
    [503, 'server-error'],
    [429, 'server-error'],
    [409, 'sent'],
    [400, 'rejected'],
    [301, 'redirect'],
    [308, 'redirect'],
  ])('an answer %i is %s', async (status, kind) => {
    const out = await postOnce(async () => new Response(null, { status }), item);
    expect(out.kind).toBe(kind);
  });

  it('calls an endpoint that does not answer in time a timeout, and one it cannot reach a network failure', async () => {
    const hang: FetchLike = (_u, init) =>
      new Promise((_, reject) =>
        init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      );
    expect((await postOnce(hang, item, 20)).kind).toBe('timeout');
    const offline: FetchLike = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect((await postOnce(offline, item)).kind).toBe('network');
  });
});

describe('the outbox', () => {
  it('keeps a report through an outage and sends it once when the endpoint is back', async () => {
    const { area, data } = memory();
    let up = false;
    const received: string[] = [];
    const fetchFn: FetchLike = async (_u, init) => {
      if (!up) return new Response('down', { status: 500 });
      received.push(String((init.headers as Record<string, string>)['Idempotency-Key']));
      return new Response(null, { status: 200 });
    };
    const box = new Outbox(area, fetchFn, () => new Date('2026-12-05T10:00:00Z'));
    await box.add(report('RS-1'));
    await box.add(report('RS-1'));
    expect(await box.list()).toHaveLength(1);
    let items = await box.flush();
    expect(items[0]).toMatchObject({
      status: 'queued',
      attempts: 1,
      last: { kind: 'server-error', httpStatus: 500 },
    });
    up = true;
    items = await box.flush();
    expect(items[0]).toMatchObject({ status: 'sent', attempts: 2, last: { kind: 'sent', httpStatus: 200 } });
    await box.flush();
    await box.add(report('RS-1'));
    await box.flush();
    expect(received).toEqual(['RS-1']);
    expect((data[QUEUE_KEY] as unknown[]).length).toBe(1);
  });

  it('runs one flush at a time: two calls at once send a report once', async () => {
    const { area } = memory();
    let calls = 0;
    const box = new Outbox(area, async () => {
      calls++;
      await new Promise((r) => setTimeout(r, 5));
      return new Response(null, { status: 200 });
    });
    await box.add(report('RS-2'));
    await Promise.all([box.flush(), box.flush()]);
    expect(calls).toBe(1);
  });

  it('takes the shared lock, so two pages retrying at once send a report once', async () => {
    const { area } = memory();
    let calls = 0;
    const fetchFn: FetchLike = async () => {
      calls++;
      await new Promise((r) => setTimeout(r, 5));
      return new Response(null, { status: 200 });
    };
    let chain: Promise<unknown> = Promise.resolve();
    const lock = <T>(fn: () => Promise<T>): Promise<T> => {
      const run = chain.then(fn);
      chain = run.catch(() => undefined);
      return run;
    };
    const pageA = new Outbox(area, fetchFn, () => new Date(), lock);
    const pageB = new Outbox(area, fetchFn, () => new Date(), lock);
    await pageA.add(report('RS-4'));
    await Promise.all([pageA.flush(), pageB.flush()]);
    expect(calls).toBe(1);
    // Without the lock, two pages would each post it.
    const { area: other } = memory();
    const c = new Outbox(other, fetchFn);
    const d = new Outbox(other, fetchFn);
    await c.add(report('RS-5'));
    calls = 0;
    await Promise.all([c.flush(), d.flush()]);
    expect(calls).toBe(2);
  });

  it('holds a refused report until the shopper puts it back, and forgets one they remove', async () => {
    const { area } = memory();
    let status = 422;
    const box = new Outbox(area, async () => new Response(null, { status }));
    await box.add(report('RS-3'));
    expect((await box.flush())[0]?.status).toBe('rejected');
    status = 200;
    expect((await box.flush())[0]?.attempts).toBe(1);
    await box.requeue('RS-3');
    expect((await box.flush())[0]?.status).toBe('sent');
    expect(await box.remove('RS-3')).toEqual([]);
  });
});
