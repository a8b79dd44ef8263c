/**
 * Every request the extension makes, recorded from outside it: what its service worker and its own pages
 * (popup, options) ask for, through Playwright's request events (Playwright 1.65 reports a service
 * worker's requests by default), and what its content scripts ask for inside a shopping page, through
 * the DevTools protocol's Network domain on that page, where a request's initiator stack names the
 * script that made it (`chrome-extension://<id>/content-scripts/amazon.js`). The page's own requests
 * (its images, scripts, beacons) are not the extension's and are left out.
 */
import type { BrowserContext, Page, Request } from '@playwright/test';

export interface ExtensionRequest {
  /** Who in the extension asked. */
  from: 'service-worker' | 'extension-page' | 'content-script';
  method: string;
  url: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
  /** The request body as text ('' when none). */
  body: string;
  /** The shopping page a content script asked from (content scripts only). */
  pageUrl: string | null;
}

interface CdpStack {
  callFrames: { url: string }[];
  parent?: CdpStack;
}

interface RequestWillBeSent {
  requestId: string;
  documentURL: string;
  request: { url: string; method: string; headers: Record<string, string>; postData?: string };
  initiator: { type: string; url?: string; stack?: CdpStack };
}

interface ExtraInfo {
  requestId: string;
  headers: Record<string, string>;
}

/** Whether any frame of the initiator's stack, async parents included, is the extension's code. */
function madeBy(stack: CdpStack | undefined, origin: string): boolean {
  for (let s = stack; s; s = s.parent) if (s.callFrames.some((f) => f.url.startsWith(origin))) return true;
  return false;
}

const lowerCased = (headers: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));

export class ExtensionRequests {
  readonly seen: ExtensionRequest[] = [];
  private readonly pending: Promise<void>[] = [];
  private readonly origin: string;

  /** Starts recording at once: call it before the session it should see. */
  constructor(
    private readonly context: BrowserContext,
    extensionId: string,
  ) {
    this.origin = `chrome-extension://${extensionId}/`;
    context.on('request', (request) => {
      const from = this.fromExtension(request);
      if (from) this.pending.push(this.record(request, from));
    });
  }

  private fromExtension(request: Request): ExtensionRequest['from'] | null {
    const worker = request.serviceWorker();
    if (worker) return worker.url().startsWith(this.origin) ? 'service-worker' : null;
    try {
      return request.frame().url().startsWith(this.origin) ? 'extension-page' : null;
    } catch {
      return null;
    }
  }

  private async record(request: Request, from: ExtensionRequest['from']): Promise<void> {
    const headers = await request.allHeaders().catch(() => request.headers());
    this.seen.push({
      from,
      method: request.method(),
      url: request.url(),
      headers: lowerCased(headers),
      body: request.postDataBuffer()?.toString('utf8') ?? '',
      pageUrl: null,
    });
  }

  /**
   * A new tab whose requests are watched for the content scripts' own: open shopping pages with this,
   * before they load, so the first request is seen too.
   */
  async newPage(): Promise<Page> {
    const page = await this.context.newPage();
    const cdp = await this.context.newCDPSession(page);
    // The headers the network stack adds (Referer, Cookie) come in a second event, in either order.
    const byId = new Map<string, ExtensionRequest>();
    const extra = new Map<string, Record<string, string>>();
    cdp.on('Network.requestWillBeSent', (event: RequestWillBeSent) => {
      if (!madeBy(event.initiator.stack, this.origin)) return;
      const recorded: ExtensionRequest = {
        from: 'content-script',
        method: event.request.method,
        url: event.request.url,
        headers: lowerCased({ ...event.request.headers, ...extra.get(event.requestId) }),
        body: event.request.postData ?? '',
        pageUrl: event.documentURL,
      };
      byId.set(event.requestId, recorded);
      this.seen.push(recorded);
    });
    cdp.on('Network.requestWillBeSentExtraInfo', (event: ExtraInfo) => {
      const recorded = byId.get(event.requestId);
      if (recorded) Object.assign(recorded.headers, lowerCased(event.headers));
      else extra.set(event.requestId, event.headers);
    });
    await cdp.send('Network.enable');
    return page;
  }

  /** Everything recorded so far, with every header and body read. */
  async all(): Promise<ExtensionRequest[]> {
    await Promise.all(this.pending);
    return [...this.seen];
  }
}
