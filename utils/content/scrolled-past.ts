/**
 * Tells when the shopper has scrolled past an element (its bottom above the top `margin` pixels of the
 * window) and when it is back. An IntersectionObserver, not a scroll handler: the browser reports the
 * crossing off the scroll path, so the page scrolls without our code in each frame. Bound to the content
 * script's context: it ends with it, or when the returned function is called.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

export function watchScrolledPast(
  ctx: ContentScriptContext,
  element: Element,
  margin: number,
  onChange: (past: { height: number } | null) => void,
): () => void {
  let past = false;
  const observer = new IntersectionObserver(
    (records) => {
      const record = records[records.length - 1];
      if (!record) return;
      // Out of the (shrunk) viewport above its top edge: scrolled past. Below the viewport does not count.
      const now = !record.isIntersecting && record.boundingClientRect.top < 0;
      if (now === past) return;
      past = now;
      onChange(now ? { height: record.boundingClientRect.height } : null);
    },
    { rootMargin: `-${margin}px 0px 0px 0px`, threshold: 0 },
  );
  observer.observe(element);
  const stop = () => observer.disconnect();
  ctx.onInvalidated(stop);
  return stop;
}
