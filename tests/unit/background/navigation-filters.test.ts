import { describe, expect, it } from 'vitest';
import { navigationFilters } from '../../../utils/background/navigation-filters';

describe('the navigation filters the background listens with', () => {
  it('names each host our scripts run on once, exactly or by suffix', () => {
    expect(
      navigationFilters([
        'https://www.walmart.com/*',
        'https://*.target.com/*',
        'https://www.walmart.com/ip/*',
      ]),
    ).toEqual([{ hostEquals: 'www.walmart.com' }, { hostSuffix: '.target.com' }]);
  });

  it('turns a pattern for every host into a filter on its scheme, never into no filter at all', () => {
    expect(navigationFilters(['https://*/*'])).toEqual([{ schemes: ['https'] }]);
    expect(navigationFilters(['*://*/*'])).toEqual([{ schemes: ['http', 'https'] }]);
  });

  it('skips what is not a match pattern', () => {
    expect(navigationFilters(['<all_urls>', 'not a pattern'])).toEqual([]);
  });
});
