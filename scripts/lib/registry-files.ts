/**
 * Which files are members of a registry folder, for code that runs in plain Node at build time (the WXT
 * modules that generate content scripts and permissions), where Vite's `import.meta.glob` does not exist.
 * The registries themselves (utils/marketplaces/index.ts, utils/feeds/index.ts) state the same rule as
 * globs; tests/adapters/registry-files.test.ts and tests/unit/feeds/conventions.test.ts check that both
 * find the same members, so the rule is written here once for Node and once per glob, never guessed.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';

export interface RegistryRule {
  /** The folder, relative to the repository root. */
  dir: string;
  /** Whether `<id>.ts` beside the registry is a member; `<id>/index.ts` always is. */
  singleFiles: boolean;
  /** Names in the folder that are the registry's own machinery, not members. */
  notMembers: readonly string[];
}

/** Marketplace adapters: `<id>.ts`, or `<id>/index.ts` with helpers beside it. */
export const MARKETPLACE_RULE: RegistryRule = {
  dir: 'utils/marketplaces',
  singleFiles: true,
  notMembers: ['index.ts', 'adapter.ts', 'test-cases.ts'],
};

/** Feeds: `<id>/index.ts` (the mapper) beside its about.ts, cases.ts and helpers; lib/ is shared machinery. */
export const FEED_RULE: RegistryRule = {
  dir: 'utils/feeds',
  singleFiles: false,
  notMembers: ['lib'],
};

export interface RegistryMember {
  /** The file or folder name: the id the member must have. */
  id: string;
  /** The member's module, absolute: `<dir>/<id>.ts` or `<dir>/<id>/index.ts`. */
  file: string;
}

/** The members of a registry folder under `root`, ordered by id. */
export function registryMembers(root: string, rule: RegistryRule): RegistryMember[] {
  const dir = path.join(root, rule.dir);
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => !rule.notMembers.includes(e.name))
    .flatMap((e): RegistryMember[] => {
      if (e.isDirectory()) {
        return [{ id: e.name, file: path.join(dir, e.name, 'index.ts') }];
      }
      if (rule.singleFiles && e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) {
        return [{ id: e.name.replace(/\.ts$/, ''), file: path.join(dir, e.name) }];
      }
      return [];
    })
    .sort((a, b) => a.id.localeCompare(b.id));
}
