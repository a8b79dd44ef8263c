/**
 * `index starter`: the index the production extension ships (public/starter/), built from real public
 * recall data saved beside the repository (../shared/data/real-recalls/): every CPSC recall from the
 * compact list, the 902 full cpsc.gov notices from the CSV export (so mining runs over real
 * descriptions), and the openFDA food enforcement records. It is a published index like any other
 * (manifest + gzipped shards, utils/recall-index/published/), so the extension reads it with the
 * code that reads a downloaded one, and its checksums are checked the same way.
 *
 *   index starter [--data <real-recalls dir>] [--out <dir>]
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import openfda from '../../utils/feeds/openfda';
import { encodeJson } from '../../utils/recall-index/published/codec';
import type { Manifest } from '../../utils/recall-index/published/format';
import { readCpscCopies } from '../lib/cpsc-copies';
import { isOpenFdaCopy, openFdaPage } from '../lib/openfda-copy';
import { buildPublishedIndex, type FeedInput } from '../lib/published-builder';
import { findSharedData } from '../lib/shared-data';
import { STARTER_DIR } from '../lib/starter-dir';

export const STARTER_FILES = {
  cpscCompact: 'cpsc/all-recalls-1973-2026-compact.json',
  cpscCsv: 'cpsc/cpsc-gov-recalls-2023-12_2026-03.csv',
  openfdaFood: 'openfda/food-enforcement-2013-2026.json',
} as const;

export interface StarterInputs {
  inputs: Map<string, FeedInput>;
  /** CSV notices that were found in the compact list too. */
  joined: number;
}

/** The real data, read and mapped by source. */
export function readStarterInputs(dataDir: string, now: Date): StarterInputs {
  const read = (file: string) => readFileSync(path.join(dataDir, file), 'utf8');
  const cpsc = readCpscCopies(JSON.parse(read(STARTER_FILES.cpscCompact)), read(STARTER_FILES.cpscCsv), now);
  const food: unknown = JSON.parse(read(STARTER_FILES.openfdaFood));
  if (!isOpenFdaCopy(food)) throw new Error(`${STARTER_FILES.openfdaFood}: not an openFDA records copy`);
  const fda = openfda.map(openFdaPage(food), { now });
  return {
    inputs: new Map<string, FeedInput>([
      ['cpsc', { recalls: cpsc.recalls, skipped: cpsc.skipped }],
      [fda.source, { recalls: fda.recalls, skipped: fda.skipped }],
    ]),
    joined: cpsc.joined,
  };
}

/**
 * The shards gzipped at the highest level: the starter travels inside every copy of the extension, so
 * the last few percent count (the checksums cover the JSON, not its compression, so they stand).
 */
async function recompressed(
  files: Map<string, Uint8Array>,
  manifest: Manifest,
): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  const shards = manifest.shards.map((entry) => {
    const content = files.get(entry.file);
    if (!content) throw new Error(`index starter: ${entry.file} was not built`);
    const smaller = gzipSync(gunzipSync(content), { level: 9 });
    out.set(entry.file, smaller);
    return { ...entry, bytes: smaller.byteLength };
  });
  out.set('manifest.json', await encodeJson({ ...manifest, shards }, 'manifest.json'));
  return out;
}

export async function buildStarter(options: { data?: string; out?: string; now: Date }) {
  const dataDir = options.data ?? findSharedData('real-recalls');
  if (!dataDir) throw new Error('index starter: ../shared/data/real-recalls is missing; pass --data <dir>');
  const out = options.out ?? STARTER_DIR;
  const { inputs, joined } = readStarterInputs(dataDir, options.now);
  const built = await buildPublishedIndex(inputs, undefined, options.now, { keys: false });
  const files = await recompressed(built.files, built.manifest);
  // The folder is the build's output alone: shards of an earlier build must not linger beside it.
  rmSync(out, { recursive: true, force: true });
  let bytes = 0;
  for (const [file, content] of files) {
    const target = path.join(out, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, content);
    bytes += content.byteLength;
  }
  return {
    out,
    records: built.manifest.records,
    feeds: Object.fromEntries(
      Object.entries(built.manifest.feeds).map(([source, f]) => [
        source,
        { records: f.records, skipped: f.skipped },
      ]),
    ),
    cpscNoticesJoined: joined,
    bytes,
  };
}
