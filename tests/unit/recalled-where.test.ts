import { describe, expect, it } from 'vitest';
import { feedCatalogue } from '../../utils/feeds/catalogue';
import { announcedFor, crossBorderNote, placeName, recalledWhere } from '../../utils/recalled-where';

const COVERED = feedCatalogue.map((f) => f.jurisdiction).filter((j) => j !== '*');
const where = (jurisdiction: string, country: string | null, matchedJurisdictions: string[] = []) =>
  recalledWhere({ jurisdiction, country, matchedJurisdictions, covered: COVERED });

describe('which recalls were announced for a market', () => {
  it('counts a recall as announced in its own country', () => {
    expect(announcedFor('US', 'US')).toBe(true);
    expect(announcedFor('gb', 'GB')).toBe(true);
  });

  it('counts an EU-wide recall as announced in every member state, and in the EEA states of Safety Gate', () => {
    for (const country of ['DE', 'FR', 'IT', 'ES', 'NL', 'SE', 'PL', 'BE', 'IE', 'NO']) {
      expect(announcedFor('EU', country), country).toBe(true);
    }
  });

  it('does not count an EU recall as announced in the UK, nor a UK recall in the EU', () => {
    expect(announcedFor('EU', 'GB')).toBe(false);
    expect(announcedFor('GB', 'DE')).toBe(false);
  });

  it("does not count one member state's national recall as announced in another", () => {
    expect(announcedFor('FR', 'DE')).toBe(false);
  });

  it('does not count a mainland China recall as announced in Hong Kong', () => {
    expect(announcedFor('CN', 'HK')).toBe(false);
  });
});

describe('the line that says where a recall was announced', () => {
  it('says an EU recall on amazon.com was not announced in the US', () => {
    expect(where('EU', 'US')).toEqual({
      kind: 'elsewhere',
      text: 'Recalled in the EU — not announced in the US',
    });
  });

  it('says a UK recall on amazon.de was not announced in Germany, which Safety Gate covers', () => {
    expect(where('GB', 'DE')?.text).toBe('Recalled in the UK — not announced in Germany');
  });

  it('says a US recall on amazon.co.uk was not announced in the UK', () => {
    expect(where('US', 'GB')?.text).toBe('Recalled in the US — not announced in the UK');
  });

  it('adds nothing when the recall was announced for the page’s own market', () => {
    expect(where('US', 'US')).toBeNull();
    expect(where('EU', 'DE')).toBeNull();
    expect(where('CN', 'CN')).toBeNull();
  });

  it('says "also recalled" when a recall from the page’s own market matched the same listing', () => {
    expect(where('EU', 'US', ['US'])).toEqual({
      kind: 'also-here',
      text: 'Recalled in the EU — also recalled in the US',
    });
    expect(where('GB', 'DE', ['EU'])?.kind).toBe('also-here');
  });

  it('does not claim "not announced" in a market none of our sources covers', () => {
    expect(where('EU', 'JP')).toEqual({
      kind: 'not-covered',
      text: "Recalled in the EU — we don't hold recalls from Japan to compare",
    });
  });

  it('names only where it was announced when the page’s market is unknown', () => {
    expect(where('EU', null)).toEqual({ kind: 'market-unknown', text: 'Recalled in the EU' });
    expect(where('AU', null)?.text).toBe('Recalled in Australia');
  });

  it('shows a jurisdiction it has no name for as its code', () => {
    expect(placeName('ZZ')).toBe('ZZ');
    expect(where('ZZ', 'US')?.text).toBe('Recalled in ZZ — not announced in the US');
  });

  it('names every jurisdiction our sources publish for', () => {
    for (const j of COVERED) expect(placeName(j), j).not.toBe(j);
  });
});

describe('the cross-border line', () => {
  it('says a Tmall Global listing is imported into China', () => {
    expect(crossBorderNote({ country: 'CN', crossBorder: 'Tmall Global' })).toBe(
      'Tmall Global listing: imported into China from abroad',
    );
  });

  it('says nothing for a store that is not an import store', () => {
    expect(crossBorderNote({ country: 'US', crossBorder: null })).toBeNull();
  });
});
