/**
 * How the CLI is called, and the error for a call it cannot take (exit 2, the usage printed after it).
 * Its own module so that each command is loaded only when it runs (run-cli.ts): loading every command's
 * code took a second of TypeScript transform on every run.
 */

/** A mistake in how the command was called: the CLI prints usage and exits 2. */
export class UsageError extends Error {}

const PAGE_USAGE = `  npm run --silent cli -- extract --url <page url> <file.html>
  npm run --silent cli -- check --url <page url> <file.html> --feed <file> [--feed <file> ...]`;

const AUDIT_USAGE =
  '  npm run --silent cli -- audit <catalog file | store URL> [--feed <file> ... | --index <dir>] [--format json|csv|html] [--map column=field ...]';

const INDEX_USAGE = `  npm run --silent cli -- index build --feed <file> [--feed <file> ...] --out <dir> [--previous <dir>] [--allow-shrink] [--sign-key <file>]
  npm run --silent cli -- index verify <dir> --public-key <file> [--public-key <file> ...]
  npm run --silent cli -- index diff --from <dir> --to <dir> --out <file>
  npm run --silent cli -- index stats --feed <file> [--feed <file> ...] | --index <dir>
  npm run --silent cli -- index snapshot --feed <file> [--feed <file> ...] --out <file>
  npm run --silent cli -- index starter [--data <real-recalls dir>] [--out <dir>]
  npm run --silent cli -- index fetch --out <dir> [--source <id>|all ...] [--state <file>] [--base-url <id>=<url> ...] [--max-pages <n>] [--max-items <n>] [--pace-ms <ms>] [--retries <n>] [--retry-delay-ms <ms>]`;

export const USAGE = `usage:
${PAGE_USAGE}
${AUDIT_USAGE}
${INDEX_USAGE}`;
