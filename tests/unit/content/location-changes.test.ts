import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { onLocationChange } from '../../../utils/content/location-changes';

/** A content script context as far as the watcher uses it: a signal, intervals and listeners bound to it. */
function fakeContext() {
  const controller = new AbortController();
  const ctx = {
    signal: controller.signal,
    setInterval: (fn: () => void, ms: number) => {
      const id = setInterval(fn, ms);
      controller.signal.addEventListener('abort', () => clearInterval(id));
      return id;
    },
    addEventListener: (target: EventTarget, type: string, fn: () => void) =>
      target.addEventListener(type, fn, { signal: controller.signal }),
  };
  return { ctx: ctx as unknown as ContentScriptContext, invalidate: () => controller.abort() };
}

function navigateEvent(url: string): Event {
  return Object.assign(new Event('navigate'), { destination: { url } });
}

const stubPage = (href: string) => {
  const page = { location: { href }, window: new EventTarget() };
  vi.stubGlobal('location', page.location);
  vi.stubGlobal('window', page.window);
  return page;
};

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('following the page’s address in the content script', () => {
  it('hears every history.pushState and replaceState through the Navigation API, the same address too', () => {
    stubPage('https://www.walmart.com/ip/1');
    const navigation = new EventTarget();
    vi.stubGlobal('navigation', navigation);
    const { ctx, invalidate } = fakeContext();
    const changes = vi.fn();
    onLocationChange(ctx, changes);

    navigation.dispatchEvent(navigateEvent('https://www.walmart.com/ip/2'));
    expect(changes).toHaveBeenCalledTimes(1);
    // The background forgets the verdict even then (Chrome reports the tab loading), so it is filed again.
    navigation.dispatchEvent(navigateEvent('https://www.walmart.com/ip/2'));
    expect(changes).toHaveBeenCalledTimes(2);

    invalidate();
    navigation.dispatchEvent(navigateEvent('https://www.walmart.com/ip/3'));
    expect(changes, 'heard after its context was invalidated').toHaveBeenCalledTimes(2);
  });

  it('compares the address once a second where the Navigation API is missing', () => {
    vi.useFakeTimers();
    const page = stubPage('https://www.target.com/p/-/A-1');
    vi.stubGlobal('navigation', undefined);
    const { ctx, invalidate } = fakeContext();
    const changes = vi.fn();
    onLocationChange(ctx, changes);

    vi.advanceTimersByTime(1000);
    expect(changes).not.toHaveBeenCalled();
    page.location.href = 'https://www.target.com/p/-/A-2';
    vi.advanceTimersByTime(1000);
    expect(changes).toHaveBeenCalledTimes(1);

    invalidate();
    page.location.href = 'https://www.target.com/p/-/A-3';
    vi.advanceTimersByTime(5000);
    expect(changes).toHaveBeenCalledTimes(1);
  });

  it('hears back and forward at once by popstate', () => {
    vi.useFakeTimers();
    const page = stubPage('https://www.temu.com/a.html');
    vi.stubGlobal('navigation', undefined);
    const { ctx } = fakeContext();
    const changes = vi.fn();
    onLocationChange(ctx, changes);

    page.location.href = 'https://www.temu.com/b.html';
    page.window.dispatchEvent(new Event('popstate'));
    expect(changes).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1000);
    expect(changes, 'the poll sees no new change').toHaveBeenCalledTimes(1);
  });
});
