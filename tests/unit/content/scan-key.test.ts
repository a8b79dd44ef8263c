import { describe, expect, it } from 'vitest';
import { scanKey } from '../../../utils/content/scan-key';
import type { ProductIdentity } from '../../../utils/schemas';

const stool = {
  marketplace: 'amazon',
  pageType: 'product',
  url: 'https://www.amazon.com/dp/B0DEMO0001',
  itemId: 'B0DEMO0001',
  gtins: ['00810044120011'],
  rawGtins: ['810044120011'],
  models: ['KB-100'],
  brand: 'Kettlebrook',
} as unknown as ProductIdentity;

const key = (url: string, items = [stool]) => scanKey(new URL(url), 'amazon', 'product', items);

describe('scanKey', () => {
  it('is the same for the same products on the same page, whatever the fragment', () => {
    expect(key('https://www.amazon.com/dp/B0DEMO0001#reviews')).toBe(
      key('https://www.amazon.com/dp/B0DEMO0001'),
    );
  });

  it('changes when the shop rewrites its address, so the verdict is filed under the new one', () => {
    expect(key('https://www.amazon.com/Kettlebrook-Stool/dp/B0DEMO0001')).not.toBe(
      key('https://www.amazon.com/dp/B0DEMO0001'),
    );
  });

  it('changes when a product identifier changes on the same page', () => {
    const other = { ...stool, models: ['KB-200'] };
    expect(key('https://www.amazon.com/dp/B0DEMO0001', [other])).not.toBe(
      key('https://www.amazon.com/dp/B0DEMO0001'),
    );
  });
});
