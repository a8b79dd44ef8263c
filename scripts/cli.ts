/**
 * The command-line tool: the extension's core (adapters, feed mappers, matcher) in Node, on saved pages
 * and feed files. Output is JSON on stdout; an error is one line on stderr and exit code 1 (2 for usage).
 *
 *   extract --url <page url> <file.html>
 *   check   --url <page url> <file.html> --feed <file> [--feed <file> ...]
 *   index   build | diff | stats | snapshot (scripts/commands/index-commands.ts)
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseFeedDocument } from '../utils/feeds';
import { extractPage } from '../utils/marketplaces';
import { MemoryIndex } from '../utils/recall-index/memory-index';
import type { ProductIdentity } from '../utils/schemas';
import { INDEX_USAGE, runIndexCommand, UsageError } from './commands/index-commands';
import { readFeedFile } from './lib/feed-file';
import { decodeHtml, parseHtml } from './lib/html';

const USAGE = `usage:
  npm run --silent cli -- extract --url <page url> <file.html>
  npm run --silent cli -- check --url <page url> <file.html> --feed <file> [--feed <file> ...]
${INDEX_USAGE}`;

function readPage(file: string, url: string) {
  let parsedUrl: URL;
  try {
    parsedUrl = new URL(url);
  } catch {
    throw new UsageError(`--url is not a valid URL: ${url}`);
  }
  const html = decodeHtml(readFileSync(file));
  return extractPage(parseHtml(html, parsedUrl.href), parsedUrl);
}

/** The stable, documented item shape; later fields may be added, none renamed. */
function itemOut(i: ProductIdentity) {
  return {
    itemId: i.itemId,
    title: i.title,
    brand: i.brand,
    manufacturer: i.manufacturer,
    models: i.models,
    gtins: i.gtins,
    rawGtins: i.rawGtins,
    seller: i.seller,
    quantity: i.quantity,
    facts: i.facts,
  };
}

function loadFeeds(files: string[]) {
  const index = new MemoryIndex();
  const feeds = files.map((file) => {
    const data = readFeedFile(file);
    let result: ReturnType<typeof parseFeedDocument>;
    try {
      result = parseFeedDocument(data, { now: new Date() });
    } catch (e) {
      throw new Error(`${file}: ${e instanceof Error ? e.message : String(e)}`);
    }
    for (const r of result.recalls) index.add(r);
    return { file, source: result.source, records: result.recalls.length, skipped: result.skipped };
  });
  return { index, feeds };
}

function run(argv: string[]): unknown {
  const [command, ...rest] = argv;
  if (command === 'index') return runIndexCommand(rest);
  const { values, positionals } = parseArgs({
    args: rest,
    options: { url: { type: 'string' }, feed: { type: 'string', multiple: true } },
    allowPositionals: true,
  });
  if (command !== 'extract' && command !== 'check')
    throw new UsageError(`unknown command: ${command ?? '(none)'}`);
  const file = positionals[0];
  if (!values.url || !file) throw new UsageError(`${command} needs --url <page url> and a page file`);
  const page = readPage(file, values.url);
  const base = { marketplace: page.marketplace, pageType: page.pageType };
  if (command === 'extract') return { ...base, items: page.items.map(itemOut) };

  if (!values.feed?.length) throw new UsageError('check needs at least one --feed <file>');
  const { index, feeds } = loadFeeds(values.feed);
  return {
    ...base,
    feeds,
    items: page.items.map((item) => ({
      ...itemOut(item),
      matches: index.lookup(item).map((m) => ({
        recallId: m.recallId,
        source: m.source,
        tier: m.tier,
        title: index.get(m.recallId)?.title ?? null,
        url: index.get(m.recallId)?.url ?? null,
        evidence: m.evidence,
        caveats: m.caveats,
      })),
    })),
  };
}

// `index` commands are async (Web Crypto, CompressionStream); the others resolve at once.
try {
  const out = await run(process.argv.slice(2));
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
} catch (e) {
  const message = e instanceof Error ? e.message : String(e);
  process.stderr.write(`recall-sentinel: ${message}\n`);
  if (e instanceof UsageError) process.stderr.write(`${USAGE}\n`);
  process.exit(e instanceof UsageError ? 2 : 1);
}
