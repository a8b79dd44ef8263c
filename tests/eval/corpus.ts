/// <reference types="vite/client" />
/**
 * The fixture corpus of the matching evaluation: every product identity the real adapters read from
 * tests/fixtures/pages/**, and every recall the real feed mappers make of tests/fixtures/feeds/** and the
 * bundled demo data. Nothing here is hand-written: when an adapter or a mapper changes, the evaluation
 * sees what the extension would see. Node-only (reads files); runs under vitest and vite-node, which
 * resolve the `import.meta.glob` the registries use.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { decodeHtml, parseHtml } from '../../scripts/lib/html';
import { parseFeedDocument } from '../../utils/feeds';
import type { AdapterTestCase } from '../../utils/marketplaces/adapter';
import { extractPage } from '../../utils/marketplaces/index';
import { testCasesByFileId } from '../../utils/marketplaces/test-cases';
import type { ProductIdentity, Recall } from '../../utils/schemas';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PAGES = path.join(ROOT, 'tests/fixtures/pages');
const FEEDS = path.join(ROOT, 'tests/fixtures/feeds');
const BUNDLED = [path.join(ROOT, 'scripts/demo-store/data/cpsc-demo.json')];

/** Mapping is reproducible only with a fixed clock (mappers use it for relative dates). */
const MAP_CLOCK = new Date('2026-12-01T00:00:00Z');

export interface PageItem {
  /** `<fixture>#<item index>`, e.g. "ebay/item-msku.html#1": how labels name a page identity. */
  key: string;
  identity: ProductIdentity;
}

export interface Corpus {
  pages: PageItem[];
  /** Items read but left out: they carry neither an identifier nor a brand, so nothing could be judged. */
  unjudgeable: string[];
  /** One record per recall id (the newest version, as the index keeps it). */
  recalls: Recall[];
  /** Feed files that are errors as a whole (error records, wrong documents), by design of the fixtures. */
  rejectedFeeds: string[];
}

function hasAnything(identity: ProductIdentity): boolean {
  return (
    identity.gtins.length > 0 ||
    identity.rawGtins.length > 0 ||
    identity.models.length > 0 ||
    identity.brand !== null ||
    identity.manufacturer !== null
  );
}

/** What makes two readings of one fixture the same identity, whatever URL served it. */
function signature(identity: ProductIdentity): string {
  const { itemId, brand, manufacturer, models, gtins, rawGtins, title } = identity;
  return JSON.stringify([itemId, brand, manufacturer, models, gtins, rawGtins, title]);
}

function loadPages(): Pick<Corpus, 'pages' | 'unjudgeable'> {
  const pages: PageItem[] = [];
  const unjudgeable: string[] = [];
  const seen = new Map<string, Set<string>>();
  // Each adapter's test cases name its fixtures and the URL each is served at, so the corpus reads a
  // fixture exactly as the adapter tests do. The cases come in adapter id order, each adapter's in a
  // fixed order, so keys are stable.
  const cases = Object.values(testCasesByFileId)
    .flatMap((list) => list ?? [])
    .filter((c): c is AdapterTestCase & { fixture: string } => c.fixture !== undefined);
  for (const c of cases) {
    const doc = parseHtml(decodeHtml(readFileSync(path.join(PAGES, c.fixture))), c.url);
    // A fixture served at several URLs (an eBay variant picked by `?var=`) can read differently; each
    // distinct identity counts once, numbered in the order first met.
    const known = seen.get(c.fixture) ?? new Set<string>();
    seen.set(c.fixture, known);
    for (const identity of extractPage(doc, new URL(c.url)).items) {
      const sig = signature(identity);
      if (known.has(sig)) continue;
      const key = `${c.fixture}#${known.size}`;
      known.add(sig);
      if (hasAnything(identity)) pages.push({ key, identity });
      else unjudgeable.push(key);
    }
  }
  return { pages, unjudgeable };
}

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = path.join(dir, name);
      return statSync(p).isDirectory() ? walk(p) : [p];
    });
}

function loadRecalls(): Pick<Corpus, 'recalls' | 'rejectedFeeds'> {
  const byId = new Map<string, Recall>();
  const rejectedFeeds: string[] = [];
  const files = [...walk(FEEDS).filter((f) => /\.(?:json|xml)$/.test(f)), ...BUNDLED];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    // XML feeds (ACCC RSS, the EU weekly report) are handed over as text; the rest as parsed JSON.
    let data: unknown = text;
    let result: ReturnType<typeof parseFeedDocument>;
    try {
      if (file.endsWith('.json')) data = JSON.parse(text);
      result = parseFeedDocument(data, { now: MAP_CLOCK });
    } catch {
      rejectedFeeds.push(path.relative(ROOT, file));
      continue;
    }
    for (const recall of result.recalls) {
      const old = byId.get(recall.id);
      if (!old || old.version < recall.version) byId.set(recall.id, recall);
    }
  }
  return { recalls: [...byId.values()], rejectedFeeds };
}

let cached: Corpus | null = null;

/** The corpus, read once per process. */
export function loadCorpus(): Corpus {
  cached ??= { ...loadPages(), ...loadRecalls() };
  return cached;
}
