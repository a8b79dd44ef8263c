/**
 * The warning's words handed over by the background (utils/ui-language/page-messages.ts) must read
 * exactly as Chrome would word them on the page, in every language we ship, and cover every message the
 * content scripts use (a missed one would still be asked of Chrome: slower, and the test says which).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromeMessage, loadMessages } from '../../scripts/lib/ui-messages';
import {
  answeringFrom,
  fillTemplate,
  isPageMessage,
  pageMessageTemplates,
} from '../../utils/ui-language/page-messages';
import { bundledFiles, contentEntries, ROOT } from '../support/bundle-graph';

const SUBSTITUTIONS = ['one', '2', 'three $1', '$$', 'five', 'six', 'seven', 'eight', 'nine'];

describe('the messages a warning is worded with, handed to the page', () => {
  for (const language of ['en', 'zh_CN'] as const) {
    it(`reads as Chrome words each of them, with and without substitutions (${language})`, async () => {
      const messages = await loadMessages(language);
      const keys = Object.keys(messages);
      const templates = pageMessageTemplates(keys, (key, subs) => chromeMessage(messages, key, subs));
      expect(Object.keys(templates).length).toBeGreaterThan(50);
      for (const [key, template] of Object.entries(templates)) {
        for (const subs of [SUBSTITUTIONS, SUBSTITUTIONS.slice(0, 1), []]) {
          expect(fillTemplate(template, subs), key).toBe(chromeMessage(messages, key, subs));
        }
        expect(fillTemplate(template, 'alone'), key).toBe(chromeMessage(messages, key, ['alone']));
      }
    });
  }

  it('answers the keys it holds and asks Chrome for any other', () => {
    const asked: string[] = [];
    const getMessage = answeringFrom({ banner_units: 'Units: $1' }, (key) => {
      asked.push(key);
      return `chrome:${key}`;
    });
    expect(getMessage('banner_units', ['about 1,200'])).toBe('Units: about 1,200');
    expect(getMessage('options_title')).toBe('chrome:options_title');
    expect(getMessage('constructor')).toBe('chrome:constructor');
    expect(asked).toEqual(['options_title', 'constructor']);
  });

  it('covers every message key the content scripts name', async () => {
    const known = new Set(Object.keys(await loadMessages('en')));
    const { files } = await bundledFiles(contentEntries());
    const named = new Set<string>();
    for (const file of files.filter((f) => /\.tsx?$/.test(f))) {
      const source = readFileSync(path.join(ROOT, file), 'utf8');
      // Literal keys ('banner.tag') and keys built from a group (`explain.${…}`).
      for (const [, key] of source.matchAll(/['"`]([a-z][A-Za-z]*\.[A-Za-z0-9]+)['"`]/g))
        if (known.has((key as string).replace('.', '_'))) named.add((key as string).replace('.', '_'));
      for (const [, group] of source.matchAll(/`([a-z][A-Za-z]*)\.\$\{/g))
        if ([...known].some((k) => k.startsWith(`${group}_`))) named.add(`${group}_*`);
    }
    expect(named.size).toBeGreaterThan(20);
    expect([...named].filter((key) => !isPageMessage(key.replace('*', 'x')))).toEqual([]);
  });
});
