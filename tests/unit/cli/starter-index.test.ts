import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readStarterInputs, STARTER_FILES } from '../../../scripts/commands/starter-index';
import { noticeUrl, readCpscCopies } from '../../../scripts/lib/cpsc-copies';
import { buildPublishedIndex } from '../../../scripts/lib/published-builder';
import { findSharedData } from '../../../scripts/lib/shared-data';
import { STARTER_DIR } from '../../../scripts/lib/starter-dir';
import { parseManifest } from '../../../utils/recall-index/published/documents';

const NOW = new Date('2026-12-01T00:00:00Z');
const DATA = findSharedData('real-recalls');

/**
 * Reading ~10,000 real CPSC notices takes 5-12 s on a quiet machine but 35 s on the two shared cores
 * under a full parallel suite (measured 2026-12-05, load average 11), past the 30 s default: these two
 * read all of it, so they get more time rather than fail for the machine's load.
 */
const SLOW_MS = 120_000;

describe('notice URLs rebuilt from the compact CPSC copy', () => {
  it('keeps a well-formed notice path under the copy’s prefix', () => {
    expect(noticeUrl('https://www.cpsc.gov/Recalls/', '2026/Goal-Zero-Recalls-YETI-3000X')).toBe(
      'https://www.cpsc.gov/Recalls/2026/Goal-Zero-Recalls-YETI-3000X',
    );
  });

  it('repairs the damaged URLs the copy holds ("hhttps://", "https:/", a URL pasted after the slug)', () => {
    const prefix = 'https://www.cpsc.gov/Recalls/';
    expect(noticeUrl(prefix, 'hhttps://www.cpsc.gov/Recalls/2023/TJX-Recalls-Office-Chairs')).toBe(
      'https://www.cpsc.gov/Recalls/2023/TJX-Recalls-Office-Chairs',
    );
    expect(noticeUrl(prefix, 'https:/www.cpsc.gov/Recalls/2026/Minka-Lighting-Group-Recalls')).toBe(
      'https://www.cpsc.gov/Recalls/2026/Minka-Lighting-Group-Recalls',
    );
    expect(
      noticeUrl(prefix, '2026/LEACHOI-Bed-Railshttps://www.cpsc.gov/Recalls/2026/LEACHOI-Adult-Bed-Rails'),
    ).toBe('https://www.cpsc.gov/Recalls/2026/LEACHOI-Adult-Bed-Rails');
  });

  it('gives no URL rather than one the CPSC did not publish', () => {
    expect(noticeUrl('https://www.cpsc.gov/Recalls/', 'https://example.com/page')).toBeNull();
    expect(noticeUrl('https://www.cpsc.gov/Recalls/', undefined)).toBeNull();
  });
});

describe.skipIf(!DATA)('the starter index from the real CPSC and openFDA copies', () => {
  const data = DATA as string;
  const read = (file: string) => readFileSync(path.join(data, file), 'utf8');

  it(
    'reads every CPSC notice of both copies once, the full notices joined to their URL',
    () => {
      const compact = JSON.parse(read(STARTER_FILES.cpscCompact));
      const result = readCpscCopies(compact, read(STARTER_FILES.cpscCsv), NOW);
      expect(result.recalls.length).toBeGreaterThanOrEqual(9900);
      expect(new Set(result.recalls.map((r) => r.id)).size).toBe(result.recalls.length);
      expect(result.joined).toBeGreaterThanOrEqual(890);
      // Rows without any notice URL are skipped with their reason, not guessed.
      for (const s of result.skipped) expect(s.reason).toMatch(/no notice URL|no recall number/);
    },
    SLOW_MS,
  );

  it('mines the full notice: the Oreck vacuum models, its firm, its sale dates, decoded text', () => {
    const result = readCpscCopies(null, read(STARTER_FILES.cpscCsv), NOW);
    const oreck = result.recalls.find((r) => r.id === 'cpsc:24-039');
    expect(oreck?.products[0]?.models).toEqual(expect.arrayContaining(['UK30500', 'UK30500PC']));
    expect(oreck?.manufacturers).toContain('Royal Appliance Mfg. Co.');
    expect(oreck?.products[0]?.dateRanges).toContainEqual(expect.objectContaining({ kind: 'sold' }));
    expect(oreck?.remedy).not.toMatch(/&nbsp;|&amp;/);
  });

  it(
    'ships exactly what `npm run build:starter` builds from the real data',
    async () => {
      const shipped = parseManifest(
        JSON.parse(readFileSync(path.join(STARTER_DIR, 'manifest.json'), 'utf8')),
      );
      const { inputs } = readStarterInputs(data, NOW);
      const rebuilt = await buildPublishedIndex(inputs, undefined, new Date(shipped.generatedAt));
      const digest = (m: typeof shipped) => ({
        records: m.records,
        feeds: m.feeds,
        shards: m.shards.map((s) => [s.file, s.sha256, s.records]),
      });
      expect(digest(shipped), 'run `npm run build:starter` after changing a mapper or the data').toEqual(
        digest(rebuilt.manifest),
      );
    },
    SLOW_MS,
  );
});
