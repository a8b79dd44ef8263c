/**
 * The content script's side of the messages the background sends into a tab (`ToContent` in the table of
 * utils/messaging.ts, sent by `sendToTab`). A listener here hears only this extension's background and
 * only the message types it has a handler for, checked by hand: the content script carries no zod, and
 * these messages carry nothing but their type.
 */
import { browser } from 'wxt/browser';
import { isRecord } from '../is-record';
import type { RequestFor, ToContent } from '../messaging';
import { type MessageSender, senderMay } from './senders';

/** One handler per message the background sends into tabs; the type checker asks for each. */
export type BackgroundMessageHandlers = { [T in ToContent]: (message: RequestFor<T>) => void };

/**
 * The listener `listenToBackground` registers, apart so it can be driven directly: it calls the handler
 * of a well-formed message from this extension's background and ignores anything else.
 */
export function backgroundMessageListener(
  handlers: BackgroundMessageHandlers,
  runtimeId: string,
  extensionOrigin: string,
): (message: unknown, sender: MessageSender) => void {
  return (message, sender) => {
    if (!senderMay('background', sender, runtimeId, extensionOrigin)) return;
    if (!isRecord(message) || typeof message.type !== 'string' || !Object.hasOwn(handlers, message.type))
      return;
    const type = message.type as ToContent;
    handlers[type](message as RequestFor<typeof type>);
  };
}

/** Listens for the background's messages into this tab; returns the function that stops listening. */
export function listenToBackground(handlers: BackgroundMessageHandlers): () => void {
  const listener = backgroundMessageListener(handlers, browser.runtime.id, browser.runtime.getURL('/'));
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
