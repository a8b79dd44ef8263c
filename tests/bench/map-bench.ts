/**
 * The CPSC mapping budget (issue 4): "mapping 10,000 CPSC records (about 27 MB of JSON) under 5 s and
 * under 300 MB peak in Node". Run with `npx vite-node tests/bench/map-bench.ts` (figures, not pass/fail).
 *
 * The real corpus is not in the repository (a whole-corpus response is 9,927 records, 27.4 MB), so the
 * records are synthetic but shaped like the API's: every top-level key in the API's order, Descriptions
 * of 0.3–4.2 KB with the things the miners look for (labelled models and model lists, UPCs printed with
 * dashes and spaces, flattened "Model/Item # UPC Description Date Code" and "ITEM # ... UPC BAR CODE"
 * tables, serial ranges, lot and date codes, manufacture and sale periods), captions with item numbers and
 * UPCs, firm lines with "dba" clauses, Retailers sentences with sale periods, titles ending "Sold on
 * Amazon by ...", and ProductUPCs on about 5% of records. A seeded PRNG makes every run the same.
 *
 * Measured: `JSON.parse` of the whole body plus the CPSC mapper over it, median of 3 runs; peak RSS
 * sampled every 2 ms by a worker thread (RSS is per process, so the worker sees the main thread's work)
 * and cross-checked with the kernel's high-water mark (VmHWM, reset before the runs where the kernel
 * allows); heap figures from `process.memoryUsage()` in the main thread. The process itself (vite-node,
 * the generated body held as a string) is part of the peak: that is what "in Node" costs. Then each
 * miner is timed alone over the same Descriptions, to show where the time goes.
 *
 * Env: MAP_BENCH_RECORDS (default 10000), MAP_BENCH_RUNS (default 3), MAP_BENCH_SAVE (a path to keep the
 * generated body at), MAP_BENCH_NODE_FLAGS (flags for the measuring process, e.g. `--cpu-prof`).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Worker } from 'node:worker_threads';
import cpsc from '../../utils/feeds/cpsc';
import { gtinCheckDigit } from '../../utils/identity/gtin';
import {
  mineBrandFromTitle,
  mineDateRanges,
  mineGtins,
  mineLots,
  mineModels,
} from '../../utils/identity/text-mining';
import { MONTHS, prng } from './synthetic-recalls';

const RECORDS = Number(process.env.MAP_BENCH_RECORDS ?? 10_000);
const RUNS = Number(process.env.MAP_BENCH_RUNS ?? 3);

// ---------------------------------------------------------------------------------------------------
// Seeded randomness

const random = prng(0x5eedc95c);
const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const chance = (p: number) => random() < p;
const digits = (n: number) => Array.from({ length: n }, () => String(int(0, 9))).join('');
const letters = (n: number) =>
  Array.from({ length: n }, () => 'ABCDEFGHJKLMNPRSTUVWXYZ'[int(0, 22)] as string).join('');

/** A valid UPC-A for a company prefix. */
function upc(prefix: string): string {
  const body = (prefix + digits(11)).slice(0, 11);
  return body + gtinCheckDigit(body);
}
/** "8-49398-06563-1", "0 80313 08131 6" or "849398065631". */
function printedUpc(code: string): string {
  const style = int(0, 3);
  if (style === 0) return `${code[0]}-${code.slice(1, 6)}-${code.slice(6, 11)}-${code[11]}`;
  if (style === 1) return `${code[0]} ${code.slice(1, 6)} ${code.slice(6, 11)} ${code[11]}`;
  return code;
}
const modelNumber = () =>
  pick([
    () => `${letters(int(2, 4))}${digits(int(3, 5))}`,
    () => `${letters(2)}${digits(2)}${letters(int(2, 4))}${digits(1)}`,
    () => `${letters(3)}-${digits(4)}${chance(0.5) ? `-${letters(2)}` : ''}`,
    () => `${letters(1)}${digits(int(4, 6))}${letters(int(0, 2))}`,
  ])();

