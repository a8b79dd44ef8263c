/**
 * Extension pages (popup, options) asking the background: `send` plus a parse of the answer with the
 * table's response schema, so a page works with checked data or a plain error, never an unchecked cast.
 * Apart from ./send.ts because it needs zod, which pages can afford and content scripts cannot.
 */
import { ErrorResponse, MESSAGES, type ResponseFor, type ToBackground } from '../messaging';
import { type PayloadArgs, send } from './send';

export async function ask<T extends ToBackground>(
  type: T,
  ...payload: PayloadArgs<T>
): Promise<ResponseFor<T> | ErrorResponse> {
  const answer: unknown = await send(type, ...payload);
  const failed = ErrorResponse.safeParse(answer);
  if (failed.success) return failed.data;
  const parsed = MESSAGES[type].response.safeParse(answer);
  if (!parsed.success)
    return {
      ok: false,
      error: `unexpected answer to ${type}: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
    };
  return parsed.data as ResponseFor<T>;
}
