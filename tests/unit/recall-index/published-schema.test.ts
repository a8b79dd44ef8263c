import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PUBLISHED_SCHEMA_FILE, publishedJsonSchema } from '../../../scripts/lib/published-json-schema';

describe('the published index JSON Schema', () => {
  it('is checked in exactly as the zod schemas generate it', () => {
    const checkedIn: unknown = JSON.parse(readFileSync(PUBLISHED_SCHEMA_FILE, 'utf8'));
    expect(
      checkedIn,
      'utils/recall-index/published.schema.json is out of date: run `npm run build:schema` and commit it',
    ).toEqual(publishedJsonSchema());
  });
});
