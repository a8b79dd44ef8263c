/**
 * `npm run eval:feeds`: the feed mappers against the real samples in ../shared/data/ (issue 4's "Done
 * when"), a check outside `npm test` because the samples live outside the repository.
 *
 * Every sample file is given to `parseFeedDocument`; files no mapper reads (the FDA 2012 JSON Lines, RES
 * XML, NHTSA, the retired CPSC XML service, the VCR cassette, the guides) are listed as skipped with the
 * reason. Per source it prints files, records, skipped records with reasons, and the shares a matcher
 * needs (valid GTIN, model, lot or item-checkable date: the definitions of `index stats`). Then the
 * acceptance checks, each PASS or FAIL:
 *   (a) every CPSC `ProductUPCs` value that is a valid GTIN is among the mapped record's GTINs;
 *   (b) every EU Safety Gate barcode that is a valid GTIN is among the mapped record's GTINs;
 *   (c) the model numbers printed in the real CPSC Descriptions, copied by hand into `PRINTED_MODELS`
 *       below, are among the mapped record's models (recall of that list). Values the model rules reject
 *       on purpose (4-digit models, which would tie unrelated products together) and family prefixes are
 *       listed apart and must NOT come out as exact models.
 * Exits 1 when a check fails; 0 with a message when the samples folder is absent.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseFeedDocument } from '../utils/feeds/index';
import { gtinKey, splitCodes } from '../utils/identity/gtin';
import { modelKey } from '../utils/identity/model';
import type { Recall } from '../utils/schemas';

const ROOT = path.resolve(import.meta.dirname, '..');
const DATA = path.resolve(ROOT, '../shared/data');
const NOW = new Date('2026-11-28T00:00:00Z');

/**
 * The model numbers printed in each real CPSC sample's Description, copied by hand from the text (not
 * from the miner's output), by RecallID. Item numbers count where the notice prints them in an "ITEM #"
 * or "Model/Item #" column: they are what the notice identifies the product by.
 */
