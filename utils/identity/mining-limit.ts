/**
 * How much of one text a miner reads (issue 14, finding 6: a CPSC record with a 100 KB title took 19 s
 * to map, 288 s in CJK). Mining is bounded twice: every feed record's text fields are cut to this before
 * a mapper sees them (utils/feeds/lib/map-records.ts), and every miner cuts its input again, so no text
 * reaches a regex longer than this whatever path it took.
 *
 * Why 12,000 characters rather than a few KB: the longest real fields in ../shared/data are openFDA's
 * `code_info` (15,041 characters of lot codes) and CPSC descriptions of ~5,000; a cut of 4 KB would drop
 * real lot codes and models. With the miners' regexes linear (brand-mining.ts), 20,000 characters of any
 * alphabet mine in a few milliseconds (tests/unit/feeds/bounded-mining.test.ts). 12,000 is the cut model
 * mining already made (model-mining.ts MAX_MINED_TEXT); the brief's "a few KB" would drop real lot codes.
 */
export const MINE_MAX_CHARS = 12_000;

/**
 * How much of each string of a feed record a mapper sees: more than a miner reads, so a structured field
 * parsed without mining (openFDA's `code_info` lot list, 15,041 characters at most in the real data)
 * keeps all of it, while its prose mining stops at MINE_MAX_CHARS like model mining always did.
 */
export const RECORD_FIELD_MAX_CHARS = 16_384;

/** `text` cut to what a miner reads. */
export const forMining = (text: string): string =>
  text.length > MINE_MAX_CHARS ? text.slice(0, MINE_MAX_CHARS) : text;

/** HTML or XML around a text to mine, cut to what can hold MINE_MAX_CHARS of text (markup is most of a page). */
export const markupForMining = (markup: string): string =>
  markup.length > 4 * MINE_MAX_CHARS ? markup.slice(0, 4 * MINE_MAX_CHARS) : markup;

/** A record read from a feed with every string in it cut to RECORD_FIELD_MAX_CHARS (arrays and objects copied). */
export function boundedStrings(value: unknown, depth = 0): unknown {
  if (typeof value === 'string')
    return value.length > RECORD_FIELD_MAX_CHARS ? value.slice(0, RECORD_FIELD_MAX_CHARS) : value;
  if (depth > 32 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => boundedStrings(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value))
    Object.defineProperty(out, k, {
      value: boundedStrings(v, depth + 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return out;
}
