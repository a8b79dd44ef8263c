/**
 * Reading inside a CLOSED shadow root. Page scripts and Playwright locators cannot see into it (that is
 * the point), but the DevTools protocol can: DOM.getDocument with pierce, then resolve the ShadowRoot
 * node and run a function on it.
 */
import type { Page } from '@playwright/test';

export interface ShadowRead<T> {
  shadowRootType: string;
  value: T;
}

export async function readClosedShadowRoot<T>(
  page: Page,
  hostSelector: string,
  fn: string,
): Promise<ShadowRead<T>> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: hostSelector });
    if (!nodeId) throw new Error(`no ${hostSelector} on the page`);
    const { node } = await cdp.send('DOM.describeNode', { nodeId, depth: 1, pierce: true });
    const shadow = node.shadowRoots?.[0];
    if (!shadow) throw new Error(`${hostSelector} has no shadow root`);
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    if (!object.objectId) throw new Error('shadow root could not be resolved');
    const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: fn,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.text);
    return { shadowRootType: shadow.shadowRootType ?? 'unknown', value: result.value as T };
  } finally {
    await cdp.detach();
  }
}

/** The banner's visible text and its official link, read through the closed root. */
export async function readBanner(page: Page) {
  await page.locator('recall-sentinel-banner[data-state="warning"]').waitFor();
  return readClosedShadowRoot<{ text: string; link: string | null; title: string }>(
    page,
    'recall-sentinel-banner',
    `function () {
      const banner = this.querySelector('.banner');
      return {
        text: banner ? banner.textContent : '',
        title: this.querySelector('.title')?.textContent ?? '',
        link: this.querySelector('a.primary')?.getAttribute('href') ?? null,
      };
    }`,
  );
}
