/**
 * The UI's messages for code that also runs in Node (explain.ts, which the CLI and the audit's exports
 * use too): the same `createI18n` that `#i18n` gives the pages, imported by package name because the
 * `#i18n` alias exists only inside WXT's build. The type import is erased. In Node the CLI answers
 * `getMessage` from the English messages (scripts/lib/english-ui.ts).
 */
import { createI18n } from '@wxt-dev/i18n';
import { browser } from 'wxt/browser';
import type { GeneratedI18nStructure } from '#i18n';

export const i18n = createI18n<GeneratedI18nStructure>();

/**
 * The browser's UI language as a BCP 47 tag ("zh-CN"), for Intl formats; English where there is none.
 * Not `@@ui_locale`: Chromium on Linux answers that from the process locale ("en_US") even when the UI,
 * and so the extension's messages, are Chinese.
 */
export function uiLanguage(): string {
  return browser.i18n?.getUILanguage?.() || 'en';
}
