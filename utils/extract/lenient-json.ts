/**
 * JSON as pages really write it: JSON-LD blocks and inline-script payloads with HTML comment or CDATA
 * wrappers, trailing commas, raw newlines inside strings, or several objects one after another. Kept
 * apart from the readers of structured data because the embedded-data readers (embedded-json.ts,
 * js-literal.ts) and some adapters parse with it too.
 */

/** Escapes raw control characters inside strings and drops trailing commas, outside strings only. */
function repairJson(text: string): string {
  let out = '';
  let inString = false;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
      else if (c === '\n') {
        out += '\\n';
        continue;
      } else if (c === '\r') {
        out += '\\r';
        continue;
      } else if (c === '\t') {
        out += '\\t';
        continue;
      } else if (c < ' ') continue;
      out += c;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === ',') {
      let j = i + 1;
      while (j < text.length && /\s/.test(text[j] as string)) j++;
      if (text[j] === '}' || text[j] === ']') continue;
    }
    out += c;
  }
  return out;
}

/** Splits concatenated top-level values (`{...}{...}` or `{...}\n{...}`) that some CMSes emit. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{' || c === '[') {
      if (depth === 0) start = i;
      depth++;
    } else if ((c === '}' || c === ']') && depth > 0) {
      depth--;
      if (depth === 0 && start >= 0) parts.push(text.slice(start, i + 1));
    }
  }
  return parts;
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Parses a JSON-LD block the way browsers' authors wrote it, not the way JSON is specified: HTML comment
 * and CDATA wrappers removed, trailing commas and raw newlines tolerated, concatenated objects returned
 * as an array. Returns undefined when nothing parses.
 */
export function parseJsonLenient(text: string): unknown {
  const cleaned = text
    .replace(/(?:\/\/\s*)?<!\[CDATA\[/g, '')
    .replace(/(?:\/\/\s*)?\]\]>/g, '')
    .replace(/<!--|-->/g, '')
    .trim()
    .replace(/;+$/, '');
  if (!cleaned) return undefined;
  const direct = tryParse(cleaned);
  if (direct !== undefined) return direct;
  const repaired = repairJson(cleaned);
  const fixed = tryParse(repaired);
  if (fixed !== undefined) return fixed;
  const parts = splitTopLevel(repaired)
    .map(tryParse)
    .filter((v) => v !== undefined);
  if (parts.length === 0) return undefined;
  return parts.length === 1 ? parts[0] : parts;
}
