/**
 * Counts in the banner's words: "1 recall", "2 recalls", never "1 recalls". English only until the
 * banner moves to `_locales`; kept to a comparison so the content scripts carry no Intl plural data.
 */
export function plural(n: number, one: string, other: string): string {
  return `${n} ${n === 1 ? one : other}`;
}

/** "has" for one, "have" for more: "1 of 5 items in your cart has a recall". */
export const hasOrHave = (n: number): string => (n === 1 ? 'has' : 'have');
