import { describe, expect, it } from 'vitest';
import { outlives } from '../../../utils/background/verdict-lifetime';

const verdict = {
  page: { marketplace: 'amazon', pageType: 'product' as const, url: 'https://www.amazon.com/dp/B0DEMO0001' },
};

describe('when a tab that starts loading keeps its verdict', () => {
  it('keeps it while the tab shows the same page, its fragment aside', () => {
    expect(outlives(verdict, 'https://www.amazon.com/dp/B0DEMO0001')).toBe(true);
    expect(outlives(verdict, 'https://www.amazon.com/dp/B0DEMO0001#reviews')).toBe(true);
  });

  it('forgets it when the tab goes to another page of the same shop', () => {
    expect(outlives(verdict, 'https://www.amazon.com/dp/B0DEMO0002')).toBe(false);
  });

  it('forgets it when the tab goes to another site', () => {
    expect(outlives(verdict, 'https://news.example/')).toBe(false);
  });

  it('forgets it when the tab address cannot be read (a site without host permission)', () => {
    expect(outlives(verdict, undefined)).toBe(false);
  });
});