const PRINTED_MODELS: Record<string, string[]> = {
  // "MODEL No.: HANS0002"
  '10887': ['HANS0002'],
  // "ITEM # PRODUCT DESCRIPTION UPC BAR CODE 426028 ..." (30 distinct item numbers)
  '9986': [
    '426028',
    '589938',
    '426011',
    '587200',
    '120339',
    '504153',
    '593768',
    '504221',
    '593782',
    '591832',
    '591849',
    '594918',
    '505600',
    '516507',
    '505631',
    '593904',
    '505471',
    '593720',
    '505457',
    '505662',
    '505419',
    '591818',
    '505396',
    '591825',
    '591856',
    '505648',
    '505372',
    '505686',
    '505693',
    '505655',
  ],
  // "Model/Item # UPC Description Date Code TRX113 8-49398-06563-1 ..."
  '10191': [
    'TRX113',
    'TRX114',
    'TRX115',
    'TRX116',
    'TRX119',
    'TRX120',
    'TRX121',
    'TRX122',
    'TRX124',
    'TRX125',
    'TRX126',
    'TRX127',
    'CP7975',
    'CP7989',
    'CP7990',
    'CP7991',
    'CP8077',
    'CP8078',
    'CP8117',
    'CP8118',
    'CP8119',
  ],
  // "model number BSFIREPIT01 (UPC code ...); BSFIREPIT02 (...); and BSFIREPIT03 (...)"
  '10915': ['BSFIREPIT01', 'BSFIREPIT02', 'BSFIREPIT03'],
  // "propane heaters model number DXH70CFAVX"
  '10220': ['DXH70CFAVX'],
  // "Model Description Serial No. Range TB21044BEN ... 3014835626 to 3015507481 TB23244BEN ..."
  '10166': ['TB21044BEN', 'TB23244BEN', 'TB25344BEN', 'TB27052BEN'],
  // "ITEM NO. PG1045"
  '10165': ['PG1045'],
  // "Model Name Model Numbers Color ... BWO24AGS BWO24AGSL All Colors ..."
  '1313': ['BWO24AGS', 'BWO24AGSL', 'BWO30AGS', 'BWO30AGSL', 'BWO36AGS', 'BWO36AGSL'],
  // "Model Model Numbers Serial Number Range BlueStar Culinary Series (RCS) RCS304BV2, ..."
  '8395': [
    ...'RCS304BV2, RCS366BV2, RCS30SBV2, RCS36SBV2, RCS30SBBCN, RCS30SBBCL, RCS36SBBCN, RCS36SBBCL, RCS48SBBCN, RCS48SBBCL, RCS304BCV2, RCS366BCV2, RCS36SBBCNMB, RCS36SBBCLMB, RCS36SBBCNRR, RCS36SBBCLRR, RCS36SBBCNCB, RCS36SBBCLCB, RCS36SBBCNSW, RCS36SBBCLSW, RCS30SBBCNRR, RCS30SBBCLRR, RCS30SBBCNMB, RCS30SBBCLMB, RCS30SBBCNCB, RCS30SBBCLCB, RCS30SBBCNSW, RCS30SBBCLSW, RCS48SBBCNMB, RCS48SBBCLMB, RCS48SBBCNCB, RCS48SBBCLCB, RCS48SBBCNRR, RCS48SBBCLRR, RCS48SBBCNSW, RCS48SBBCLSW'.split(
      ', ',
    ),
    ...'RNB244BV2, RNB24GV2, RNB24CBV2, RNB24FTV2, RNB304BV2, RNB366BV2, RNB364CBV2, RNB364GV2, RNB364FTV2, RNB488BV2, RNB486GV2, RNB486CBV2, RNB484GV2, RNB484CBV2, RNB484GCBV2, RNB484FTBV2, RNB6010BV2, RNB608GV2, RNB608CBV2, RNB606GV2, RNB606CBV2, RNB606GCBV2, RNB606FTV2'.split(
      ', ',
    ),
    ...'RNB364GHCV2, RNB486GHCV2, RNB606GHCV2'.split(', '),
    ...'RNB304BPMV2, RNB366BPMV2, RNB364GPMV2, RNB364CBPMV2, RNB364FTPMV2'.split(', '),
    ...'BWO24AGS, BWO30AGS, BWO36AGS'.split(', '),
    ...'BCR30V2SP, BCR30V2SPL, BCR30V2BB, BCR30V2BBL, BCR30V2BK, BCR30V2BKL, BCR30V2BY, BCR30V2BYL, BCR30V2CR, BCR30V2CRL, BCR30V2JG, BCR30V2JGL, BCR30V2OR, BCR30V2ORL, BCR30V2PK, BCR30V2PKL, BCR30V2TQ, BCR30V2TQL, BCR30V2WH, BCR30V2WHL, BCR36V2SP, BCR36V2SPL, BCR36V2BB, BCR36V2BBL, BCR36V2BK, BCR36V2BKL, BCR36V2BY, BCR36V2BYL, BCR36V2CR, BCR36V2CRL, BCR36V2JG, BCR36V2JGL, BCR36V2OR, BCR36V2ORL, BCR36V2PK, BCR36V2PKL, BCR36V2TQ, BCR36V2TQL, BCR36V2WH, BCR36V2WHL'.split(
      ', ',
    ),
    ...'BCPRO30V2SP, BCPRO30V2SPL, BCPRO30V2BG, BCPRO30V2BGL, BCPRO30V2CR, BCPRO30V2CRL, BCPRO30V2FB, BCPRO30V2FBL, BCPRO30V2MB, BCPRO30V2MBL, BCPRO30V2OR, BCPRO30V2ORL, BCPRO30V2SB, BCPRO30V2SBL, BCPRO30V2SS, BCPRO30V2SSL, BCPRO30V2SY, BCPRO30V2SYL, BCPRO30V2WH, BCPRO30V2WHL, BCPRO36V2SP, BCPRO36V2SPL, BCPRO36V2BG, BCPRO36V2BGL, BCPRO36V2CR, BCPRO36V2CRL, BCPRO36V2FB, BCPRO36V2FBL, BCPRO36V2MB, BCPRO36V2MBL, BCPRO36V2OR, BCPRO36V2ORL, BCPRO36V2SB, BCPRO36V2SBL, BCPRO36V2SS, BCPRO36V2SSL, BCPRO36V2SY, BCPRO36V2SYL, BCPRO36V2WH, BCPRO36V2WHL, BCPRO48SP, BCPRO48SPL, BCPRO48BG, BCPRO48BGL, BCPRO48CR, BCPRO48CRL, BCPRO48FB, BCPRO48FBL, BCPRO48MB, BCPRO48MBL, BCPRO48OR, BCPRO48ORL, BCPRO48SL, BCPRO48SLL, BCPRO48SS, BCPRO48SSL, BCPRO48SY, BCPRO48SYL, BCPRO48WH, BCPRO48WHL'.split(
      ', ',
    ),
    ...'BCCS30BBSP, BCCS30CPSP, BCCS30CMSP, BCCS30SNSP, BCCS30BBSPL, BCCS30CPSPL, BCCS30CMSPL, BCCS30SNSPL, BCCS30BBCB, BCCS30CPCB, BCCS30CMCB, BCCS30SNCB, BCCS30BBCBL, BCCS30CPCBL, BCCS30CMCBL, BCCS30SNCBL, BCCS30BBCM, BCCS30CPCM, BCCS30CMCM, BCCS30SNCM, BCCS30BBCML, BCCS30CPCML, BCCS30CMCML, BCCS30SNCML, BCCS30BBFB, BCCS30CPFB, BCCS30CMFB, BCCS30SNFB, BCCS30BBFBL, BCCS30CPFBL, BCCS30CMFBL, BCCS30SNFBL, BCCS30BBMB, BCCS30CPMB, BCCS30CMMB, BCCS30SNMB, BCCS30BBMBL, BCCS30CPMBL, BCCS30CMMBL, BCCS30SNMBL, BCCS30BBWH, BCCS30CPWH, BCCS30CMWH, BCCS30SNWH, BCCS30BBWHL, BCCS30CPWHL, BCCS30CMWHL, BCCS30SNWHL, BCCS30BBSS, BCCS30CPSS, BCCS30CMSS, BCCS30SNSS, BCCS30BBSSL, BCCS30CPSSL, BCCS30CMSSL, BCCS30SNSSL'.split(
      ', ',
    ),
    ...'BCCS36BBSP, BCCS36CMSP, BCCS36SNSP, BCCS36BBSPL, BCCS36CPSPL, BCCS36CMSPL, BCCS36SNSPL, BCCS36BBCB, BCCS36CPCB, BCCS36CMCB, BCCS36SNCB, BCCS36CPCBL, BCCS36CMCBL, BCCS36SNCBL, BCCS36BBCM, BCCS36CPCM, BCCS36CMCM, BCCS36SNCM, BCCS36BBCML, BCCS36CPCML, BCCS36CMCML, BCCS36SNCML, BCCS36BBFB, BCCS36CPFB, BCCS36CMFB, BCCS36SNFB, BCCS36BBFBL, BCCS36CPFBL, BCCS36CMFBL, BCCS36SNFBL, BCCS36BBMB, BCCS36CPMB, BCCS36CMMB, BCCS36SNMB, BCCS36BBMBL, BCCS36CPMBL, BCCS36CMMBL, BCCS36SNMBL, BCCS36BBSS, BCCS36CPSS, BCCS36CMSS, BCCS36SNSS, BCCS36BBSSL, BCCS36CPSSL, BCCS36CMSSL, BCCS36SNSSL, BCCS36BBWH, BCCS36CPWH, BCCS36CMWH, BCCS36SNWH, BCCS36BBWHL, BCCS36CPWHL, BCCS36CMWHL, BCCS36SNWHL'.split(
      ', ',
    ),
  ],
  // No model printed: 10329 (only "SKU #70084"), 10687, 10222, 10150 (series names), 2478 (candles).
};

