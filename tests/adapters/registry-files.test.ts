/**
 * The marketplace registry's rule is stated twice, once as the Vite globs of utils/marketplaces/index.ts
 * and test-cases.ts and once for plain Node in scripts/lib/registry-files.ts (the build's content-script
 * and host-permission modules use it): these tests keep the statements in step.
 */
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { MARKETPLACE_RULE, registryMembers } from '../../scripts/lib/registry-files';
import { adaptersByFileId, memberId } from '../../utils/marketplaces/index';
import { testCasesByFileId } from '../../utils/marketplaces/test-cases';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('the marketplace registry files', () => {
  test('the build and the registry find the same adapters', () => {
    const members = registryMembers(ROOT, MARKETPLACE_RULE).map((m) => m.id);
    expect(
      members,
      'change the globs in utils/marketplaces/index.ts and test-cases.ts and MARKETPLACE_RULE in scripts/lib/registry-files.ts together',
    ).toEqual(Object.keys(adaptersByFileId).sort());
  });

  test('the test-case registry reads the same files as the adapter registry', () => {
    expect(Object.keys(testCasesByFileId).sort()).toEqual(Object.keys(adaptersByFileId).sort());
  });

  test('a marketplace is a file or a folder with its index.ts', () => {
    expect(memberId('./amazon.ts')).toBe('amazon');
    expect(memberId('./amazon/index.ts')).toBe('amazon');
  });
});
