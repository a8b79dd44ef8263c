import { describe, expect, it } from 'vitest';
import { feedCatalogue } from '../../utils/feeds/catalogue';
import {
  authorityName,
  describeCaveat,
  describeEvidence,
  describeUnits,
  formatDate,
  isTitleOnly,
  matchMeaning,
  remedyOptionsNotSaid,
  sourceLabel,
  TIER_MEANING,
  titleMatchMeaning,
} from '../../utils/recall-index/explain';
import type { MatchEvidence, Recall } from '../../utils/schemas';
import { speak } from '../support/i18n-setup';

const title: MatchEvidence = {
  kind: 'title',
  pageValue: 'Kettlebrook CozyNest Toddler Step Stool, Natural Wood',
  pageSource: 'json-ld',
  recallValue: 'Kettlebrook CozyNest Toddler Step Stools',
  recallSource: 'structured',
  recallOrigin: 'name',
  shared: ['cozynest', 'toddler', 'step', 'stool'],
  score: 1,
};
const brand: MatchEvidence = {
  kind: 'brand',
  pageValue: 'Kettlebrook',
  pageSource: 'json-ld',
  recallValue: 'Kettlebrook',
  recallSource: 'structured',
  recallOrigin: 'brands',
};
const model: MatchEvidence = {
  kind: 'model',
  pageValue: 'KB-TS100',
  pageSource: 'spec-table',
  recallValue: 'KB-TS100',
  recallSource: 'prose',
  recallOrigin: 'Description',
};

describe('title evidence, in words', () => {
  it('says "title ≈ product name", where the title came from, the shared words and the score', () => {
    expect(describeEvidence(title)).toBe(
      `Title ≈ product name: "Kettlebrook CozyNest Toddler Step Stool, Natural Wood" from the page's product data is similar to the product name "Kettlebrook CozyNest Toddler Step Stools" in the notice (4 words in common: CozyNest, Toddler, Step, Stools, 100% of the name).`,
    );
  });

  it('cuts a long listing title short', () => {
    const long = {
      ...title,
      pageValue: `Kettlebrook CozyNest Toddler Step Stool ${'Kitchen Helper '.repeat(20)}`,
    };
    const quoted = /^Title ≈ product name: "([^"]*)"/.exec(describeEvidence(long))?.[1] ?? '';
    expect(quoted.endsWith('…')).toBe(true);
    expect(quoted.length).toBeLessThanOrEqual(90);
  });
});

describe('what a match means', () => {
  it('words a match on the brand and title alone as weak: check the model on your item', () => {
    const match = { tier: 'possible' as const, evidence: [title, brand] };
    expect(isTitleOnly(match)).toBe(true);
    expect(matchMeaning(match)).toBe(titleMatchMeaning());
    expect(titleMatchMeaning()).toMatch(
      /^Possible: similar product name from the same brand — check the model/,
    );
  });

  it("keeps the tier's own meaning when an identifier agrees", () => {
    const match = { tier: 'likely' as const, evidence: [model, brand] };
    expect(isTitleOnly(match)).toBe(false);
    expect(matchMeaning(match)).toBe(TIER_MEANING.likely);
  });
});

describe('sources and authorities, in words', () => {
  const from = (source: string) => ({ source }) as Recall;

  it('names each feed as its about.ts does, never by its id in capitals', () => {
    for (const feed of feedCatalogue) {
      expect(sourceLabel(feed.id), feed.id).toBe(feed.label);
      expect(authorityName(from(feed.id)), feed.id).toBe(feed.authority);
    }
    expect(sourceLabel('cpsc')).toBe('CPSC');
    expect(sourceLabel('openfda')).toBe('openFDA');
    expect(authorityName(from('cpsc'))).toBe('U.S. Consumer Product Safety Commission');
  });

  it('calls a published index by name, and shows a source no feed knows as its id in capitals', () => {
    expect(sourceLabel('published')).toBe('published index');
    // A published index built by a newer version may carry a source this one has no feed for.
    expect(sourceLabel('nhtsa')).toBe('NHTSA');
    expect(authorityName(from('nhtsa'))).toBe('NHTSA');
  });
});