/**
 * Printed, but not models the index may key on: 4-digit model numbers fail the distinctiveness rule on
 * purpose (utils/identity/model.ts), and "a model number beginning with CANY" is a family prefix.
 * None of these may come out as an exact model.
 */
const NOT_EXACT_MODELS: Record<string, { values: string[]; why: string }> = {
  '10140': {
    values: [
      '0480',
      '0455',
      '0456',
      '0458',
      '0473',
      '0479',
      '0481',
      '0747',
      '0748',
      '0749',
      '0751',
      '0752',
      '0754',
    ],
    why: '4-digit model numbers, not distinctive by rule',
  },
  '10245': { values: ['CANY'], why: 'family prefix ("model number beginning with CANY")' },
};

// ---------------------------------------------------------------------------------------------------

interface SourceTally {
  files: string[];
  recalls: Recall[];
  skipped: string[];
}

interface FileResult {
  file: string;
  source: string | null;
  raw: unknown;
  recalls: Recall[];
  reason?: string;
}

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = path.join(dir, name);
      return statSync(p).isDirectory() ? walk(p) : [p];
    });
}

/** Reasons without the record's position, so equal causes group (as `index stats` does). */
function reasonCause(reason: string): string {
  return reason.replace(/^(?:[^:]*: )?(?:record|recall|item|notice|page) \d+(?: \([^)]*\))?: /, '');
}

