/**
 * The JSON Schema of the published index, generated from its zod schemas (utils/recall-index/published/)
 * so the document clients read cannot drift from the code that reads and writes the files. Written by
 * `npm run build:schema` (scripts/build-published-schema.ts); a test checks the file in the repository
 * equals what this returns.
 */
import path from 'node:path';
import { z } from 'zod';
import { PublishedFileSchema } from '../../utils/recall-index/published/documents';

/** Where the schema is checked in, beside the format's modules. */
export const PUBLISHED_SCHEMA_FILE = path.resolve(
  import.meta.dirname,
  '../../utils/recall-index/published.schema.json',
);

const SCHEMA_ID =
  'https://github.com/recall-sentinel/recall-sentinel/utils/recall-index/published.schema.json';

/** The schema of every published file (manifest, shard, delta), as files are written (zod's input side). */
export function publishedJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(PublishedFileSchema, { io: 'input', target: 'draft-2020-12' });
  return { $schema, $id: SCHEMA_ID, ...rest };
}
