/**
 * Vitest setup: the fake `browser` WXT gives tests has no `i18n.getMessage`, so this one answers from
 * the English messages (utils/locales/en.yml, compiled the way the build compiles them into _locales),
 * with Chrome's substitutions ($1 … $9). Code under test then speaks English, as the default locale does.
 */
import path from 'node:path';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { fakeBrowser } from 'wxt/testing/fake-browser';

const EN = path.resolve(import.meta.dirname, '../../utils/locales/en.yml');
const messages = generateChromeMessages(await parseMessagesFile(EN));

/** Chrome's rules: `$1`…`$9` are the substitutions, named `$name$` placeholders point at them, `$$` is `$`. */
export function chromeMessage(key: string, substitutions: string[] = []): string {
  const entry = messages[key];
  if (!entry) return '';
  const sub = (n: string) => substitutions[Number(n) - 1] ?? '';
  let text = entry.message.replace(/\$([a-z0-9_]+)\$/gi, (whole, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? entry.placeholders?.[name]?.content;
    return content ?? whole;
  });
  text = text.replace(/\$\$|\$([1-9])/g, (_whole, n?: string) => (n ? sub(n) : '$'));
  return text;
}

fakeBrowser.i18n.getMessage = ((key: string, subs?: string | string[]) =>
  chromeMessage(key, typeof subs === 'string' ? [subs] : (subs ?? []))) as typeof fakeBrowser.i18n.getMessage;
fakeBrowser.i18n.getUILanguage = () => 'en';
