/**
 * Counts, ages and lists in the words a shopper reads ("1 recall", "9,969 recalls", "5 minutes ago",
 * "CPSC and openFDA"), for the extension pages. English only until the pages move to `_locales`, whose
 * plural forms will replace `count`; the pages are the only callers, so the content script never pays for
 * the Intl data these load.
 */

const NUMBER = new Intl.NumberFormat('en-US');
const PLURAL = new Intl.PluralRules('en-US');
const LIST = new Intl.ListFormat('en-US', { style: 'long', type: 'conjunction' });

/** "1 recall", "0 recalls", "9,969 recalls". */
export function count(n: number, one: string, other: string): string {
  return `${NUMBER.format(n)} ${PLURAL.select(n) === 'one' ? one : other}`;
}

/** "CPSC", "CPSC and openFDA", "CPSC, openFDA, and ACCC". */
export function wordList(items: readonly string[]): string {
  return LIST.format(items);
}

const MINUTE = 60_000;

/** "just now", "1 minute ago", "5 hours ago", "3 days ago"; a time in the future reads "just now". */
export function timeAgo(iso: string, now: Date = new Date()): string {
  const minutes = Math.max(0, Math.round((now.getTime() - Date.parse(iso)) / MINUTE));
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${count(minutes, 'minute', 'minutes')} ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${count(hours, 'hour', 'hours')} ago`;
  return `${count(Math.round(hours / 24), 'day', 'days')} ago`;
}
