import { describe, expect, it } from 'vitest';
import { COVERED_JURISDICTIONS, recalledWhereOnPage } from '../../utils/recalled-where-on-page';

const eu = { id: 'eu-safety-gate:10200001', jurisdiction: 'EU' };
const us = { id: 'cpsc:90001', jurisdiction: 'US' };
const amazonCom = { marketplace: 'amazon', url: 'https://www.amazon.com/dp/B0EUTOY001' };

describe('the "recalled elsewhere" line of a recall on a page', () => {
  it('says an EU recall on an amazon.com listing was not announced in the US', () => {
    expect(recalledWhereOnPage(amazonCom, eu, [eu])?.text).toBe(
      'Recalled in the EU — not announced in the US',
    );
  });

  it('says "also recalled in the US" when a US recall matched the same listing', () => {
    expect(recalledWhereOnPage(amazonCom, eu, [eu, us])?.kind).toBe('also-here');
  });

  it('adds nothing for the US recall beside it', () => {
    expect(recalledWhereOnPage(amazonCom, us, [eu, us])).toBeNull();
  });

  it('adds nothing for an EU recall on amazon.de', () => {
    expect(
      recalledWhereOnPage({ marketplace: 'amazon', url: 'https://www.amazon.de/dp/B0EUTOY001' }, eu),
    ).toBeNull();
  });

  it('names only where a recall was announced on a manual lookup, which has no market', () => {
    expect(recalledWhereOnPage({ marketplace: null, url: 'about:manual-lookup' }, eu)?.text).toBe(
      'Recalled in the EU',
    );
  });

  it('covers the jurisdictions of the feed catalogue, the snapshot’s wildcard left out', () => {
    expect(COVERED_JURISDICTIONS).toEqual(expect.arrayContaining(['US', 'EU', 'GB', 'CA', 'AU', 'FR', 'CN']));
    expect(COVERED_JURISDICTIONS).not.toContain('*');
  });
});
