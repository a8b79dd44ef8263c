/**
 * The extension's UI messages (utils/locales/*.yml) answered in Node the way the browser answers
 * `i18n.getMessage`: compiled as the build compiles them into _locales, with Chrome's substitution rules.
 * The CLI installs English (its reports and evidence sentences speak it); the unit tests install English
 * by default and switch to Chinese to test the other language.
 */
import path from 'node:path';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';

export type UiLanguage = 'en' | 'zh_CN';

type ChromeMessages = ReturnType<typeof generateChromeMessages>;

const LOCALES = path.resolve(import.meta.dirname, '../../utils/locales');

export async function loadMessages(language: UiLanguage): Promise<ChromeMessages> {
  return generateChromeMessages(await parseMessagesFile(path.join(LOCALES, `${language}.yml`)));
}

/** Chrome's rules: `$1`…`$9` are the substitutions, named `$name$` placeholders point at them, `$$` is `$`. */
export function chromeMessage(messages: ChromeMessages, key: string, substitutions: string[] = []): string {
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

/** A `getMessage` over one language's messages. */
export function getMessageFor(messages: ChromeMessages) {
  return (key: string, substitutions?: string | string[]): string =>
    chromeMessage(messages, key, typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []));
}
