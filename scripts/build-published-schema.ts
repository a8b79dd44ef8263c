/**
 * `npm run build:schema`: writes utils/recall-index/published.schema.json from the published index's
 * zod schemas (scripts/lib/published-json-schema.ts), formatted as the repository formats JSON so the
 * lint stays clean. Run it after changing the format; a unit test fails until the file is rewritten.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PUBLISHED_SCHEMA_FILE, publishedJsonSchema } from './lib/published-json-schema';

writeFileSync(PUBLISHED_SCHEMA_FILE, `${JSON.stringify(publishedJsonSchema(), null, 2)}\n`);
const biome = path.resolve(import.meta.dirname, '../node_modules/.bin/biome');
execFileSync(biome, ['format', '--write', PUBLISHED_SCHEMA_FILE], { stdio: 'inherit' });
console.log(`wrote ${path.relative(process.cwd(), PUBLISHED_SCHEMA_FILE)}`);
