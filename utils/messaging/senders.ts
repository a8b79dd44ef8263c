/**
 * Who may send a message: the sender policies the message table (utils/messaging.ts) names, and the one
 * check that applies them to a `runtime.onMessage` sender. Kept apart from the table and free of zod, so
 * the policies can be named by code that carries no zod.
 */

/** A `runtime.onMessage` sender, reduced to what the policies read. */
export interface MessageSender {
  id?: string;
  url?: string;
  tab?: { id?: number };
  /** 0 for a tab's top frame; our content scripts run there only. */
  frameId?: number;
}

/**
 * - `content`: our content script in a tab (a tab is attached; not an extension page opened in a tab)
 * - `content-top-frame`: the same, in the tab's top frame only
 * - `page`: our own extension pages (popup, options), whose URL is on the extension's origin
 * - `either`: any part of this extension
 */
export type SenderPolicy = 'content' | 'content-top-frame' | 'page' | 'either';

/**
 * Whether `sender` may send a message under `policy`. Only this extension's own code ever may:
 * `runtimeId` is `runtime.id`, `extensionOrigin` the extension's origin with its trailing slash
 * (`chrome-extension://<id>/`, `moz-extension://<uuid>/`).
 */
export function senderMay(
  policy: SenderPolicy,
  sender: MessageSender,
  runtimeId: string,
  extensionOrigin: string,
): boolean {
  if (sender.id !== runtimeId) return false;
  const fromExtensionPage = sender.url?.startsWith(extensionOrigin) === true;
  const fromContentScript = sender.tab?.id !== undefined && !fromExtensionPage;
  switch (policy) {
    case 'content':
      return fromContentScript;
    case 'content-top-frame':
      return fromContentScript && (sender.frameId ?? 0) === 0;
    case 'page':
      return fromExtensionPage;
    case 'either':
      return true;
  }
}
