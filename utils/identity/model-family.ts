/**
 * Model families. A notice sometimes names a run of models rather than each one: "BSFIREPIT01–03",
 * "TRX110 through TRX113", "models beginning with TRX1". A family is matched as a range or a prefix only
 * when the printed value says so in words or with a range dash; anything else is one model. A plain
 * hyphen is never read as a range, because "KB-TS100" and "HX200-05" are single model numbers.
 *
 * Families are read at match time from the strings a mapper already stored (`RecallProduct.models` and
 * the model identifiers). Feeds that drop a family phrase (the CPSC mapper skips "beginning with" so it
 * is never matched exactly) need a field to carry it; until then those families cannot be matched.
 */
import { isDistinctiveModel, modelKey } from './model';

export interface ModelRange {
  kind: 'range';
  /** The value as the notice printed it. */
  printed: string;
  /** Model keys of every member, first to last. */
  members: string[];
}

export interface ModelPrefix {
  kind: 'prefix';
  printed: string;
  /** The model key every member starts with. */
  prefix: string;
}

export type ModelFamily = ModelRange | ModelPrefix;

/** A notice that spans more models than this lists a product line, not a family it means to enumerate. */
const MAX_RANGE_MEMBERS = 50;

/**
 * What says "up to and including" between two model numbers: an en or em dash, a tilde, or a word
 * ("to", "through", "thru", 至, 到). Never a plain hyphen.
 */
const RANGE_SPLIT = /^(.+?)\s*(?:[–—~〜～]|\s(?:to|through|thru)\s|至|到)\s*(.+)$/i;
/** A model number ending in digits: the stem (with a letter in it) and the number. */
const STEM_AND_NUMBER = /^(.*\p{L}[^\d]*)(\d+)$/u;

/**
 * Phrases that introduce a prefix, in the languages our feeds print: "models beginning with TRX1",
 * "model numbers starting with HX7", "modèles commençant par", "beginnend mit", 型号以 TRX1 开头.
 */
const PREFIX_PHRASES: RegExp[] = [
  /^(?:all\s+)?(?:(?:models?|model\s+numbers?|items?|item\s+numbers?)\s+)?(?:that\s+)?(?:begin(?:s|ning)?|start(?:s|ing)?)\s+with\s+(?:the\s+(?:letters?|characters?|prefix)\s+)?["“'‘]?([A-Za-z0-9][A-Za-z0-9.-]*?)["”'’]?\s*$/i,
  /^(?:tous\s+les\s+)?(?:mod[eè]les?\s+)?(?:commen[cç]ant|d[ée]butant)\s+par\s+["“«]?\s*([A-Za-z0-9][A-Za-z0-9.-]*?)\s*["”»]?$/i,
  /^(?:alle\s+)?(?:modelle\s+)?(?:beginnend|anfangend)\s+mit\s+["„“]?([A-Za-z0-9][A-Za-z0-9.-]*?)["“”]?$/i,
  /^(?:型号)?以\s*([A-Za-z0-9][A-Za-z0-9.-]*?)\s*(?:开头|開頭|打头)(?:的(?:所有)?(?:型号|产品|產品))?$/,
  // A trailing asterisk is the wildcard notices and spreadsheets use: "HX7*".
  /^([A-Za-z0-9][A-Za-z0-9.-]*[A-Za-z0-9])\s?\*$/,
];

/**
 * A prefix must hold a letter and a digit and be at least 3 characters: "TRX1" and "HX7" narrow the
 * field to one maker's line, "TRX" or "7" would claim every model that happens to start that way.
 */
function isUsablePrefix(key: string): boolean {
  return key.length >= 3 && /\p{L}/u.test(key) && /\d/.test(key);
}

function readRange(printed: string): ModelRange | null {
  const split = RANGE_SPLIT.exec(printed.normalize('NFKC').trim());
  if (!split) return null;
  const first = STEM_AND_NUMBER.exec(split[1] ?? '');
  const [, stem = '', fromDigits = ''] = first ?? [];
  const last = /^(.*?)(\d+)$/.exec(split[2] ?? '');
  if (!first || !last) return null;
  const [, endStem = '', toDigits = ''] = last;
  // "TRX110 through TRX113" repeats the stem; a different stem ("AB10 to CD20") is two models, not a run.
  if (endStem !== '' && modelKey(endStem) !== modelKey(stem)) return null;
  // A short tail replaces the last digits of the first number: "110–13" ends at 113, "01–03" at 03.
  const lastDigits =
    toDigits.length < fromDigits.length
      ? fromDigits.slice(0, fromDigits.length - toDigits.length) + toDigits
      : toDigits;
  if (lastDigits.length !== fromDigits.length) return null;
  const from = Number(fromDigits);
  const to = Number(lastDigits);
  if (!(to > from) || to - from + 1 > MAX_RANGE_MEMBERS) return null;
  const members: string[] = [];
  for (let n = from; n <= to; n++) {
    const member = `${stem}${String(n).padStart(fromDigits.length, '0')}`;
    if (!isDistinctiveModel(member)) return null;
    members.push(modelKey(member));
  }
  return { kind: 'range', printed, members };
}

function readPrefix(printed: string): ModelPrefix | null {
  const text = printed.normalize('NFKC').trim();
  for (const re of PREFIX_PHRASES) {
    const value = re.exec(text)?.[1];
    if (value === undefined) continue;
    const prefix = modelKey(value);
    return isUsablePrefix(prefix) ? { kind: 'prefix', printed, prefix } : null;
  }
  return null;
}

/** The family a printed model value spells, or null when it is a single model (or nothing usable). */
export function readModelFamily(printed: string): ModelFamily | null {
  return readRange(printed) ?? readPrefix(printed);
}

/** True when the printed value spells a family, so it must not also be compared as one model. */
export function isModelFamily(printed: string): boolean {
  return readModelFamily(printed) !== null;
}

/** Whether a page model (by key) belongs to the family: a listed member, or a longer model with the prefix. */
export function inModelFamily(pageModelKey: string, family: ModelFamily): boolean {
  if (family.kind === 'range') return family.members.includes(pageModelKey);
  return pageModelKey.length > family.prefix.length && pageModelKey.startsWith(family.prefix);
}
