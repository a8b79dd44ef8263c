import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeHtml, parseHtml } from '../../scripts/lib/html';
import { findSharedData } from '../../scripts/lib/shared-data';
import { etsyShipsFrom } from '../../utils/extract/ships-from';
import { extractPage } from '../../utils/marketplaces';
import { shipsFromNote } from '../../utils/recalled-where';

const real = findSharedData();
const page = (file: string, url: string) =>
  parseHtml(decodeHtml(readFileSync(path.join(real as string, 'real-pages', file))), url);
const html = (body: string) =>
  parseHtml(
    `<!doctype html><html><head></head><body>${body}</body></html>`,
    'https://www.etsy.com/listing/1',
  );

describe('where an Etsy listing says it ships from', () => {
  it.skipIf(!real)('reads a country from a real 2026 listing', () => {
    const doc = page('etsy/listing-2026-es-crown-necklace.html', 'https://www.etsy.com/listing/1385245506/x');
    expect(etsyShipsFrom(doc)).toBe('Türkiye');
  });

  it.skipIf(!real)('reads a US town and state from another real 2026 listing', () => {
    const doc = page('etsy/listing-2026-stacking-blocks.html', 'https://www.etsy.com/listing/1394647088/x');
    expect(etsyShipsFrom(doc)).toBe('Richland Center, WI');
  });

  it.skipIf(!real)('is carried on the listing identity the Etsy adapter reads, for the popup to say', () => {
    const url = 'https://www.etsy.com/listing/1385245506/x';
    const doc = page('etsy/listing-2026-es-crown-necklace.html', url);
    expect(extractPage(doc, new URL(url)).items[0]?.shipsFrom).toBe('Türkiye');
  });

  it.skipIf(!real)('reads nothing from a 2020 listing that does not say', () => {
    const doc = page('etsy/listing-2020-decal-sticker.html', 'https://www.etsy.com/listing/230389421/x');
    expect(etsyShipsFrom(doc)).toBeNull();
  });

  it('falls back to the meta description when the delivery block is not rendered', () => {
    const doc = parseHtml(
      '<!doctype html><html><head><meta name="description" content="This item by A has 3 favorites. Ships from Canada. Listed on Jan 2, 2026"></head><body></body></html>',
      'https://www.etsy.com/listing/1',
    );
    expect(etsyShipsFrom(doc)).toBe('Canada');
  });

  it('takes no bold text that follows another label', () => {
    expect(etsyShipsFrom(html('<div>Materials: <strong>Silver</strong></div>'))).toBeNull();
  });

  it('takes no sentence as a place', () => {
    expect(
      etsyShipsFrom(html(`<div>Ships from: <strong>${'a very long text '.repeat(6)}</strong></div>`)),
    ).toBeNull();
  });
});

describe('the ships-from line of a card', () => {
  it('says where the listing says it ships from', () => {
    expect(shipsFromNote('Türkiye')).toBe('The listing says it ships from Türkiye');
  });

  it('says nothing when the listing does not say', () => {
    expect(shipsFromNote(null)).toBeNull();
    expect(shipsFromNote('  ')).toBeNull();
  });
});
