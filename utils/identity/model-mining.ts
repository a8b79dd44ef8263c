/**
 * Model numbers mined from a notice's text (see text-mining.ts for the rules all miners follow): after a
 * model label and in the lists that follow one, here; in flattened tables, by model-table-mining.ts.
 */
import { modelKey } from './model';
import {
  execAt,
  isListShape,
  isQuantity,
  isStrictModelShape,
  type MinedModel,
  pushModel,
} from './model-shapes';
import { gluedTableModels, tableModels } from './model-table-mining';

export type { MinedModel } from './model-shapes';

/**
 * Longest text a miner reads, per field: CPSC Descriptions run to ~6 KB with their tables (the longest of
 * 902 real notices is 5,793 characters); beyond that a field is not prose a person wrote for a notice.
 */
export const MAX_MINED_TEXT = 12_000;

/**
 * "model number", "Model No.:", "models", "model/item #", and item/style/SKU/part numbers when a
 * number word says so ("item number 593768", "ITEM NO. PG1045"; plain "item" is a common noun), or
 * "SKU" alone ("SKU 56879", "SKU: BHSTL24").
 */
const MODEL_LABEL =
  /\b(?:(models?)|(items?|styles?|skus?|parts?|catalog|product))(?:\s*\/\s*(?:models?|items?|styles?|skus?))?(\s*(?:numbers?|nos?\.|no\b|#|codes?))?\s*(?:[:：]\s*|\b(?:is|are)\s+)?/gi;
/**
 * Words between a label and its values: "model numbers affected by this recall are 2292112, ...",
 * "the following model numbers are included in this recall: LEDFHB90, ...", "models include ...".
 * Fixed phrases, each at least two characters, repeated a bounded number of times: linear.
 */
const LABEL_FILLER =
  /(?:(?:affected|covered|involved|included)\s+(?:by|in)\s+(?:this|the)\s+recall|in\s+(?:this|the)\s+recall|that\s+are|which\s+are|are|is|include[sd]?|including|such\s+as|as\s+follows|listed\s+below|below|the\s+following|as)(?![\p{L}\p{N}])[\s,:：]*/iuy;
/**
 * A clause ending in a colon after a label introduces its values: "model numbers are included in this
 * recall and can be found on the product packaging: 530-0024, ...". Lower-case words only (one character
 * class, bounded): a sentence that starts with a capital is not the label's clause.
 */
const COLON_CLAUSE = /[\p{Ll}\s,’']{1,120}:\s*/uy;
const PREFIX_PHRASE =
  /(?:that\s+)?(?:begin(?:s|ning)?|start(?:s|ing)?)\s+with\s+(?:the\s+(?:letters?|characters?|prefix)\s+)?/iy;
const SUFFIX_PHRASE = /(?:that\s+)?end(?:s|ing)?\s+(?:in|with)\b/iy;
/** A model-like token: letters, digits, inner dashes and dots. */
const TOKEN = /["“'‘]?([A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)/y;
/** Between list items: a parenthetical ("(UPC code 680079015930)"), then a comma, semicolon or "and". */
const LIST_PARENS = /(?:\s*\([^()]{0,160}\))*/y;
export const LIST_SEPARATOR = /^\s*(?:[,;&]|\band\b|\bor\b)(?:\s*(?:and|or)\b)?\s*/i;
const LIST_SEPARATOR_AT = /\s*(?:[,;&]|\s\/|\band\b|\bor\b)(?:\s*(?:and|or)\b)?\s*/iy;
/** A parenthetical that holds one model-shaped code: "(KY-318B)", "(6L-PC)". */
const PAREN_MODEL = /\s*\(([A-Z0-9][A-Z0-9-]*[A-Z0-9])\)/y;
/** A code named before the word "model": "The 10-quart DUAF-10 model is about 17 inches long". */
const MODEL_AFTER = /(?<![\p{L}\p{N}-])([A-Z][A-Z0-9]*-?[A-Z0-9]*\d[A-Z0-9-]*) model\b/gu;

/**
 * A model glued to the next word by a flattened table: "TYCO1012Window Blind" is "TYCO1012". The last
 * capital before a lower-case run starts the next word.
 */
function unglue(token: string): string {
  const m = /^([A-Z0-9][A-Z0-9-]*?\d[A-Z0-9-]*?)(?=[A-Z][a-z])/.exec(token);
  return m?.[1] ?? token;
}

/** Lower case in a model's shape: "MS725dvn", "MX725adve". */
function isMixedCaseModel(token: string): boolean {
  return /^[A-Z]+\d+[A-Za-z]*$/.test(token);
}

/** Codes named right before the word "model" ("the 9-quart DUAF-005 model"): only keyable ones. */
function modelsBeforeWord(text: string, origin: string, out: MinedModel[]): void {
  for (const m of text.matchAll(MODEL_AFTER)) {
    const value = m[1];
    if (value && isStrictModelShape(value)) pushModel(out, value, false, false, 'label', origin, m.index);
  }
}

/** "TRX 113" in captions ("Item# TRX 113") is one model printed with a space. */
function joinSpacedModel(text: string, at: number, token: string): string {
  if (!/^[A-Z]{2,5}$/.test(token) || /^(?:UPC|EAN|GTIN|ISBN|SKU|LOT|NO|NOS|SN)$/.test(token)) return token;
  const m = /^ (\d{2,6})(?![\p{L}\p{N}])/u.exec(text.slice(at, at + 8));
  return m ? `${token} ${m[1]}` : token;
}

function labelledModels(text: string, origin: string, out: MinedModel[]): void {
  for (const label of text.matchAll(MODEL_LABEL)) {
    // "item", "style", "part" ... count only with a number word: "items sold" names nothing. "SKU" is
    // a number word itself.
    if (label[2] && !label[3] && !/^skus?$/i.test(label[2])) continue;
    // Only a model label makes a plain number a model: "style 3" or "part 2" do not.
    const explicit = label[1] !== undefined || label[3] !== undefined || /^skus?$/i.test(label[2] ?? '');
    let at = label.index + label[0].length;
    let prefixed = false;
    // "model numbers ending in -B" names a suffix we cannot match on; leave it.
    if (execAt(SUFFIX_PHRASE, text, at)) continue;
    const prefix = execAt(PREFIX_PHRASE, text, at);
    if (prefix) {
      prefixed = true;
      at += prefix[0].length;
    }
    for (let i = 0; i < 4; i++) {
      const filler = execAt(LABEL_FILLER, text, at);
      if (!filler) break;
      at += filler[0].length;
    }
    const clause = execAt(COLON_CLAUSE, text, at);
    if (clause) at += clause[0].length;

    const firstToken = execAt(TOKEN, text, at);
    if (!firstToken?.[1]) continue;
    const tokenStart = at + firstToken[0].length - firstToken[1].length;
    let value = unglue(firstToken[1]);
    at = tokenStart + value.length;
    if (!/\d/.test(value)) {
      const joined = joinSpacedModel(text, at, value);
      at += joined.length - value.length;
      value = joined;
      // "the model number is located ...": a word, not a model (a family prefix may be letters only,
      // and a list of upper-case codes "FKL-BG, FKL-BR" is read below).
      if (!/\d/.test(value) && !prefixed && !(explicit && /^[A-Z]{2,}(?:-[A-Z0-9]+)+$/.test(value))) continue;
    }
    if (isQuantity(text, value, at)) continue;
    pushModel(out, value, prefixed, explicit, 'label', origin, tokenStart);
    // A model's other number in parentheses: "93550 (KY-318B), 96775 (KY-318A)".
    const aside = execAt(PAREN_MODEL, text, at);
    if (aside?.[1] && explicit)
      pushModel(out, aside[1], prefixed, true, 'list', origin, at + aside[0].indexOf(aside[1]));

    // A list may follow: "BSFIREPIT01 (UPC code ...); BSFIREPIT02 (UPC code ...); and BSFIREPIT03".
    for (;;) {
      const parens = execAt(LIST_PARENS, text, at);
      let next = at + (parens?.[0].length ?? 0);
      const separator = execAt(LIST_SEPARATOR_AT, text, next);
      if (separator) {
        next += separator[0].length;
      } else {
        // Some tables drop the comma ("RNB364GV2 RNB364FTV2"): a lone space only joins strict shapes.
        if (text[next] !== ' ' && text[next] !== '\u00a0') break;
        next += 1;
      }
      const token = execAt(TOKEN, text, next);
      const item = token?.[1];
      if (!token || !item) break;
      const end = next + token[0].length;
      const listed = separator !== null && explicit;
      if (!(listed ? isListShape(item) || isMixedCaseModel(item) : isStrictModelShape(item))) break;
      if (isQuantity(text, item, end)) break;
      // A value joined by a lone space ("A1 3D printers") is only taken when it can be keyed.
      pushModel(out, item, prefixed, listed, 'list', origin, end - item.length);
      at = end;
      const itemAside = execAt(PAREN_MODEL, text, at);
      if (itemAside?.[1] && listed)
        pushModel(out, itemAside[1], prefixed, true, 'list', origin, at + itemAside[0].indexOf(itemAside[1]));
    }
  }
}

/**
 * Model numbers printed in a notice: after a model/item label ("model number BSFIREPIT01",
 * "MODEL No.: HANS0002", "item number 593768"), in the list that follows one ("BSFIREPIT01 (UPC ...);
 * BSFIREPIT02 (...)"), and in flattened tables whose header names a model or item column. Families
 * ("models beginning with TRX1") come back with kind 'prefix'. Each model once, first occurrence.
 */
export function mineModels(fullText: string, origin = 'text'): MinedModel[] {
  const text = fullText.length > MAX_MINED_TEXT ? fullText.slice(0, MAX_MINED_TEXT) : fullText;
  const found: MinedModel[] = [];
  labelledModels(text, origin, found);
  tableModels(text, origin, found);
  gluedTableModels(text, origin, found);
  modelsBeforeWord(text, origin, found);
  found.sort((a, b) => a.index - b.index);
  const seen = new Set<string>();
  return found.filter((m) => {
    const key = `${m.kind}:${modelKey(m.value)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
