/**
 * The command-line tool: the extension's core (adapters, feed mappers, matcher) in Node, on saved pages
 * and feed files. Output is JSON on stdout (audit: JSON, CSV or HTML); an error is one line on stderr.
 *
 *   extract --url <page url> <file.html>
 *   check   --url <page url> <file.html> --feed <file> [--feed <file> ...]
 *   audit   <catalog file | store URL> [--feed <file> ...] [--format json|csv|html] [--map column=field ...]
 *   index   fetch | build | verify | diff | stats | snapshot | starter (scripts/commands/index-commands.ts)
 *
 * The commands run in scripts/commands/run-cli.ts; this file is the process around them.
 *
 * Exit codes. `check` and `audit` are meant for CI (issue 11): 1 when a confirmed or likely match exists,
 * 0 when none, 2 on bad input (usage, an unreadable or unrecognised file). `extract` and `index`: 0, or 1
 * on an error, 2 for usage.
 */
// First: the UI's English messages, before anything reads them (see the module).
import './lib/english-ui';
import { runCli } from './commands/run-cli';

// `index` and `audit` are async (Web Crypto, CompressionStream, the starter's checksums).
const out = await runCli(process.argv.slice(2));
process.stdout.write(out.stdout);
process.stderr.write(out.stderr);
process.exitCode = out.exitCode;
// An error printed nothing on stdout: exit now rather than wait on a hung request's timer.
if (out.stdout === '' && out.exitCode !== 0) process.exit(out.exitCode);
