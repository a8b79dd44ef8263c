/**
 * Inline-script data that is JavaScript, not JSON. A content script runs in an isolated world and
 * cannot see `window.runParams`, `pageConfig` or `TShop`, but the inline script that assigns them is
 * DOM, so its source text can be read and parsed:
 * - JD `var pageConfig = { product: { skuid: 100…, name: '…', cat: [1,2,3], isPop:!1 } }` (unquoted
 *   keys, single quotes, minified booleans);
 * - Taobao `g_config = { shopName:'\u…', startTime: +new Date }` (an expression: parsing fails, so
 *   callers read the scalar they need with `jsField`);
 * - Tmall `TShop.Setup({…})`, AliExpress `window.runParams = { data: {…} }`, Temu `window.rawData=`;
 * - Taobao's order list `var data = JSON.parse('{\"mainOrders\":…}')` (a string literal holding JSON).
 * Nothing here evaluates code.
 */
import { isRecord } from '../is-record';
import { parseJsonLenient } from './lenient-json';

type Obj = Record<string, unknown>;

/**
 * Tokens that differ between a JS literal and JSON: strings (either quote), comments, numbers (so that
 * `1e5` is not read as an identifier), `!0`/`!1`, and identifiers (a key when a colon follows).
 */
const TOKEN =
  /"((?:\\.|[^"\\])*)"|'((?:\\.|[^'\\])*)'|\/\/[^\n]*|\/\*[\s\S]*?\*\/|\d[\w.]*|!([01])\b|([A-Za-z_$][\w$]*)(\s*:)?/g;

/** The body of a JS string literal as the body of a JSON string (`\'` and `\x41` are not JSON). */
function jsonBody(body: string): string {
  return body
    .replace(/\\'/g, "'")
    .replace(/\\?"/g, '\\"')
    .replace(/\\x([\da-f]{2})/gi, '\\u00$1');
}

/** Parses a JS object/array literal as data, or undefined. Identifiers other than literals become null. */
export function parseJsLiteral(source: string): unknown {
  const json = source.replace(
    TOKEN,
    (m, dq?: string, sq?: string, not?: string, id?: string, colon?: string) => {
      if (dq !== undefined || sq !== undefined) return `"${jsonBody(dq ?? sq ?? '')}"`;
      if (m[0] === '/') return '';
      if (not) return not === '0' ? 'true' : 'false';
      if (!id) return m;
      if (colon) return `"${id}"${colon}`;
      return /^(?:true|false|null)$/.test(id) ? id : 'null';
    },
  );
  return parseJsonLenient(json);
}

/** The value of a JS string literal (`'{\"a\":1}'`), or null when it does not parse. */
function stringValue(literal: string): string | null {
  const v = parseJsonLenient(`"${jsonBody(literal.slice(1, -1))}"`);
  return typeof v === 'string' ? v : null;
}

/**
 * The literal that follows `marker` in `text`: a balanced `{…}`/`[…]`, or a string literal (returned
 * decoded). Skips `=`, `(` and whitespace between them.
 */
export function literalAfter(text: string, marker: RegExp): string | null {
  const m = marker.exec(text);
  if (!m) return null;
  let i = m.index + m[0].length;
  while (/[\s=(]/.test(text[i] ?? '')) i++;
  const open = text[i];
  let depth = 0;
  let quote = '';
  for (let j = i; j < text.length; j++) {
    const c = text[j];
    if (quote) {
      if (c === '\\') j++;
      else if (c === quote) {
        quote = '';
        if (depth === 0) return stringValue(text.slice(i, j + 1));
      }
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '/' && (text[j + 1] === '/' || text[j + 1] === '*')) {
      // A comment may hold a brace; `//` inside strings never gets here.
      const end = text.indexOf(text[j + 1] === '/' ? '\n' : '*/', j + 2);
      j = end < 0 ? text.length : end;
    } else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return text.slice(i, j + 1);
    }
    if (depth === 0 && !quote && open !== '"' && open !== "'") return null;
  }
  return null;
}

/** Text of the first inline script matching `marker`. */
export function scriptText(doc: Document, marker: RegExp): string | null {
  for (const script of Array.from(doc.querySelectorAll('script:not([src])'))) {
    const text = script.textContent ?? '';
    if (marker.test(text)) return text;
  }
  return null;
}

/** The object literal assigned or passed after `marker` in the page's inline scripts, parsed, or null. */
export function scriptObject(doc: Document, marker: RegExp): Obj | null {
  const text = scriptText(doc, marker);
  const literal = text === null ? null : literalAfter(text, marker);
  const v =
    literal === null ? undefined : literal[0] === '{' ? parseJsLiteral(literal) : parseJsonLenient(literal);
  return isRecord(v) ? v : null;
}

/** A scalar `key: 'value'` / `key: 123` in script text, for literals that hold expressions. */
export function jsField(text: string | null, key: string): string | null {
  const m = new RegExp(
    `[{,\\s]${key}\\s*:\\s*(?:'((?:\\\\.|[^'\\\\])*)'|"((?:\\\\.|[^"\\\\])*)"|(\\d+))`,
  ).exec(text ?? '');
  if (!m) return null;
  return m[3] ?? stringValue(`'${m[1] ?? m[2] ?? ''}'`);
}

/** The first value under `key` anywhere in `v` (depth-first, in key order), or undefined. */
export function dig(v: unknown, key: string, depth = 0): unknown {
  if (depth > 10 || typeof v !== 'object' || v === null) return undefined;
  if (!Array.isArray(v) && key in v) return (v as Obj)[key];
  for (const x of Object.values(v)) {
    const found = dig(x, key, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}
