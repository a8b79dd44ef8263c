/**
 * The feed folder's contract, as tests that say what to do when a feed breaks it: every
 * `utils/feeds/<id>/` (all but lib/) has an id fit for `Recall.source`, an index.ts default-exporting a
 * mapper with that id, an about.ts with that id read by the catalogue (so the banner, the popup, the
 * options page and the settings know it without loading the mapper), and a cases.ts with at least one
 * case on a fixture kept under tests/fixtures/feeds/<id>/. The build's Node rule for which folders are
 * feeds (scripts/lib/registry-files.ts) must find what the registry's globs find.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { MatchPattern } from '@webext-core/match-patterns';
import { describe, expect, it } from 'vitest';
import { FEED_RULE, registryMembers } from '../../../scripts/lib/registry-files';
import { feedById, feedFiles } from '../../../utils/feeds';
import { aboutFeed, aboutFolders } from '../../../utils/feeds/catalogue';
import { feedTestCases } from '../../../utils/feeds/test-cases';
import { authorityName, sourceLabel } from '../../../utils/recall-index/explain';
import type { Recall } from '../../../utils/schemas';
import { feedEnabled, parseSettings } from '../../../utils/settings';
import { bundledFiles } from '../../support/bundle-graph';
import { casePath } from './case-documents';
import { sharedSample } from './shared-sample';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const folders = registryMembers(ROOT, FEED_RULE).map((m) => m.id);
const sorted = (ids: Iterable<string>) => [...ids].sort((a, b) => a.localeCompare(b));

describe('the feed folder', () => {
  it('holds feeds', () => {
    expect(folders.length, 'add utils/feeds/<id>/index.ts; the registry discovers it').toBeGreaterThan(0);
  });

  it('is read the same way by the build (plain Node) and by the registry, catalogue and case globs', () => {
    const instruction =
      'give every folder of utils/feeds but lib/ an index.ts, an about.ts and a cases.ts (scripts/lib/registry-files.ts FEED_RULE and the globs in utils/feeds/index.ts, catalogue.ts and test-cases.ts must agree)';
    expect(sorted(Object.values(feedFiles)), instruction).toEqual(folders);
    expect(sorted(Object.values(aboutFolders)), instruction).toEqual(folders);
    expect(sorted(Object.keys(feedTestCases)), instruction).toEqual(folders);
  });

  it('keeps test cases out of the extension: no entry point bundles a cases.ts or a test-case registry', async () => {
    const { files } = await bundledFiles([
      'entrypoints/background/index.ts',
      'entrypoints/popup/main.tsx',
      'entrypoints/options/main.tsx',
      'utils/content/start.ts',
    ]);
    expect(
      files.filter((f) => /(?:^|\/)(?:cases|test-cases)\.ts$/.test(f)),
      'import utils/feeds/test-cases.ts and utils/marketplaces/test-cases.ts from tests only',
    ).toEqual([]);
  });
});

describe.each(folders)('utils/feeds/%s', (id) => {
  const mapper = feedById(id);
  const about = aboutFeed(id);
  const cases = feedTestCases[id];

  it('has an id fit for Recall.source', () => {
    expect(id, 'name the folder in lower case letters, digits and hyphens: it is the feed id').toMatch(
      /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
    );
  });

  it('default-exports a mapper whose id is the folder name', () => {
    expect(
      mapper,
      `export default defineFeed({ id: '${id}', ... }) from utils/feeds/${id}/index.ts`,
    ).toBeDefined();
    expect(feedFiles[id], `set the mapper's id to '${id}' (the id must equal the folder name)`).toBe(id);
  });

  it('describes itself in about.ts with the same id, as the catalogue reads it', () => {
    expect(
      about,
      `add utils/feeds/${id}/about.ts: export default { id: '${id}', name, authority, label, ... } satisfies FeedAbout`,
    ).toBeDefined();
    expect(aboutFolders[id], `set id: '${id}' in utils/feeds/${id}/about.ts`).toBe(id);
    for (const field of ['name', 'authority', 'label'] as const) {
      expect(about?.[field].trim(), `give utils/feeds/${id}/about.ts a ${field}`).not.toBe('');
    }
    expect(about?.jurisdiction, 'jurisdiction: an ISO 3166-1 alpha-2 code, "EU", or "*"').toMatch(
      /^(?:[A-Z]{2}|EU|\*)$/,
    );
    expect(
      { name: mapper?.name, jurisdiction: mapper?.jurisdiction },
      'take name and jurisdiction from about.ts',
    ).toEqual({
      name: about?.name,
      jurisdiction: about?.jurisdiction,
    });
  });

  it('declares the host permissions its sync needs, and is on by default only without any', () => {
    expect(
      Boolean(mapper?.endpoint),
      about?.official
        ? 'an official feed describes its endpoint (or set official: false in about.ts)'
        : 'a feed with an endpoint is official: set official: true in about.ts',
    ).toBe(Boolean(about?.official));
    const patterns = (about?.hostPermissions ?? []).map((p) => {
      expect(() => new MatchPattern(p), `"${p}" is not a match pattern (https://host/*)`).not.toThrow();
      return new MatchPattern(p);
    });
    const url = mapper?.endpoint?.buildUrl(null);
    if (url && patterns.length > 0) {
      expect(
        patterns.some((p) => p.includes(url)),
        `add ${new URL(url).origin}/* to hostPermissions in utils/feeds/${id}/about.ts (its sync fetches ${url})`,
      ).toBe(true);
    }
    if (about?.enabledByDefault) {
      expect(
        about.hostPermissions,
        'a feed on by default cannot need a host permission (nobody was asked): set enabledByDefault: false',
      ).toEqual([]);
    }
  });

  it('is known to explain and settings through the catalogue', () => {
    expect(sourceLabel(id), `the banner must not fall back to "${id.toUpperCase()}"`).toBe(about?.label);
    expect(authorityName({ source: id } as Recall)).toBe(about?.authority);
    expect(feedEnabled(parseSettings({}), id)).toBe(about?.enabledByDefault);
  });

  it('exports test cases on fixtures that exist, kept under its own fixture folder', (ctx) => {
    expect(
      Array.isArray(cases),
      `export const testCases: FeedTestCase[] = [...] from utils/feeds/${id}/cases.ts`,
    ).toBe(true);
    const list = cases ?? [];
    expect(
      list.filter((c) => !c.shared).length,
      `add a case on a fixture under tests/fixtures/feeds/${id}/ (runs everywhere, unlike shared real data)`,
    ).toBeGreaterThan(0);
    const names = list.map((c) => c.name);
    expect(new Set(names).size, 'give every case a distinct name (it is the test name)').toBe(names.length);
    for (const c of list) {
      expect(
        c.fixture.startsWith(`${id}/`),
        `keep ${id}'s documents under tests/fixtures/feeds/${id}/ (or ../shared/data/${id}/)`,
      ).toBe(true);
      if (!c.shared) {
        expect(existsSync(casePath(c)), `create tests/fixtures/feeds/${c.fixture} (case "${c.name}")`).toBe(
          true,
        );
      }
      const says = [
        c.expectIds,
        c.expectAllIds,
        c.expectRecords,
        c.expectSkips,
        c.expectSkipReasons,
        c.expectError,
      ];
      expect(
        says.some((x) => x !== undefined),
        `case "${c.name}": state what the document yields (ids, counts, skips) or its error`,
      ).toBe(true);
    }
    // Shared samples are checked last: where the data is absent this skips, with a note, after the rest.
    for (const c of list.filter((c) => c.shared)) sharedSample(ctx, c.fixture);
  });
});