describe('dates, in words', () => {
  it('writes an ISO day as day, short month and year', () => {
    expect(formatDate('2026-10-15')).toBe('15 Oct 2026');
    expect(formatDate('2026-01-02T10:00:00Z')).toBe('2 Jan 2026');
    expect(formatDate('2025-12-31')).toBe('31 Dec 2025');
  });

  it('says so when there is no date, and leaves what is not an ISO day as it is', () => {
    expect(formatDate(null)).toBe('date unknown');
    expect(formatDate('2026-13-01')).toBe('2026-13-01');
    expect(formatDate('October 2026')).toBe('October 2026');
  });

  it('writes the Chinese order when the browser speaks Chinese', () => {
    speak('zh_CN');
    expect(formatDate('2026-10-15')).toBe('2026年10月15日');
    expect(formatDate(null)).toBe('日期不详');
  });
});

describe('the evidence and caveats in Chinese', () => {
  const gtin: MatchEvidence = {
    kind: 'gtin',
    pageValue: '041260012846',
    recallValue: '041260012846',
    pageSource: 'json-ld',
    recallSource: 'structured',
    recallOrigin: 'gtins',
  };

  it('says where the barcode was read and where the notice has it', () => {
    expect(describeEvidence(gtin)).toBe(
      "Barcode 041260012846 from the page's product data is listed in the notice.",
    );
    speak('zh_CN');
    expect(describeEvidence(gtin)).toBe('来自页面的商品数据的条形码 041260012846 列在通告中。');
  });

  it('words a caveat by its kind and keeps its values', () => {
    const lots = { kind: 'lot-specific' as const, message: 'Only some lots…', values: ['L123', 'L124'] };
    expect(describeCaveat(lots)).toBe(
      'Only some lots or batches are recalled. Check the lot or batch code printed on your item. Affected: L123, L124.',
    );
    speak('zh_CN');
    expect(describeCaveat(lots)).toBe('只有部分批次被召回。请核对你商品上印的批号。受影响：L123, L124。');
  });

  it('words a brand that differs by what agreed: a barcode or an Amazon item id', () => {
    const differs = { kind: 'brand-differs' as const, message: '…', values: [] };
    expect(describeCaveat({ ...differs, basis: 'barcode' })).toContain('The barcode matches');
    expect(describeCaveat({ ...differs, basis: 'item-id' })).toContain('The Amazon item id matches');
  });

  it('keeps the publication date of a completed recall', () => {
    const done = {
      kind: 'recall-completed' as const,
      message: 'The authority lists this recall (published 2019-05-02) as completed, but …',
      values: [],
      published: '2019-05-02',
    };
    speak('zh_CN');
    expect(describeCaveat(done)).toContain('发布于 2019-05-02');
  });
});

describe('the remedy options a card prints after the remedy', () => {
  it('drops an option the remedy already says ("… a full refund." is not followed by "(Refund)")', () => {
    expect(
      remedyOptionsNotSaid('Stop using the stools and contact Kettlebrook for a full refund.', ['Refund']),
    ).toEqual([]);
  });

  it('drops an option the remedy says in another form of the word', () => {
    expect(remedyOptionsNotSaid('Contact Tidewater for a free replacement.', ['Replace'])).toEqual([]);
  });

  it('keeps an option the remedy does not say', () => {
    expect(remedyOptionsNotSaid('Contact the firm for a free repair kit.', ['Repair', 'Refund'])).toEqual([
      'Refund',
    ]);
  });

  it('drops measures an EU notice lists both as the remedy and as its options', () => {
    const measures = ['Recall of the product from end users', 'Withdrawal of the product from the market'];
    expect(remedyOptionsNotSaid(measures.join('; '), measures)).toEqual([]);
  });

  it('keeps the English options of a remedy written in Chinese, which translate it', () => {
    expect(remedyOptionsNotSaid('免费更换', ['Replace'])).toEqual(['Replace']);
  });
});

describe('the number of units a card prints', () => {
  it('says "1 unit", not "1 units"', () => {
    expect(describeUnits('1 units')).toBe('1 unit');
  });

  it('groups the thousands of a bare count', () => {
    expect(describeUnits('12000 units')).toBe('12,000 units');
  });

  it('leaves an authority’s own wording as it is', () => {
    expect(describeUnits('About 41,000')).toBe('About 41,000');
  });
});
