/**
 * The command-line tool's commands, run in-process: scripts/cli.ts is the process around it (English UI
 * messages first, argv in, stdout/stderr/exit code out), and the tests call `runCli` directly, since a
 * process per case costs seconds of TypeScript transform. Each command's code is loaded when it runs:
 * loading all of it (every adapter, feed mapper and the index builder) added a second to every run.
 */
import { BANNER_TIERS } from '../../utils/recall-index/tiers';
import type { AuditOutput } from './audit-command';
import { USAGE, UsageError } from './usage';

/** Commands whose errors are bad input (exit 2) and whose findings decide the exit code. */
const CI_COMMANDS = new Set(['check', 'audit']);

interface CheckOutput {
  items: { matches: { tier: string }[] }[];
}

/** What a command printed and how it exits: JSON commands exit 0, except `check` with a banner-tier match. */
function jsonOutput(command: string, out: unknown): AuditOutput {
  const found =
    command === 'check' &&
    (out as CheckOutput).items.some((i) =>
      i.matches.some((m) => (BANNER_TIERS as string[]).includes(m.tier)),
    );
  return { stdout: `${JSON.stringify(out, null, 2)}\n`, stderr: [], exitCode: found ? 1 : 0 };
}

async function run(argv: string[]): Promise<AuditOutput> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'audit':
      return (await import('./audit-command')).runAuditCommand(rest);
    case 'index':
      return jsonOutput(command, await (await import('./index-commands')).runIndexCommand(rest));
    case 'extract':
    case 'check':
      return jsonOutput(command, (await import('./page-commands')).runPageCommand(command, rest));
    default:
      throw new UsageError(`unknown command: ${command ?? '(none)'}`);
  }
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