// ---------------------------------------------------------------------------------------------------
// Words

const BRANDS = [
  'Kettlebrook',
  'Granitestone',
  'Brookstone',
  'Auto World',
  'Predator',
  'Greater Goods',
  'Nordi',
  'BlueStar',
  'Superb Sports',
  'Ariens',
  'DEWALT',
  'Miniverse',
  'CozyNest',
  'Lumina',
  'Hearthline',
  'TrailPeak',
  'Sunnyside',
  'Vantor',
  'Emberly',
  'Pinecrest',
];
const PRODUCTS = [
  'toddler tower stools',
  'tabletop fire pits',
  'portable power stations',
  'stainless sauté pans',
  'slot car kits',
  'digital kitchen scales',
  'baby bath seats',
  'snow throwers',
  'propane heaters',
  'dressers',
  'bike helmets',
  'space heaters',
  'baby loungers',
  'electric scooters',
  'magnetic building sets',
  'water bottles',
  'ceiling fans',
  'gas ranges',
  'infant swings',
  'power banks',
];
const HAZARDS = [
  'Fire and Burn Hazards',
  'Fall Hazard',
  'Entrapment Hazard',
  'Ingestion Hazard',
  'Risk of Lead Poisoning',
  'Laceration Hazard',
  'Shock Hazard',
  'Tip-Over and Entrapment Hazards',
  'Suffocation Hazard',
  'Choking Hazard',
];
const COLOURS = ['black', 'white', 'blue', 'gray', 'red', 'green', 'pink', 'orange', 'silver', 'yellow'];
const PLACES = [
  'of Denver, Colorado',
  'of Brooklyn, New York',
  'of Hurst, Texas',
  'of Saint Louis, Missouri',
  'of China',
  'of Ontario, California',
  'of Brillion, Wisconsin',
  'of Shenzhen, China',
];
const SELLERS = [
  'DualOranges Store',
  'Enhomee-Direct',
  'Shanghai Chushuo Electronic Commerce Co.',
  'HomeVibe',
];
const FILLER = [
  'The {p} measure about {n} inches deep, {n} inches wide and {n} inches tall.',
  'The {p} are {c}, {c} and {c} with a natural wood color on the step and platform.',
  'The {b} logo is printed on the front of the packaging and on a label on the underside of the unit.',
  'The recalled {p} were sold individually and in sets of two and four, in boxes with similar labeling.',
  'Consumers can find the model number and date code on a white label affixed to the back of the product.',
  'The instructions for assembly are printed on the back of each package, along with a parts list.',
  'Only units with the listed model numbers and date codes are included in this recall.',
  'The {p} have a built-in anti-slip cushion and come with four suction cups on the bottom.',
  'They are made of polypropylene (PP) and ethylene vinyl acetate (EVA) plastic material.',
  'Some recalled units have already been inspected and repaired by authorized dealers.',
  'The product was sold in a {c} color and is equipped with either rear wheels or tracks.',
  'A warning label on the side of the unit reads in part, "Keep away from children."',
];

function fill(template: string, product: string, brand: string): string {
  return template
    .replace(/\{p\}/g, product)
    .replace(/\{b\}/g, brand)
    .replace(/\{c\}/g, () => pick(COLOURS))
    .replace(/\{n\}/g, () => String(int(6, 40)));
}

function period(): string {
  const y = int(2019, 2025);
  return `${pick(MONTHS)} ${y} through ${pick(MONTHS)} ${y + int(0, 2)}`;
}

// ---------------------------------------------------------------------------------------------------
// Descriptions

interface Built {
  text: string;
  upcs: string[];
  captions: string[];
}

