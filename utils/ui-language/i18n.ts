/**
 * The UI's messages for code that also runs in Node (explain.ts, which the CLI and the audit's exports
 * use too): the same `createI18n` that `#i18n` gives the pages, imported by package name because the
 * `#i18n` alias exists only inside WXT's build. The type import is erased. In Node the CLI answers
 * `getMessage` from the English messages (scripts/lib/english-ui.ts).
 */
import { createI18n } from '@wxt-dev/i18n';
import type { GeneratedI18nStructure } from '#i18n';

export const i18n = createI18n<GeneratedI18nStructure>();
