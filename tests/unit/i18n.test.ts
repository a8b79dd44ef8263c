/**
 * The two languages the UI speaks (utils/locales/en.yml, zh_CN.yml) as a convention: the same keys with
 * the same substitutions in both, every key used by the code, and every key the code uses defined. Keys
 * are written as literals (`i18n.t('watchlist.title')`) so that this test can find them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type ParsedMessage, parseMessagesFile } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const LOCALES = path.join(ROOT, 'utils/locales');
/** Used by the manifest (`__MSG_extName__`), not by code. (Keys starting with @@ are the browser's own.) */
const MANIFEST_KEYS = ['extName', 'extDescription'];

async function messages(locale: string): Promise<Map<string, ParsedMessage>> {
  const parsed = await parseMessagesFile(path.join(LOCALES, `${locale}.yml`));
  return new Map(parsed.map((m) => [m.key.join('.'), m]));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts'))
    .map((f) => path.join(ROOT, dir, f));
}

const code = ['utils', 'components', 'entrypoints'].flatMap(sourceFiles).map((f) => readFileSync(f, 'utf8'));
const usedKeys = new Set(
  code.flatMap((text) => [...text.matchAll(/\bi18n\.t\(\s*'([\w.]+)'/g)].map((m) => m[1] as string)),
);

const shape = (m: ParsedMessage) => ({
  substitutions: m.substitutions,
  plural: m.type === 'plural',
});

const en = await messages('en');
const zh = await messages('zh_CN');

describe('the UI languages', () => {
  it('are English and Simplified Chinese', () => {
    expect(readdirSync(LOCALES).sort()).toEqual(['en.yml', 'zh_CN.yml']);
  });

  it('have the same keys in both languages', () => {
    expect(
      [...zh.keys()].filter((k) => !en.has(k)),
      'keys only in zh_CN.yml',
    ).toEqual([]);
    expect(
      [...en.keys()].filter((k) => !zh.has(k)),
      'keys missing from zh_CN.yml',
    ).toEqual([]);
  });

  it('give each message the same substitutions and plural form in both languages', () => {
    const differ = [...en].filter(([k, m]) => {
      const other = zh.get(k);
      return other && JSON.stringify(shape(m)) !== JSON.stringify(shape(other));
    });
    expect(differ.map(([k]) => k)).toEqual([]);
  });

  it('define every key the code uses', () => {
    expect([...usedKeys].filter((k) => !en.has(k))).toEqual([]);
  });

  it('use every key they define', () => {
    const unused = [...en.keys()].filter(
      (k) => !usedKeys.has(k) && !MANIFEST_KEYS.includes(k) && !k.startsWith('@@'),
    );
    expect(unused, 'remove these from both locale files, or use them').toEqual([]);
  });

  it('never put two substitutions side by side, which the browser reads as a named placeholder and refuses to load', () => {
    // "$4$5" is "$4$" followed by "5" to Chrome: "Variable $4$ used but not defined", and no extension.
    const texts = (m: ParsedMessage) => (m.type === 'plural' ? Object.values(m.plurals) : [m.message]);
    const glued = [...en, ...zh].filter(([, m]) => texts(m).some((t) => /\$\d\$/.test(t)));
    expect(glued.map(([k, m]) => `${k}: ${texts(m).join(' | ')}`)).toEqual([]);
  });

  it('finds the keys the code uses (a scan that found none would pass the rules above vacuously)', () => {
    expect(usedKeys.size).toBeGreaterThan(10);
  });
});
