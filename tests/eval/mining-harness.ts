/**
 * Model-number mining measured on real notices: the cpsc.gov recall export (902 notices, 2023-12 to
 * 2026-03) in ../shared/data/real-recalls/cpsc. Shared by `npm run eval:mining` (prints the figures) and
 * tests/unit/model-mining-real.test.ts (asserts them).
 *
 * Two measures:
 *   - recall over every notice: of the notices that state a model number (by `statedModels`, a detector
 *     that is deliberately simpler and looser than the miner), how many yield at least one model;
 *   - precision and recall on the hand-labelled notices of mining-labels.ts (values copied from the text).
 *
 * The export glues the cells of the notices' HTML tables together ("Model NumberSerial Number
 * RangeFCRE3052BWVF34618193 thru ..."), where the CPSC API puts a space between cells; the miner has to
 * cope with both.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { findSharedData } from '../../scripts/lib/shared-data';
import { decodeEntities } from '../../utils/extract/html-text';
import { isDistinctiveModel, modelKey } from '../../utils/identity/model';
import { type MinedModel, mineModels } from '../../utils/identity/text-mining';
import { MINING_LABELS } from './mining-labels';

export const CSV_PATH = ['real-recalls', 'cpsc', 'cpsc-gov-recalls-2023-12_2026-03.csv'] as const;

export interface Notice {
  recallNumber: string;
  heading: string;
  name: string;
  description: string;
}

/** The notices of the export, entities decoded; null when the shared data is absent (never under CI). */
export function loadNotices(): Notice[] | null {
  const file = findSharedData(...CSV_PATH);
  if (!file) return null;
  const parsed = Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), {
    header: true,
    skipEmptyLines: true,
  });
  if (parsed.errors.length > 0) {
    throw new Error(`${file}: ${parsed.errors.length} CSV errors, first: ${parsed.errors[0]?.message}`);
  }
  return parsed.data.map((row) => ({
    recallNumber: (row['Recall Number'] ?? '').trim(),
    heading: decodeEntities(row['Recall Heading'] ?? ''),
    name: decodeEntities(row['Name of product'] ?? ''),
    description: decodeEntities(row.Description ?? ''),
  }));
}

/** What the miner finds in a notice: the Description, the product name and the heading. */
export function mineNotice(n: Notice): MinedModel[] {
  return [
    ...mineModels(n.description, 'Description'),
    ...mineModels(n.name, 'Name of product'),
    ...mineModels(n.heading, 'Recall Heading'),
  ];
}

/** The keys of what a notice yields as models (exact models, and values too short to key on). */
export function minedKeys(n: Notice): Set<string> {
  return new Set(
    mineNotice(n)
      .filter((m) => m.kind !== 'prefix')
      .map((m) => modelKey(m.value)),
  );
}

const TEXT_OF = (n: Notice) => `${n.description}\n${n.name}\n${n.heading}`;

/** Talks about models at all: "model", "models", "Model No." (not only "model year" or "model name"). */
export function speaksOfModels(n: Notice): boolean {
  return /\bmodels?\b/i.test(TEXT_OF(n));
}

/**
 * The detector of explicit statements, independent of the miner: a model label ("model", "models",
 * "model number(s)", "Model No.", "Model #", "model numbers affected by this recall are"), not "model
 * year" or "model name", followed within a few filler words by a value that has a digit; or a table
 * header cell "Model Number"/"Model #"/"Model No." followed (glued or not) by a value with a digit.
 * Returns the values it read (a table gives its first model-shaped token, which in a glued export may
 * carry the next cell with it: it only says that a model is stated).
 */
