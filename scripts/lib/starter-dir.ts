/**
 * Where the starter index lives: built by `index starter` (scripts/commands/starter-index.ts), shipped in
 * every build, and what `audit` checks a catalog against when given no recalls. Its own module so the
 * audit does not load the starter's builder to find it.
 */
import path from 'node:path';

export const STARTER_DIR = path.resolve(import.meta.dirname, '../../public/starter');
