import { describe, expect, it } from 'vitest';
import {
  describeEvidence,
  isTitleOnly,
  matchMeaning,
  TIER_MEANING,
  TITLE_MATCH_MEANING,
} from '../../utils/recall-index/explain';
import type { MatchEvidence } from '../../utils/schemas';

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
    expect(matchMeaning(match)).toBe(TITLE_MATCH_MEANING);
    expect(TITLE_MATCH_MEANING).toMatch(
      /^Possible: similar product name from the same brand — check the model/,
    );
  });

  it("keeps the tier's own meaning when an identifier agrees", () => {
    const match = { tier: 'likely' as const, evidence: [model, brand] };
    expect(isTitleOnly(match)).toBe(false);
    expect(matchMeaning(match)).toBe(TIER_MEANING.likely);
  });
});
