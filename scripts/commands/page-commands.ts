/**
 * `extract` and `check`: a saved page read by its marketplace adapter, as the content script reads it,
 * and its items looked up in feed files. JSON out; `check` exits 1 on a banner-tier match (run-cli.ts).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { extractPage } from '../../utils/marketplaces';
import type { ProductIdentity } from '../../utils/schemas';
import { decodeHtml, parseHtml } from '../lib/html';
import { readFeedFiles } from './feed-index';
import { UsageError } from './usage';

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

/** `extract` or `check` with their arguments: the page's items, and with `check` their matches. */
export function runPageCommand(command: 'extract' | 'check', rest: string[]) {
  const { values, positionals } = parseArgs({
    args: rest,
    options: { url: { type: 'string' }, feed: { type: 'string', multiple: true } },
    allowPositionals: true,
  });
  const file = positionals[0];
  if (!values.url || !file) throw new UsageError(`${command} needs --url <page url> and a page file`);
  const page = readPage(file, values.url);
  const base = { marketplace: page.marketplace, pageType: page.pageType };
  if (command === 'extract') return { ...base, items: page.items.map(itemOut) };

  if (!values.feed?.length) throw new UsageError('check needs at least one --feed <file>');
  const { index, feeds } = readFeedFiles(values.feed);
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