function readSample(file: string): FileResult {
  const rel = path.relative(DATA, file);
  const ext = path.extname(file).toLowerCase();
  if (/\/docs\//.test(`/${rel}`) || ['.pdf', '.txt', '.md'].includes(ext)) {
    return { file: rel, source: null, raw: null, recalls: [], reason: 'documentation, not a feed' };
  }
  const text = readFileSync(file, 'utf8');
  let data: unknown = text;
  if (ext === '.json') {
    try {
      data = JSON.parse(text);
    } catch {
      const lines = text.split('\n').filter((l) => l.trim());
      const jsonLines = lines.every((l) => {
        try {
          JSON.parse(l);
          return true;
        } catch {
          return false;
        }
      });
      return {
        file: rel,
        source: null,
        raw: null,
        recalls: [],
        reason: jsonLines
          ? `JSON Lines (${lines.length} objects), not one JSON document: no mapper reads it`
          : 'not valid JSON',
      };
    }
  }
  try {
    const result = parseFeedDocument(data, { now: NOW });
    return { file: rel, source: result.source, raw: data, recalls: result.recalls, reason: undefined };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const short = /^unrecognised feed format/.test(message)
      ? `no mapper recognises it (${ext.slice(1).toUpperCase() || 'text'})`
      : message;
    return { file: rel, source: null, raw: data, recalls: [], reason: short };
  }
}

const pct = (n: number, of: number) => (of === 0 ? '–' : `${((n / of) * 100).toFixed(0)}%`);