function modelItemTable(rows: number, prefix: string, out: Built): string {
  const parts = ['Model/Item # UPC Description Date Code'];
  for (let i = 0; i < rows; i++) {
    const m = modelNumber();
    const code = upc(prefix);
    out.upcs.push(code);
    parts.push(
      `${m} ${printedUpc(code)} ${pick(BRANDS)} ${pick(PRODUCTS)} (w/${int(1950, 2020)} ${pick(COLOURS)} trim) ${String(int(1, 12)).padStart(2, '0')}/${int(10, 28)}/${int(20, 25)}CH1`,
    );
    if (chance(0.4))
      out.captions.push(`Recalled ${pick(PRODUCTS)}, Item# ${m}, UPC Code: ${printedUpc(code)}`);
  }
  return parts.join(' ');
}

function itemUpcTable(rows: number, prefix: string, out: Built): string {
  const parts = ['ITEM # PRODUCT DESCRIPTION UPC BAR CODE'];
  for (let i = 0; i < rows; i++) {
    const code = upc(prefix);
    out.upcs.push(code);
    parts.push(`${digits(6)} ${pick(BRANDS)}'s ${pick(PRODUCTS)} ${letters(1)}${int(1, 3)}A PDQ ${code}`);
  }
  return parts.join(' ');
}

function serialTable(rows: number): string {
  const parts = ['Model Description Serial No. Range'];
  for (let i = 0; i < rows; i++) {
    const from = Number(digits(10)) + 1_000_000_000;
    parts.push(
      `${letters(2)}${digits(5)}${letters(3)} ${pick(BRANDS).toUpperCase()} ${pick(PRODUCTS).toUpperCase()} ${int(10, 60)}T ${int(5, 25)}.5 HP ${from} to ${from + int(1000, 900000)}`,
    );
  }
  return parts.join(' ');
}

function modelListTable(groups: number): string {
  const parts = ['Model Model Numbers Serial Number Range'];
  for (let g = 0; g < groups; g++) {
    const stem = `${letters(3)}${digits(2)}`;
    const models = Array.from({ length: int(4, 25) }, () => `${stem}${letters(int(2, 5))}`);
    parts.push(
      `${pick(BRANDS)} ${pick(['Culinary', 'Nova', 'Retro', 'Classic'])} Series ${models.join(', ')}`,
    );
    parts.push(`${digits(7)} through ${digits(7)}`);
  }
  return parts.join(' ');
}

function description(brand: string, product: string, target: number, out: Built): string {
  const prefix = `0${digits(5)}`;
  const parts: string[] = [`This recall involves ${brand} ${product}.`];
  const labelled = Array.from({ length: int(1, 4) }, modelNumber);
  const style = int(0, 5);
  if (style === 0) parts.push(`The ${product} have model number ${labelled[0]} printed on a label.`);
  if (style === 1) {
    const list = labelled.map((m) => (chance(0.5) ? `${m} (UPC code ${upc(prefix)})` : m));
    parts.push(`The recall includes models: ${list.join(', ')}.`);
  }
  if (style === 2)
    parts.push(`"MODEL No.: ${labelled[0]}" is printed on a label on the underside of the unit.`);
  if (style === 3) {
    const code = upc(prefix);
    out.upcs.push(code);
    parts.push(`(SKU #${digits(5)}, UPC ${printedUpc(code)}). The UPC number is ${printedUpc(code)}.`);
  }
  if (style === 4) parts.push(`The words "ITEM NO. ${labelled[0]}" are printed on the label.`);
  if (chance(0.3))
    parts.push(
      `Lot numbers ${digits(4)}A and ${digits(4)}B and date codes ${digits(4)} through ${digits(4)} are affected.`,
    );
  if (chance(0.35)) parts.push(`Only units manufactured from ${period()} are included.`);
  if (chance(0.15)) parts.push(`Call (${int(200, 999)}) ${int(200, 999)}-${digits(4)} for more information.`);
  // Long notices end in a flattened table; the prose before it is padded to the target length.
  let table = '';
  if (target > 1600) {
    const kind = int(0, 3);
    const prefixForTable = `${int(0, 9)}${digits(5)}`;
    if (kind === 0) table = modelItemTable(Math.round(target / 220), prefixForTable, out);
    if (kind === 1) table = itemUpcTable(Math.round(target / 160), prefixForTable, out);
    if (kind === 2) table = serialTable(Math.round(target / 180));
    if (kind === 3) table = modelListTable(Math.max(1, Math.round(target / 900)));
  }
  let text = parts.join(' ');
  while (text.length + table.length < target) text += ` ${fill(pick(FILLER), product, brand)}`;
  if (table) text += ` ${table}`;
  return text;
}

