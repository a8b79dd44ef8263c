/**
 * Embedded page data read from inline script TEXT, so an isolated-world content script needs no page
 * access: it cannot see the page's `window` variables, but the scripts that assign them are DOM.
 * Generic: no marketplace knowledge lives here.
 *
 * Exports:
 * - `scriptText(doc, marker)`: text of the first inline `<script>` containing `marker`.
 * - `sliceLiteral(text, from)`: the balanced `{…}`/`[…]` literal starting at or after index `from`
 *   (string-aware, so braces inside strings do not count), or null.
 * - `literalsAfter(text, marker)`: every literal that follows an occurrence of `marker`
 *   (`window.__APOLLO_STATE__ = {…}`, each `.push({…})` of a streamed payload), parsed leniently.
 * - `jsonParseArgument(text, marker)`: the payload of `JSON.parse("…escaped JSON…")` after `marker`
 *   (Target's `__TGT_DATA__`): the JS string literal is unescaped, then parsed.
 * - `elementJson(doc, selector)`: the JSON of a `<script type="application/json">` such as
 *   `#__NEXT_DATA__`.
 * - `at(value, ...path)`: a safe deep getter over parsed JSON (keys and array indexes).
 * - `findDeep(value, test)`: the first object, depth-first, for which `test` is true (bounded depth).
 * Every function returns undefined/null on malformed input; none throws.
 */
import { parseJsonLenient } from './lenient-json';

type Obj = Record<string, unknown>;

export function scriptText(doc: Document, marker: string): string | null {
  for (const s of Array.from(doc.querySelectorAll('script:not([src])'))) {
    const t = s.textContent ?? '';
    if (t.includes(marker)) return t;
  }
  return null;
}

export function sliceLiteral(text: string, from: number): string | null {
  let i = from;
  while (i < text.length && text[i] !== '{' && text[i] !== '[') i++;
  let depth = 0;
  let quote = '';
  for (let j = i; j < text.length; j++) {
    const c = text[j];
    if (quote) {
      if (c === '\\') j++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '{' || c === '[') depth++;
    else if ((c === '}' || c === ']') && --depth === 0) return text.slice(i, j + 1);
  }
  return null;
}

export function literalsAfter(text: string, marker: string): unknown[] {
  const out: unknown[] = [];
  for (let i = text.indexOf(marker); i >= 0; i = text.indexOf(marker, i + 1)) {
    const literal = sliceLiteral(text, i + marker.length);
    const parsed = literal ? parseJsonLenient(literal) : undefined;
    if (parsed !== undefined) out.push(parsed);
  }
  return out;
}

export function jsonParseArgument(text: string, marker: string): unknown {
  const start = text.indexOf(marker);
  if (start < 0) return undefined;
  const m = /JSON\.parse\(\s*(["'])/.exec(text.slice(start));
  if (!m?.[1]) return undefined;
  const quote = m[1];
  const open = start + m.index + m[0].length;
  let end = open;
  while (end < text.length && text[end] !== quote) end += text[end] === '\\' ? 2 : 1;
  // A JS string literal is JSON once `\'` and `\xHH`, which JSON lacks, are rewritten.
  const body = text
    .slice(open, end)
    .replace(/\\(x([0-9a-fA-F]{2})|'|\\)/g, (all, e: string, hex?: string) =>
      hex ? `\\u00${hex}` : e === "'" ? "'" : all,
    );
  try {
    return JSON.parse(JSON.parse(`"${body.replace(/(^|[^\\])((?:\\\\)*)"/g, '$1$2\\"')}"`));
  } catch {
    return undefined;
  }
}

export function elementJson(doc: Document, selector: string): unknown {
  const text = doc.querySelector(selector)?.textContent;
  return text ? parseJsonLenient(text) : undefined;
}

export function at(value: unknown, ...path: Array<string | number>): unknown {
  let v = value;
  for (const key of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Obj)[key];
  }
  return v;
}

export function findDeep(value: unknown, test: (o: Obj) => boolean, depth = 0): Obj | undefined {
  if (typeof value !== 'object' || value === null || depth > 40) return undefined;
  if (!Array.isArray(value) && test(value as Obj)) return value as Obj;
  for (const child of Object.values(value)) {
    const hit = findDeep(child, test, depth + 1);
    if (hit) return hit;
  }
  return undefined;
}
