/**
 * Vitest setup: the fake `browser` WXT gives tests has no `i18n.getMessage`, so this one answers from
 * the UI messages (scripts/lib/ui-messages.ts, compiled the way the build compiles them into _locales).
 * Code under test speaks English, as the default locale does, unless a test calls `speak('zh_CN')`.
 */
import { afterEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getMessageFor, loadMessages, type UiLanguage } from '../../scripts/lib/ui-messages';

const messages = { en: await loadMessages('en'), zh_CN: await loadMessages('zh_CN') };

/** Speak a language until the test ends. */
export function speak(language: UiLanguage): void {
  fakeBrowser.i18n.getMessage = getMessageFor(messages[language]) as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getUILanguage = () => language.replace('_', '-');
}

speak('en');
afterEach(() => speak('en'));