// ---------------------------------------------------------------------------------------------------
// Records

function record(i: number): Record<string, unknown> {
  const brand = pick(BRANDS);
  const product = pick(PRODUCTS);
  const productTitle = product.replace(/\b\w/g, (c) => c.toUpperCase());
  const size = random();
  // 55% short (0.3–0.7 KB), 35% medium (0.7–1.6 KB), 10% long, ending in a table (1.6–4.2 KB).
  const target = size < 0.55 ? int(300, 700) : size < 0.9 ? int(700, 1600) : int(1600, 4200);
  const built: Built = { text: '', upcs: [], captions: [] };
  built.text = description(brand, product, target, built);
  const firmName = `${pick(['Shen Zhen', 'Ningbo', 'Southern', 'Great Lakes'])} ${pick(['Trading', 'Telecom', 'Home Goods'])} ${pick(['Inc.', 'LLC', 'Co., Ltd.'])}`;
  const dba = chance(0.3) ? `, dba ${pick(SELLERS)}` : '';
  const sold = chance(0.25)
    ? `; Sold on Amazon by ${pick(SELLERS)}`
    : chance(0.1)
      ? "; Sold Exclusively at Lowe's"
      : '';
  const year = int(2012, 2026);
  const date = `${year}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}T00:00:00`;
  const imageCount = int(1, 4);
  const captions = [
    ...built.captions,
    ...Array.from({ length: imageCount }, () => `Recalled ${brand} ${product} – ${pick(COLOURS)}`),
  ].slice(0, 12);
  const productUpcs = built.upcs.length > 0 && chance(0.3) ? built.upcs : chance(0.02) ? [upc('0')] : [];
  return {
    RecallID: 1000 + i,
    RecallNumber: `${String(year % 100).padStart(2, '0')}${digits(3)}`,
    RecallDate: date,
    Description: built.text,
    URL: `https://www.cpsc.gov/Recalls/${year}/${brand.replace(/ /g, '-')}-Recalls-${productTitle.replace(/ /g, '-')}-Due-to-${pick(HAZARDS).replace(/ /g, '-')}`,
    Title: `${brand} Recalls ${productTitle} Due to ${pick(HAZARDS)}${sold}`,
    ConsumerContact: `${brand} toll-free at 888-${int(200, 999)}-${digits(4)} from 9 a.m. to 5 p.m. ET Monday through Friday, email at recall@${brand.toLowerCase().replace(/ /g, '')}.com or online at www.${brand.toLowerCase().replace(/ /g, '')}.com/recall or www.${brand.toLowerCase().replace(/ /g, '')}.com and click on "Recall" for more information.`,
    LastPublishDate: date,
    Products: [
      {
        Name: `${brand} ${productTitle}`,
        Description: '',
        Model: '',
        Type: '',
        CategoryID: '',
        NumberOfUnits: `About ${int(1, 900)},${digits(3)}${chance(0.2) ? ` (In addition, about ${int(1, 90)},${digits(3)} in Canada)` : ''}`,
      },
    ],
    Inconjunctions: chance(0.1)
      ? [{ URL: `https://recalls-rappels.canada.ca/en/alert-recall/${digits(5)}` }]
      : [],
    Images: captions.map((caption, k) => ({
      URL: `https://www.cpsc.gov/s3fs-public/images/recalls/${year}/${digits(5)}_${brand.replace(/ /g, '')}_${k}.png?VersionId=${letters(8)}`,
      Caption: caption,
    })),
    Injuries: [
      {
        Name: chance(0.6)
          ? 'None reported'
          : `The firm has received ${int(2, 40)} reports of the units ${pick(['overheating', 'breaking', 'tipping over'])}, including ${int(1, 5)} reports of minor injuries.`,
      },
    ],
    Manufacturers: [{ Name: `${firmName}${dba}, ${pick(PLACES)}`, CompanyID: '' }],
    Retailers: [
      {
        Name: `${pick(['Online at Amazon.com', 'Walmart, Target and online at Amazon.com', 'Home Depot stores nationwide and online at HomeDepot.com'])} from ${period()} for about $${int(10, 900)}.`,
        CompanyID: '',
      },
    ],
    Importers: chance(0.5)
      ? [{ Name: `${brand} ${pick(['Inc.', 'LLC'])}, ${pick(PLACES)}`, CompanyID: '' }]
      : [],
    Distributors: [],
    SoldAtLabel: null,
    ManufacturerCountries: [{ Country: pick(['China', 'Vietnam', 'United States', 'Taiwan']) }],
    ProductUPCs: productUpcs.map((u) => ({ UPC: u })),
    Hazards: [
      {
        Name: `The ${product} can ${pick(['tip over', 'overheat', 'detach', 'break'])}, posing ${pick(HAZARDS).toLowerCase()} to consumers.`,
        HazardType: '',
        HazardTypeID: '',
      },
    ],
    Remedies: [
      {
        Name: `Consumers should immediately stop using the recalled ${product} and contact ${brand} for a full refund. Consumers will be asked to cut the cord and send a photo of the destroyed product to the firm.`,
      },
    ],
    RemedyOptions: [{ Option: pick(['Refund', 'Replace', 'Repair']) }],
  };
}

