/**
 * The UI messages a shopping page's warning is worded with, handed to the content script by the
 * background together with the warning, so that the page never asks Chrome for them.
 *
 * Why: the first `i18n.getMessage` in a page is a synchronous IPC to the browser for the extension's
 * message bundle. On the 1 MB Amazon page it took 7.9 ms median (`npx vite-node
 * tests/bench/round-trip-bench.ts`, an instrumented build): the page's main thread blocked and the
 * banner waiting, more than half of the banner's render phase (issue 14's 30 ms budget). The service
 * worker already holds the bundle; it words each message with `$1`…`$9` standing in for the
 * substitutions, and the content script answers `getMessage` from those templates. A key not sent
 * still goes to Chrome, so a message missed here is slower, never wrong.
 */
import { browser } from '@wxt-dev/browser';

/** The message groups (`banner.*`, …) a content script words the warning with. */
export const PAGE_MESSAGE_GROUPS = ['banner', 'explain', 'place', 'recalledWhere'] as const;
/** Single messages of other groups it uses. */
export const PAGE_MESSAGE_KEYS = ['report.bannerLink'] as const;

/** Chrome takes at most nine substitutions; each one's own marker comes back where it goes. */
const MARKERS = ['$1', '$2', '$3', '$4', '$5', '$6', '$7', '$8', '$9'];

/** Whether `key` (as Chrome names it: `banner_tag`) is one of the page's messages. */
export function isPageMessage(key: string): boolean {
  return (
    PAGE_MESSAGE_GROUPS.some((group) => key.startsWith(`${group}_`)) ||
    PAGE_MESSAGE_KEYS.some((k) => k.replace('.', '_') === key)
  );
}

/** The page's messages among `keys`, each worded by `getMessage` with its substitutions left as `$1`…`$9`. */
export function pageMessageTemplates(
  keys: readonly string[],
  getMessage: (key: string, substitutions: string[]) => string,
): Record<string, string> {
  const templates: Record<string, string> = {};
  for (const key of keys) if (isPageMessage(key)) templates[key] = getMessage(key, MARKERS);
  return templates;
}

/** A template's `$1`…`$9` replaced by the substitutions, missing ones by nothing, as Chrome does. */
export function fillTemplate(template: string, substitutions?: string | string[]): string {
  const list =
    substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  return template.replace(/\$([1-9])/g, (_whole, n: string) => list[Number(n) - 1] ?? '');
}

/**
 * In the background: the page's messages in the UI language. Their keys are read from the default
 * locale's messages.json in the package (every message is there; Chrome picks the UI language's
 * wording when asked).
 */
export async function loadPageTemplates(): Promise<Record<string, string>> {
  const response = await fetch(browser.runtime.getURL('/_locales/en/messages.json'));
  const keys = Object.keys((await response.json()) as Record<string, unknown>);
  return pageMessageTemplates(keys, (key, substitutions) => browser.i18n.getMessage(key, substitutions));
}

type GetMessage = (key: string, substitutions?: string | string[]) => string;

/** A `getMessage` answering from `templates`, and asking `ask` (Chrome) for any other key. */
export function answeringFrom(templates: Readonly<Record<string, string>>, ask: GetMessage): GetMessage {
  return (key, substitutions) => {
    const template = Object.hasOwn(templates, key) ? templates[key] : undefined;
    return template === undefined ? ask(key, substitutions) : fillTemplate(template, substitutions);
  };
}

let installed: Record<string, string> | null = null;

/** Whether this content script holds the messages already (its later lookups need not carry them). */
export const holdsTemplates = (): boolean => installed !== null;

/**
 * In the content script: answers `getMessage` from `received` from now on. The API object replaced is
 * the content script's own, in its isolated world: the page cannot see it.
 */
export function answerFromTemplates(received: Record<string, string>): void {
  if (installed) {
    Object.assign(installed, received);
    return;
  }
  installed = { ...received };
  const api = browser.i18n;
  api.getMessage = answeringFrom(installed, api.getMessage.bind(api)) as typeof api.getMessage;
}
