/**
 * `npm run lint:ext`: Mozilla's add-on linter (web-ext lint, the check addons.mozilla.org runs on upload)
 * over the Firefox build that `npm run zip` packaged (.output/firefox-mv3, the folder the zip is made of). It fails on any error, and on any warning but one:
 * Preact's own `dangerouslySetInnerHTML` branch, which the linter flags in every bundle that renders with
 * Preact although our code never uses it (proved here per file: every `innerHTML=` in the file is Preact's
 * `x.innerHTML=y.__html`).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import webExt from 'web-ext';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, '.output');

interface LintMessage {
  code: string;
  message: string;
  file?: string;
  description?: string;
}

/** Whether every innerHTML assignment in a built file is Preact's dangerouslySetInnerHTML branch. */
function onlyPreactInnerHtml(source: string): boolean {
  const all = source.match(/\.innerHTML\s*=(?!=)/g)?.length ?? 0;
  const preact = source.match(/\.innerHTML\s*=\s*[\w$]+\.__html/g)?.length ?? 0;
  return all > 0 && all === preact;
}

const dir = path.join(OUT, 'firefox-mv3');
if (!existsSync(path.join(dir, 'manifest.json')))
  throw new Error('no Firefox build in .output/: run `npm run zip` first');

// The linter prints its whole JSON report; we print a summary and the problems instead.
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = (() => true) as typeof process.stdout.write;
const result = (await webExt.cmd
  .lint(
    { sourceDir: dir, output: 'json', selfHosted: false, boring: true, warningsAsErrors: false },
    { shouldExitProgram: false },
  )
  .finally(() => {
    process.stdout.write = write;
  })) as { errors: LintMessage[]; warnings: LintMessage[]; notices: LintMessage[] };

const accepted = (m: LintMessage): boolean =>
  m.code === 'UNSAFE_VAR_ASSIGNMENT' &&
  m.file !== undefined &&
  onlyPreactInnerHtml(readFileSync(path.join(dir, m.file), 'utf8'));

const problems = [...result.errors, ...result.warnings.filter((w) => !accepted(w))];
const preactOnly = result.warnings.filter(accepted).length;
console.log(
  `web-ext lint .output/firefox-mv3: ${result.errors.length} errors, ${result.warnings.length} warnings ` +
    `(${preactOnly} are Preact's dangerouslySetInnerHTML branch, unused), ${result.notices.length} notices`,
);
for (const p of problems)
  console.error(`  ${p.code} ${p.file ?? ''}: ${p.message}${p.description ? ` (${p.description})` : ''}`);
process.exit(problems.length > 0 ? 1 : 0);
