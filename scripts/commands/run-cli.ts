/**
 * The command-line tool's commands, run in-process: scripts/cli.ts is the process around it (English UI
 * messages first, argv in, stdout/stderr/exit code out), and the tests call `runCli` directly, since a
 * process per case costs seconds of TypeScript transform.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { extractPage } from '../../utils/marketplaces';
import { BANNER_TIERS } from '../../utils/recall-index/tiers';
import type { ProductIdentity } from '../../utils/schemas';
import { decodeHtml, parseHtml } from '../lib/html';
import { AUDIT_USAGE, type AuditOutput, runAuditCommand } from './audit-command';
import { readFeedFiles } from './audit-index';
import { INDEX_USAGE, runIndexCommand, UsageError } from './index-commands';

const USAGE = `usage:
  npm run --silent cli -- extract --url <page url> <file.html>
  npm run --silent cli -- check --url <page url> <file.html> --feed <file> [--feed <file> ...]
${AUDIT_USAGE}
${INDEX_USAGE}`;

/** Commands whose errors are bad input (exit 2) and whose findings decide the exit code. */
const CI_COMMANDS = new Set(['check', 'audit']);

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

interface CheckOutput {
  items: { matches: { tier: string }[] }[];
}

/** What a command printed and how it exits: JSON commands exit 0, except `check` with a banner-tier match. */
function jsonOutput(command: string | undefined, out: unknown): AuditOutput {
  const found =
    command === 'check' &&
    (out as CheckOutput).items.some((i) =>
      i.matches.some((m) => (BANNER_TIERS as string[]).includes(m.tier)),
    );
  return { stdout: `${JSON.stringify(out, null, 2)}\n`, stderr: [], exitCode: found ? 1 : 0 };
}

async function run(argv: string[]): Promise<AuditOutput> {
  const [command, ...rest] = argv;
  if (command === 'audit') return runAuditCommand(rest);
  return jsonOutput(command, await runJson(argv));
}

function runJson(argv: string[]): unknown {
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

/** What one run of the CLI printed and how it exits, the process left alone (scripts/cli.ts writes it). */
export interface CliResult {
  stdout: string;
  /** Lines as printed, each "recall-sentinel: ..." (and the usage after a usage error). */
  stderr: string;
  exitCode: number;
}

/**
 * Runs one command line. Never throws: an error becomes one stderr line and the exit code the command
 * promises (2 for usage, and for any error of `check` and `audit`, which CI reads; else 1).
 */
export async function runCli(argv: string[]): Promise<CliResult> {
  try {
    const out = await run(argv);
    const stderr = out.stderr.map((line) => `recall-sentinel: ${line}\n`).join('');
    return { stdout: out.stdout, stderr, exitCode: out.exitCode };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const usage = e instanceof UsageError ? `${USAGE}\n` : '';
    const exitCode = e instanceof UsageError || CI_COMMANDS.has(argv[0] ?? '') ? 2 : 1;
    return { stdout: '', stderr: `recall-sentinel: ${message}\n${usage}`, exitCode };
  }
}