// ---------------------------------------------------------------------------------------------------
// Measuring

/** `gc()` without restarting Node with --expose-gc. */
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const ms = (t: number) => `${t.toFixed(0)} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** The kernel's peak RSS for this process (Linux), in bytes, or null. */
function vmHwm(): number | null {
  try {
    const m = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    return m?.[1] ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}
/** Resets VmHWM to the current RSS (Linux ≥ 4.0, own process); false when not allowed. */
function resetVmHwm(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

/** A worker thread that samples the process RSS every 2 ms; `stop()` gives the peak it saw. */
function rssSampler(): { stop: () => Promise<number> } {
  const shared = new BigInt64Array(new SharedArrayBuffer(16));
  const worker = new Worker(
    `const { workerData } = require('node:worker_threads');
     const a = workerData;
     const tick = () => {
       const rss = BigInt(process.memoryUsage.rss());
       if (rss > a[0]) a[0] = rss;
       if (Atomics.load(a, 1) === 0n) setTimeout(tick, 2);
     };
     tick();`,
    { eval: true, workerData: shared },
  );
  return {
    stop: async () => {
      Atomics.store(shared, 1, 1n);
      await worker.terminate();
      return Number(shared[0]);
    },
  };
}

/** Parent: generates the body, writes it to a file, and measures it in a fresh process. */
async function generate(): Promise<void> {
  const tGen = performance.now();
  const records = Array.from({ length: RECORDS }, (_, i) => record(i));
  const body = JSON.stringify(records);
  const descLengths = records.map((r) => String(r.Description).length).sort((a, b) => a - b);
  const withUpcs = records.filter((r) => (r.ProductUPCs as unknown[]).length > 0).length;
  const genMs = performance.now() - tGen;
  const dir = mkdtempSync(path.join(tmpdir(), 'map-bench-'));
  const file = path.join(dir, 'cpsc.json');
  writeFileSync(file, body);
  if (process.env.MAP_BENCH_SAVE) writeFileSync(process.env.MAP_BENCH_SAVE, body);

  console.log('## CPSC mapping budget: 10,000 records (~27 MB JSON) under 5 s and 300 MB peak\n');
  console.log(`Node ${process.version}, ${process.platform}/${process.arch}`);
  console.log(
    `Synthetic body: ${RECORDS.toLocaleString('en-US')} records, ${mb(Buffer.byteLength(body))} of JSON (${(Buffer.byteLength(body) / RECORDS / 1024).toFixed(2)} KB per record), generated in ${ms(genMs)}`,
  );
  console.log(
    `Description length: median ${median(descLengths)} chars, p90 ${descLengths[Math.floor(descLengths.length * 0.9)]}, max ${descLengths[descLengths.length - 1]}; ProductUPCs on ${((withUpcs / RECORDS) * 100).toFixed(1)}% of records`,
  );
  // The measuring process is plain Node running the mapper bundled by Vite (as the extension ships it):
  // vite-node's own dev server would add ~70 MB of RSS that no user pays.
  const bundle = await bundleSelf(dir);
  console.log(
    'Measured in a fresh plain-Node process running the bundled mapper on the body read from a file:\n',
  );
  const child = spawnSync(process.execPath, [...NODE_FLAGS, bundle], {
    env: { ...process.env, MAP_BENCH_INPUT: file },
    stdio: 'inherit',
  });
  rmSync(dir, { recursive: true, force: true });
  if (child.status !== 0) process.exit(child.status ?? 1);
}

/** This file and the mapper bundled into one ES module for Node, in `dir`; returns its path. */
async function bundleSelf(dir: string): Promise<string> {
  const { build } = await import('vite');
  await build({
    configFile: false,
    publicDir: false,
    logLevel: 'error',
    root: path.resolve(import.meta.dirname, '../..'),
    build: {
      ssr: fileURLToPath(import.meta.url),
      outDir: dir,
      emptyOutDir: false,
      minify: false,
      rollupOptions: { external: ['vite'], output: { format: 'es', entryFileNames: 'map-bench.mjs' } },
    },
    ssr: { noExternal: true },
  });
  return path.join(dir, 'map-bench.mjs');
}

/** Node flags for the measuring process, e.g. MAP_BENCH_NODE_FLAGS="--cpu-prof --cpu-prof-dir=/tmp/prof". */
const NODE_FLAGS = (process.env.MAP_BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean);

/** Child: reads the body and measures parse + map. */
async function measure(file: string): Promise<void> {
  const startRss = process.memoryUsage.rss();
  const body = readFileSync(file, 'utf8');
  // The sampler (a worker thread, a few MB) starts first, so its own memory is in the baseline.
  const sampler = rssSampler();
  gc();
  const before = process.memoryUsage();
  const hwmReset = resetVmHwm();
  const cpuTimes: number[] = [];
  const parseTimes: number[] = [];
  const mapTimes: number[] = [];
  const totals: number[] = [];
  let peakHeap = 0;
  const settledHeaps: number[] = [];
  // One run per call: the parsed body and the result live only in its frame. Written as a loop body,
  // V8 kept the previous run's `data` and `result` in the loop's stack slots, so runs 2 and 3 parsed and
  // mapped with run 1's ~80 MB still alive, which no single parse + map holds.
  const runOnce = (run: number) => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const data: unknown = JSON.parse(body);
    const t1 = performance.now();
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    const result = cpsc.map(data, { now: new Date('2026-11-28T00:00:00Z') });
    const t2 = performance.now();
    const cpu = process.cpuUsage(c0);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    parseTimes.push(t1 - t0);
    mapTimes.push(t2 - t1);
    totals.push(t2 - t0);
    const models = result.recalls.reduce(
      (n, r) => n + r.products.reduce((k, p) => k + p.models.length, 0),
      0,
    );
    const gtins = result.recalls.reduce((n, r) => n + r.products.reduce((k, p) => k + p.gtins.length, 0), 0);
    console.log(
      `run ${run + 1}: JSON.parse ${ms(t1 - t0)} + map ${ms(t2 - t1)} = ${ms(t2 - t0)} (${result.recalls.length} recalls, ${result.skipped.length} skipped, ${gtins} GTINs, ${models} models)`,
    );
  };
  for (let run = 0; run < RUNS; run++) {
    gc();
    settledHeaps.push(process.memoryUsage().heapUsed);
    runOnce(run);
  }
  const sampledPeak = await sampler.stop();
  const hwm = vmHwm();
  const total = median(totals);

  console.log('');
  console.log('| figure | value |\n|---|---:|');
  console.log(`| JSON.parse, median of ${RUNS} | ${ms(median(parseTimes))} |`);
  console.log(`| CPSC mapper, median of ${RUNS} | ${ms(median(mapTimes))} |`);
  console.log(`| **parse + map, median of ${RUNS}** | **${ms(total)}** (budget 5,000 ms) |`);
  console.log(`| per record | ${((total / RECORDS) * 1000).toFixed(0)} µs |`);
  console.log(`| CPU time of parse + map (all threads, incl. GC), median | ${ms(median(cpuTimes))} |`);
  console.log(`| load average (1 min) at the end, ${cpus().length} CPUs | ${loadavg()[0]?.toFixed(2)} |`);
  console.log(`| RSS at start (plain Node, mapper loaded, nothing read) | ${mb(startRss)} |`);
  console.log(`| RSS before the runs (body read as a string) | ${mb(before.rss)} |`);
  console.log(
    `| **peak RSS during the runs, sampled every 2 ms** | **${mb(sampledPeak)}** (budget 300 MB) |`,
  );
  if (hwm !== null)
    console.log(
      `| peak RSS, kernel VmHWM ${hwmReset ? '(reset before the runs)' : '(whole process)'} | ${mb(hwm)} |`,
    );
  console.log(`| heap used before the runs | ${mb(before.heapUsed)} |`);
  console.log(`| peak heap used (read after parse and after map) | ${mb(peakHeap)} |`);
  console.log(
    `| heap used after gc at the start of each run (nothing of the last run may remain) | ${settledHeaps.map(mb).join(' / ')} |`,
  );
  console.log('');

  // Where the time goes: each miner alone over the texts the mapper gives it.
  const data = JSON.parse(body) as Array<{
    Description: string;
    Title: string;
    Images: Array<{ Caption: string }>;
  }>;
  const descriptions = data.map((r) => r.Description);
  const captions = data.flatMap((r) => r.Images.map((i) => i.Caption));
  const titles = data.map((r) => r.Title);
  const time = (name: string, f: () => void) => {
    const t = performance.now();
    f();
    console.log(`| ${name} | ${ms(performance.now() - t)} |`);
  };
  console.log('Each miner alone, one pass over the same texts:\n');
  console.log('| miner | time |\n|---|---:|');
  time('mineGtins(Description)', () => {
    for (const d of descriptions) mineGtins(d);
  });
  time('mineGtins(captions + titles)', () => {
    for (const d of [...captions, ...titles]) mineGtins(d);
  });
  time('mineModels(Description)', () => {
    for (const d of descriptions) mineModels(d);
  });
  time('mineModels(captions)', () => {
    for (const d of captions) mineModels(d);
  });
  time('mineLots(Description + captions)', () => {
    for (const d of [...descriptions, ...captions]) mineLots(d);
  });
  time('mineDateRanges(Description)', () => {
    for (const d of descriptions) mineDateRanges(d);
  });
  time('mineBrandFromTitle(Title)', () => {
    for (const t of titles) mineBrandFromTitle(t);
  });
}

const input = process.env.MAP_BENCH_INPUT;
if (input) await measure(input);
else await generate();
