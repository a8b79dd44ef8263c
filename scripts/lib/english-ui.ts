/**
 * Imported first by Node entry points that print UI words (the CLI): gives `@wxt-dev/i18n`, which reads
 * `globalThis.chrome` when it is first imported, an English `i18n.getMessage`. Must be evaluated before
 * anything that imports utils/i18n.ts, hence a module of its own, imported before all others.
 */
import { getMessageFor, loadMessages } from './ui-messages';

const getMessage = getMessageFor(await loadMessages('en'));
const scope = globalThis as { chrome?: { i18n?: unknown } };
scope.chrome = { ...scope.chrome, i18n: { getMessage, getUILanguage: () => 'en' } };
