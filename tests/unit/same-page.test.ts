import { describe, expect, it } from 'vitest';
import { samePage } from '../../utils/same-page';

describe('samePage', () => {
  it('treats an address and the same address with an anchor as one page', () => {
    expect(
      samePage('https://www.amazon.com/dp/B0DEMO0001', 'https://www.amazon.com/dp/B0DEMO0001#reviews'),
    ).toBe(true);
  });

  it('treats another product on the same shop as another page', () => {
    expect(samePage('https://www.walmart.com/ip/123', 'https://www.walmart.com/ip/456')).toBe(false);
  });

  it('treats a changed query (a variant picked on the page) as another page', () => {
    expect(samePage('https://shop.test/p/kettle?variant=1', 'https://shop.test/p/kettle?variant=2')).toBe(
      false,
    );
  });

  it('treats another site as another page', () => {
    expect(samePage('https://www.amazon.com/dp/B0DEMO0001', 'https://example.com/dp/B0DEMO0001')).toBe(false);
  });

  it('never calls an address it cannot read the same page', () => {
    expect(samePage('not a url', 'not a url')).toBe(false);
  });

  it('reads both addresses the way the browser writes them (host case, default port)', () => {
    expect(samePage('https://WWW.Amazon.com:443/dp/B0DEMO0001', 'https://www.amazon.com/dp/B0DEMO0001')).toBe(
      true,
    );
  });
});
