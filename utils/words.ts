/**
 * Numbers, ages and lists in the words a shopper reads ("9,969", "5 minutes ago", "CPSC and openFDA"),
 * in the UI's language, for the extension pages. The pages are the only callers, so the content script
 * never pays for the Intl data these load.
 */
import { i18n, uiLanguage as uiLocale } from './ui-language/i18n';

/** "9,969" in English, "9,969" in Chinese too, "9 969" where a language groups so. */
export function formatNumber(n: number): string {
  return new Intl.NumberFormat(uiLocale()).format(n);
}

/** "CPSC", "CPSC and openFDA", "CPSC, openFDA, and ACCC"; "CPSC和openFDA" in Chinese. */
export function wordList(items: readonly string[]): string {
  return new Intl.ListFormat(uiLocale(), { style: 'long', type: 'conjunction' }).format(items);
}

const MINUTE = 60_000;

/** "just now", "1 minute ago", "5 hours ago", "3 days ago"; a time in the future reads "just now". */
export function timeAgo(iso: string, now: Date = new Date()): string {
  const minutes = Math.max(0, Math.round((now.getTime() - Date.parse(iso)) / MINUTE));
  if (minutes < 1) return i18n.t('words.justNow');
  if (minutes < 60) return i18n.t('words.minutesAgo', minutes, [formatNumber(minutes)]);
  const hours = Math.round(minutes / 60);
  if (hours < 48) return i18n.t('words.hoursAgo', hours, [formatNumber(hours)]);
  const days = Math.round(hours / 24);
  return i18n.t('words.daysAgo', days, [formatNumber(days)]);
}