function table(rows: string[][], align: Array<'l' | 'r'>): string {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? [];
  return rows
    .map((r, i) => {
      const line = r
        .map((cell, c) => (align[c] === 'r' ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0)))
        .join('  ')
        .trimEnd();
      return i === 0 ? `${line}\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : line;
    })
    .join('\n');
}

function recordGtins(recall: Recall | undefined): Set<string> {
  return new Set(recall?.products.flatMap((p) => p.gtins) ?? []);
}
function recordModels(recall: Recall | undefined): Set<string> {
  return new Set(recall?.products.flatMap((p) => p.models.map(modelKey)) ?? []);
}

function main(): number {
  if (!existsSync(DATA)) {
    console.log(
      `No samples folder at ${DATA}: nothing to evaluate (the real samples live outside the repo).`,
    );
    return 0;
  }
  const files = walk(DATA).filter((f) => path.basename(f) !== 'PROVENANCE.md');
  const results = files.map(readSample);
  const bySource = new Map<string, SourceTally>();
  for (const r of results) {
    if (!r.source) continue;
    const t = bySource.get(r.source) ?? { files: [], recalls: [], skipped: [] };
    t.files.push(r.file);
    t.recalls.push(...r.recalls);
    bySource.set(r.source, t);
  }
  // Skipped records, re-read per file so each reason keeps its file.
  for (const r of results) {
    if (!r.source) continue;
    const skipped = parseFeedDocument(r.raw, { now: NOW }).skipped;
    for (const s of skipped) bySource.get(r.source)?.skipped.push(`${r.file}: ${reasonCause(s.reason)}`);
  }

  console.log(`Real samples: ${DATA}\n`);
  console.log('Files no mapper reads:');
  for (const r of results.filter((x) => !x.source)) console.log(`  - ${r.file}: ${r.reason}`);
  console.log('');

  const has = (recalls: Recall[], pred: (p: Recall['products'][number]) => boolean) =>
    recalls.filter((r) => r.products.some(pred)).length;
  const rows: string[][] = [['source', 'files', 'records', 'skipped', 'valid GTIN', 'model', 'lot/date']];
  for (const [source, t] of [...bySource].sort((a, b) => a[0].localeCompare(b[0]))) {
    const n = t.recalls.length;
    rows.push([
      source,
      String(t.files.length),
      String(n),
      String(t.skipped.length),
      pct(
        has(t.recalls, (p) => p.gtins.length > 0),
        n,
      ),
      pct(
        has(t.recalls, (p) => p.models.length > 0),
        n,
      ),
      // As `index stats`: a lot, or a date an item can be checked against (a sale window is not one).
      pct(
        has(t.recalls, (p) => p.lots.length > 0 || p.dateRanges.some((d) => d.kind !== 'sold')),
        n,
      ),
    ]);
  }
  console.log(table(rows, ['l', 'r', 'r', 'r', 'r', 'r', 'r']));
  const skips = [...bySource].flatMap(([source, t]) => t.skipped.map((s) => `${source}: ${s}`));
  console.log(
    skips.length
      ? `\nSkipped records:\n${skips.map((s) => `  - ${s}`).join('\n')}`
      : '\nSkipped records: none',
  );
  console.log('');

  // ---- Acceptance checks
  let failed = 0;
  const verdict = (ok: boolean, name: string, detail: string) => {
    if (!ok) failed++;
    console.log(`${ok ? 'PASS' : 'FAIL'}  ${name}: ${detail}`);
  };

  // (a) CPSC ProductUPCs
  let upcTotal = 0;
  let upcInvalid = 0;
  const upcMissing: string[] = [];
  // (c) printed models
  let modelTotal = 0;
  const modelMissing: string[] = [];
  const wrongExact: string[] = [];
  const modelRecords = new Set<string>();
  for (const r of results.filter((x) => x.source === 'cpsc')) {
    const byId = new Map(r.recalls.map((x) => [x.id, x]));
    for (const rec of Array.isArray(r.raw) ? r.raw : []) {
      const id = String(rec?.RecallID ?? '');
      const recall = byId.get(`cpsc:${id}`);
      const gtins = recordGtins(recall);
      for (const entry of rec?.ProductUPCs ?? []) {
        const value =
          typeof entry?.UPC === 'number' ? String(entry.UPC).padStart(12, '0') : String(entry?.UPC ?? '');
        for (const part of splitCodes(value).length ? splitCodes(value) : [value]) {
          const key = gtinKey(part);
          if (!key) {
            upcInvalid++;
            continue;
          }
          upcTotal++;
          if (!gtins.has(key)) upcMissing.push(`${r.file} RecallID ${id}: ${part}`);
        }
      }
      const models = recordModels(recall);
      for (const m of PRINTED_MODELS[id] ?? []) {
        modelTotal++;
        modelRecords.add(`${r.file}#${id}`);
        if (!models.has(modelKey(m))) modelMissing.push(`${r.file} RecallID ${id}: ${m}`);
      }
      for (const m of NOT_EXACT_MODELS[id]?.values ?? []) {
        if (models.has(modelKey(m))) wrongExact.push(`${r.file} RecallID ${id}: ${m}`);
      }
    }
  }
  verdict(
    upcMissing.length === 0 && upcTotal > 0,
    '(a) CPSC ProductUPCs found',
    `${upcTotal - upcMissing.length}/${upcTotal} valid values (per file and record; ${upcInvalid} invalid check digits not required)`,
  );
  for (const m of upcMissing) console.log(`        missing ${m}`);

  // (b) EU Safety Gate barcodes
  let euTotal = 0;
  let euInvalid = 0;
  const euMissing: string[] = [];
  for (const r of results.filter((x) => x.source === 'eu-safety-gate')) {
    const gtins = new Set(r.recalls.flatMap((x) => [...recordGtins(x)]));
    const docs = Array.isArray(r.raw) ? r.raw : [r.raw];
    for (const doc of docs) {
      for (const b of doc?.product?.barcodes ?? []) {
        const value = String(b?.barcode ?? '');
        for (const part of splitCodes(value).length ? splitCodes(value) : [value]) {
          const key = gtinKey(part);
          if (!key) {
            euInvalid++;
            continue;
          }
          euTotal++;
          if (!gtins.has(key)) euMissing.push(`${r.file}: ${part}`);
        }
      }
    }
  }
  verdict(
    euMissing.length === 0 && euTotal > 0,
    '(b) EU Safety Gate barcodes found',
    `${euTotal - euMissing.length}/${euTotal} valid values (${euInvalid} not valid GTINs, not required)`,
  );
  for (const m of euMissing) console.log(`        missing ${m}`);

  // (c) models printed in CPSC Descriptions
  const found = modelTotal - modelMissing.length;
  verdict(
    modelMissing.length === 0 && modelTotal > 0,
    '(c) CPSC printed models mined',
    `recall ${pct(found, modelTotal)} (${found}/${modelTotal} hand-listed models in ${modelRecords.size} record copies)`,
  );
  for (const m of modelMissing) console.log(`        missing ${m}`);
  verdict(
    wrongExact.length === 0,
    '(c) non-distinctive or prefix values kept out of models',
    `${wrongExact.length} taken as exact models (${Object.values(NOT_EXACT_MODELS)
      .map((x) => x.why)
      .join('; ')})`,
  );
  for (const m of wrongExact) console.log(`        wrongly taken ${m}`);

  console.log(failed ? `\n${failed} check(s) failed.` : '\nAll checks passed.');
  return failed ? 1 : 0;
}

process.exit(main());
