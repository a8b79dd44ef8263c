/**
 * The only place this extension sends a message (a source scan in tests/unit/messaging.test.ts holds
 * every other module to it): `send` to the background, typed by the table in utils/messaging.ts. It imports that table's types only, so
 * it carries no zod: content scripts stay in their bundle budget and take the background's answer as it
 * comes, typed but unparsed (the background is our own code and parses what it receives). Extension pages,
 * which can afford zod, go through ./ask.ts, which parses the answer.
 */
import { browser } from 'wxt/browser';
import type { ErrorResponse, RequestFor, ResponseFor, ToBackground } from '../messaging';

/** A request without its `type`, which `send` takes as its first argument. */
export type Payload<T extends ToBackground> = Omit<RequestFor<T>, 'type'>;
/** The payload argument, left out for messages that carry nothing but their type. */
export type PayloadArgs<T extends ToBackground> =
  // biome-ignore lint/complexity/noBannedTypes: `{}` is exactly "a payload with no fields" here.
  {} extends Payload<T> ? [payload?: Payload<T>] : [payload: Payload<T>];

/**
 * Sends a request to the background: `send('lookup', { page, identities })`. Rejects when nothing
 * answers (the background restarting, the extension updated); a missing answer becomes an error.
 */
export async function send<T extends ToBackground>(
  type: T,
  ...[payload]: PayloadArgs<T>
): Promise<ResponseFor<T> | ErrorResponse> {
  const answer: unknown = await browser.runtime.sendMessage({ type, ...payload });
  return (answer ?? { ok: false, error: 'no answer' }) as ResponseFor<T> | ErrorResponse;
}