export function statedModels(n: Notice): string[] {
  const text = TEXT_OF(n);
  const out: string[] = [];
  const label =
    /\bmodels?(?!\s+(?:years?|names?|series|descriptions?)\b)(?:\s*(?:numbers?|nos?\.?|#))?\s*[:#]?\s*((?:(?:is|are|include[sd]?|including|affected|by|in|included|this|the|recall|listed|below|as|follows|of|and|or)\b[\s,:]*){0,8})([A-Za-z0-9][A-Za-z0-9./-]*)/gi;
  for (const m of text.matchAll(label)) {
    const value = (m[2] ?? '').replace(/[.]$/, '');
    if (!/\d/.test(value)) continue;
    if (/^(?:19|20)\d{2}$/.test(value)) continue; // "models 2023 and 2024" are years
    if (
      /^\d+(?:-|$)/.test(value) &&
      /^\s*-?(?:inch|in\.|quart|qt|gallon|watt|volt|foot|ft|piece|pack|ounce|oz|lb|pound|cup|liter|mm|cm)/i.test(
        text.slice((m.index ?? 0) + m[0].length),
      )
    )
      continue;
    out.push(value);
  }
  // Table headers, glued to their neighbours in the export: "Model NumberSerial Number
  // RangeFCRE3052BWVF34618193", "ITEM #PRODUCT DESCRIPTIONUPC BAR CODE426028MGA's".
  const header = /(?:Model|MODEL|Item|ITEM)\s*(?:Numbers?|NUMBERS?|No\.?|NO\.?|#)|\bModels\b|\bSKU\b/g;
  for (const m of text.matchAll(header)) {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 120);
    const cell = /[A-Z0-9][A-Z0-9-]{3,}/.exec(after.replace(/\b(?:UPC|SKU|VIN)\b/g, ' '));
    if (cell && /\d/.test(cell[0]) && (/[A-Z]/.test(cell[0]) || /^\d{6,}/.test(cell[0]))) out.push(cell[0]);
  }
  // Barcodes under a SKU heading ("SKU number 400266563392") and bare quantities are not model numbers.
  return out.filter((v) => !/^\d{12,14}$|^UPC/.test(v));
}

/** A stated value the index could key on (model.ts rules), or one it deliberately does not. */
export function statesKeyableModel(n: Notice): boolean {
  return statedModels(n).some((v) => isDistinctiveModel(v));
}

export interface LabelScore {
  labelled: number;
  found: number;
  mined: number;
  correct: number;
  precision: number;
  recall: number;
  /** Per notice: labelled values not mined, and mined values not labelled. */
  misses: string[];
  extras: string[];
}

/** Precision and recall of the miner on the hand-labelled notices (values compared by model key). */
export function scoreLabels(notices: Notice[]): LabelScore {
  const byNumber = new Map(notices.map((n) => [n.recallNumber, n]));
  let labelled = 0;
  let mined = 0;
  let correct = 0;
  const misses: string[] = [];
  const extras: string[] = [];
  for (const label of MINING_LABELS) {
    const notice = byNumber.get(label.recallNumber);
    if (!notice) throw new Error(`mining-labels: no notice ${label.recallNumber} in the export`);
    const want = new Set(label.models.map(modelKey));
    const got = minedKeys(notice);
    labelled += want.size;
    mined += got.size;
    for (const k of want) {
      if (got.has(k)) correct++;
      else misses.push(`${label.recallNumber}: ${k}`);
    }
    for (const k of got) if (!want.has(k)) extras.push(`${label.recallNumber}: ${k}`);
  }
  return {
    labelled,
    found: correct,
    mined,
    correct,
    precision: mined === 0 ? 1 : correct / mined,
    recall: labelled === 0 ? 1 : correct / labelled,
    misses,
    extras,
  };
}

export interface CorpusScore {
  notices: number;
  speaking: number;
  yielding: number;
  speakingNoYield: number;
  stating: number;
  statingYield: number;
  recall: number;
  /** Notices that state a model the detector found but yield none: "24-117 FCRE3052BWVF34618193". */
  misses: string[];
}

/** Recall over the whole export: notices that state a model number and yield at least one. */
export function scoreCorpus(notices: Notice[]): CorpusScore {
  let speaking = 0;
  let yielding = 0;
  let speakingNoYield = 0;
  let stating = 0;
  let statingYield = 0;
  const misses: string[] = [];
  for (const n of notices) {
    const yields = [...minedKeys(n)].length > 0;
    const speaks = speaksOfModels(n);
    if (speaks) speaking++;
    if (yields) yielding++;
    if (speaks && !yields) speakingNoYield++;
    const stated = statedModels(n);
    if (stated.length === 0) continue;
    stating++;
    if (yields) statingYield++;
    else misses.push(`${n.recallNumber}  ${stated.slice(0, 4).join(', ')}`);
  }
  return {
    notices: notices.length,
    speaking,
    yielding,
    speakingNoYield,
    stating,
    statingYield,
    recall: stating === 0 ? 1 : statingYield / stating,
    misses,
  };
}
