/** Lot, batch and date codes mined from prose (see text-mining.ts for the rules all miners follow). */

import { forMining } from './mining-limit';
import { LIST_SEPARATOR } from './model-mining';
import { findTableHeaders, type TableHeader } from './table-mining';
import type { MinedAt } from './text-mining';

export interface MinedLot extends MinedAt {
  /** As printed: "2305A", "I0-2501515", or a range "2605 through 2609". */
  value: string;
  kind: 'lot' | 'batch' | 'date-code';
  /** The ends of a printed range, else null. */
  from: string | null;
  to: string | null;
}

const LOT_LABEL =
  /\b(?:(lot|batch)(?:e?s)?(?:\s*(?:numbers?|nos?\.|no\b|#|codes?))?|(date|production)\s+codes?)\s*(?:[:：]\s*|\b(?:is|are)\s+)?/gi;
const LOT_TOKEN = /^["“]?([A-Za-z0-9](?:[A-Za-z0-9./-]*[A-Za-z0-9])?)/;
const LOT_RANGE = /^\s*(?:through|thru|to|until|[–—-])\s*["“]?([A-Za-z0-9](?:[A-Za-z0-9./-]*[A-Za-z0-9])?)/i;

/** A code has a digit, is not a word, and is longer than a count ("parking lot 5" names no lot). */
function isLotValue(token: string): boolean {
  return /\d/.test(token) && !/[a-z]{3,}/.test(token) && token.length >= 3 && token.length <= 30;
}

/**
 * Lot, batch and date codes: "lot numbers 2305A and 2306B", "date codes 2605 through 2609", "batch
 * number I0-2501515", "Date Code: 06/15/23CH1". A label inside a table header ("... Description Date Code
 * TRX113 ...") is skipped: the value after it is the first row's model, not a date code.
 */
export function mineLots(input: string, origin = 'text'): MinedLot[] {
  const text = forMining(input);
  // Read only when a label is found: most texts name no lot.
  let headers: readonly TableHeader[] | null = null;
  const out: MinedLot[] = [];
  const seen = new Set<string>();
  for (const label of text.matchAll(LOT_LABEL)) {
    headers ??= findTableHeaders(text);
    if (headers.some((h) => label.index >= h.start && label.index < h.end)) continue;
    const word = (label[1] ?? label[2] ?? '').toLowerCase();
    const kind: MinedLot['kind'] = word === 'lot' ? 'lot' : word === 'batch' ? 'batch' : 'date-code';
    let at = label.index + label[0].length;
    for (;;) {
      const token = LOT_TOKEN.exec(text.slice(at));
      if (!token?.[1] || !isLotValue(token[1])) break;
      const start = at + token[0].length - token[1].length;
      let end = at + token[0].length;
      let to: string | null = null;
      const range = LOT_RANGE.exec(text.slice(end));
      if (range?.[1] && isLotValue(range[1])) {
        to = range[1];
        end += range[0].length;
      }
      const value = text.slice(start, end);
      if (!seen.has(value)) {
        seen.add(value);
        out.push({ value, kind, from: to ? token[1] : null, to, origin, index: start });
      }
      at = end;
      const separator = LIST_SEPARATOR.exec(text.slice(at));
      if (!separator) break;
      at += separator[0].length;
    }
  }
  return out.sort((a, b) => a.index - b.index);
}
