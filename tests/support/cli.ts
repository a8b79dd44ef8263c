/**
 * The CLI run in the test's own process (scripts/commands/run-cli.ts), as a process would print it:
 * a new process per case costs seconds of TypeScript transform. tests/unit/cli/cli.test.ts runs the real
 * process once, to keep the wiring honest. `epoch` is SOURCE_DATE_EPOCH for the run, as in a process.
 */
import { runCli } from '../../scripts/commands/run-cli';

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

export async function cli(args: string[], epoch?: string | number): Promise<CliRun> {
  const before = process.env.SOURCE_DATE_EPOCH;
  if (epoch === undefined) delete process.env.SOURCE_DATE_EPOCH;
  else process.env.SOURCE_DATE_EPOCH = String(epoch);
  try {
    const out = await runCli(args);
    return { status: out.exitCode, stdout: out.stdout, stderr: out.stderr };
  } finally {
    if (before === undefined) delete process.env.SOURCE_DATE_EPOCH;
    else process.env.SOURCE_DATE_EPOCH = before;
  }
}
