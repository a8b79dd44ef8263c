/**
 * What an extension entry point really pulls in: esbuild bundles it in memory (types erased, unused code
 * dropped, as Vite's production build does) and its metafile says which source files put bytes in the
 * output. Import-boundary tests read that instead of grepping import lines, so a type-only import is no
 * edge and a module reached through a registry's `import.meta.glob` is one.
 *
 * `import.meta.glob` is Vite's: a small plugin expands its patterns (a `*` per path segment, `!` to
 * exclude, eager imports only, which is all the registries use) into plain imports.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';
import { MARKETPLACE_RULE, registryMembers } from '../../scripts/lib/registry-files';

export const ROOT = path.resolve(import.meta.dirname, '../..');

/** Files (relative to `dir`) matching one glob pattern whose segments may contain `*`. */
function expand(dir: string, pattern: string): string[] {
  const segments = pattern.replace(/^\.\//, '').split('/');
  const walk = (base: string, rest: string[]): string[] => {
    const [head, ...tail] = rest;
    if (head === undefined) return [base];
    if (head === '..') return walk(path.join(base, '..'), tail);
    if (!head.includes('*')) {
      const next = path.join(base, head);
      return existsSync(next) ? walk(next, tail) : [];
    }
    const re = new RegExp(`^${head.split('*').map(escapeRe).join('[^/]*')}$`);
    if (!existsSync(base)) return [];
    return readdirSync(base)
      .filter((name) => re.test(name))
      .sort()
      .flatMap((name) => walk(path.join(base, name), tail));
  };
  return walk(dir, segments);
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Replaces each `import.meta.glob(patterns, …)` with an object built from static imports of its files. */
const viteGlob: Plugin = {
  name: 'vite-glob',
  setup(b) {
    b.onLoad({ filter: /\.(ts|tsx)$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes('import.meta.glob')) return undefined;
      const dir = path.dirname(args.path);
      let n = 0;
      const imports: string[] = [];
      const contents = source.replace(
        /import\.meta\.glob(?:<[^>]*>)?\(\s*(\[[^\]]*\]|'[^']*'|"[^"]*")[^)]*\)/g,
        (_call, arg: string) => {
          const patterns = [...arg.matchAll(/['"]([^'"]+)['"]/g)].map((m) => m[1] as string);
          const included = new Set(patterns.filter((p) => !p.startsWith('!')).flatMap((p) => expand(dir, p)));
          for (const p of patterns.filter((p) => p.startsWith('!'))) {
            for (const file of expand(dir, p.slice(1))) included.delete(file);
          }
          const entries = [...included].map((file) => {
            const name = `__glob_${n++}`;
            imports.push(`import * as ${name} from ${JSON.stringify(file)};`);
            return `${JSON.stringify(file)}: ${name}`;
          });
          return `({ ${entries.join(', ')} })`;
        },
      );
      return {
        contents: `${imports.join('\n')}\n${contents}`,
        loader: args.path.endsWith('x') ? 'tsx' : 'ts',
      };
    });
  },
};

/** What a generated site content script imports: the runtime and the adapters (every one, as a superset). */
export function contentEntries(): string[] {
  const adapters = registryMembers(ROOT, MARKETPLACE_RULE).map((m) => path.relative(ROOT, m.file));
  return ['utils/content/start.ts', ...adapters];
}

/**
 * The repository files (relative, with forward slashes) that contribute code to a bundle of `entry`.
 * Packages are left out of the bundle but reported as `node_modules/<name>` when something imports them.
 */
export async function bundledFiles(
  entries: readonly string[],
): Promise<{ files: string[]; packages: string[] }> {
  // One synthetic entry importing every given module, as a generated content script imports the
  // runtime and its adapters.
  const stdin = entries.map((e) => `export * from ${JSON.stringify(path.join(ROOT, e))};`).join('\n');
  const result = await build({
    stdin: { contents: stdin, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'browser',
    logLevel: 'silent',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    tsconfig: path.join(ROOT, 'tsconfig.json'),
    plugins: [viteGlob],
    packages: 'external',
    loader: { '.json': 'json', '.css': 'empty' },
  });
  const output = Object.values(result.metafile.outputs)[0];
  const files = Object.entries(output?.inputs ?? {})
    .filter(([, info]) => info.bytesInOutput > 0)
    .map(([file]) => path.relative(ROOT, path.resolve(file)).split(path.sep).join('/'))
    .sort();
  const packages = [
    ...new Set(output?.imports.filter((i) => i.external).map((i) => packageName(i.path)) ?? []),
  ].sort();
  return { files, packages };
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}
