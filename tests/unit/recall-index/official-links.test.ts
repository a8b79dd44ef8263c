/**
 * Finding 3 of issue 14: a recall's link and images are shown only when they are https on the source's
 * own hosts, whichever origin wrote the record (a published index, a snapshot, a feed's changes, the
 * bundled starter). Records are written here as any sync would write them and read back by a lookup.
 */
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyChanges, replaceSource } from '../../../utils/recall-index/db';
import { lookupIdentities } from '../../../utils/recall-index/query';
import type { Recall, SourceStatus } from '../../../utils/schemas';
import { identity, recall } from '../support/factories';
import { closeIndexes, openIndex } from './open-index';

const status = (records: number): SourceStatus => ({
  source: 'cpsc',
  records,
  skipped: 0,
  skippedReasons: [],
  loadedAt: '2026-11-01T00:00:00.000Z',
  origin: 'sync',
});

const GTIN = '00850012345671';
const OFFICIAL_IMAGE = { url: 'https://www.cpsc.gov/s3fs-public/stool.jpg', caption: 'The stool' };

function hostile(url: string): Recall {
  return recall(
    '1',
    { brands: ['Kettlebrook'], gtins: [GTIN] },
    {
      url,
      images: [
        { url: 'javascript:alert(document.domain)', caption: null },
        { url: 'http://www.cpsc.gov/s3fs-public/plain-http.jpg', caption: null },
        { url: 'https://tracker.example/pixel.gif', caption: null },
        OFFICIAL_IMAGE,
      ],
    },
  );
}

async function shown(db: Awaited<ReturnType<typeof openIndex>>): Promise<Recall | undefined> {
  const { recalls } = await lookupIdentities(db, [identity({ gtins: [GTIN] })]);
  return recalls['cpsc:1'];
}

describe('recall links read back from the index', () => {
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
  });
  afterEach(closeIndexes);

  for (const url of [
    'javascript:alert(document.cookie)',
    'http://www.cpsc.gov/Recalls/2026/plain-http',
    'https://www.cpsc.gov.evil.example/Recalls/1',
    'https://www.gov.uk/product-safety-alerts-reports-recalls/another-source',
    'data:text/html,<script>alert(1)</script>',
  ]) {
    it(`drops the link ${url.slice(0, 40)} of a record written as a full generation`, async () => {
      const db = await openIndex();
      await replaceSource(db, [hostile(url)], status(1));
      const found = await shown(db);
      expect(found?.id).toBe('cpsc:1');
      expect(found?.url).toBeNull();
      expect(found?.images).toEqual([OFFICIAL_IMAGE]);
    });
  }

  it('drops the link and foreign images of a record written as an incremental change', async () => {
    const db = await openIndex();
    await replaceSource(db, [], status(0));
    await applyChanges(db, 'cpsc', [hostile('javascript:alert(1)')], [], () => status(1));
    const found = await shown(db);
    expect(found?.id).toBe('cpsc:1');
    expect(found?.url).toBeNull();
    expect(found?.images).toEqual([OFFICIAL_IMAGE]);
  });

  it('keeps an https link and images on the source’s own hosts as they are', async () => {
    const db = await openIndex();
    const fine = recall('1', { gtins: [GTIN] }, { images: [OFFICIAL_IMAGE] });
    await replaceSource(db, [fine], status(1));
    expect(await shown(db)).toEqual(fine);
  });

  it('keeps no link for a record whose source has no official hosts', async () => {
    const db = await openIndex();
    const odd = { ...recall('1', { gtins: [GTIN] }), source: 'constructor' };
    await replaceSource(db, [odd], { ...status(1), source: 'constructor' });
    expect((await shown(db))?.url).toBeNull();
  });
});
