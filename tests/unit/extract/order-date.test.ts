import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeHtml, parseHtml } from '../../../scripts/lib/html';
import { findSharedData } from '../../../scripts/lib/shared-data';
import { firstPrintedDate } from '../../../utils/extract/order-date';
import { extractPage } from '../../../utils/marketplaces';

describe('the first full date printed in a text', () => {
  it('reads the ways order pages print a day', () => {
    expect(firstPrintedDate('Order placed December 14, 2023 Total $72.75')).toBe('2023-12-14');
    expect(firstPrintedDate('Order placed 16 December 2025 Total £19.95')).toBe('2025-12-16');
    expect(firstPrintedDate('Pedido realizado 15 de enero de 2026 N.º de pedido')).toBe('2026-01-15');
    expect(firstPrintedDate('Bestellung aufgegeben 1. Dezember 2026 Summe')).toBe('2026-12-01');
    expect(firstPrintedDate('Commande effectuée le 3 juillet 2025')).toBe('2025-07-03');
    expect(firstPrintedDate('Pedido feito 9 de março de 2024')).toBe('2024-03-09');
    expect(firstPrintedDate('注文日 2026年2月17日 合計')).toBe('2026-02-17');
    expect(firstPrintedDate('下单时间：2026-02-17 10:22')).toBe('2026-02-17');
  });

  it('takes the first date, not a later one', () => {
    expect(firstPrintedDate('Ordered on October 26, 2020 … Delivered November 2, 2020')).toBe('2020-10-26');
  });

  it('reads no date from words that are not months, impossible days, or a date without its year', () => {
    expect(firstPrintedDate('Total 72, 2023 items')).toBeNull();
    expect(firstPrintedDate('Order placed February 31, 2026')).toBeNull();
    expect(firstPrintedDate('Delivered Dec 16')).toBeNull();
    expect(firstPrintedDate('Order # 112-0069841-1234567')).toBeNull();
  });
});

const real = findSharedData('real-pages');

/** Real order pages (saved from the sites) and the day their first order was placed, as they print it. */
const ORDER_PAGES: Array<[file: string, url: string, firstOrder: string]> = [
  ['amazon-orders/order-history-2023-10.html', 'https://www.amazon.com/your-orders/orders', '2023-12-14'],
  [
    'amazon-orders/order-history-2018-0.html',
    'https://www.amazon.com/gp/your-account/order-history',
    '2018-12-30',
  ],
  [
    'amazon-orders/order-details-112-0399923-3070642.html',
    'https://www.amazon.com/gp/your-account/order-details?orderID=112-0399923-3070642',
    '2018-12-21',
  ],
  [
    'amazon-co-uk/order-history-2025-savepage.html',
    'https://www.amazon.co.uk/gp/css/order-history',
    '2025-12-16',
  ],
  [
    'amazon-com-mx/order-history-2026-mis-pedidos.html',
    'https://www.amazon.com.mx/your-orders/orders',
    '2026-02-11',
  ],
  [
    'amazon-com-mx/order-details-2025-one-item.html',
    'https://www.amazon.com.mx/your-orders/order-details?orderID=702-0137443-3750617',
    '2026-01-15',
  ],
  ['amazon-ca/order-history-2026.html', 'https://www.amazon.ca/your-orders/orders', '2026-02-17'],
  [
    'amazon-com/order-details-2024-two-items.html',
    'https://www.amazon.com/gp/your-account/order-details?orderID=113-1625648-3437067',
    '2020-10-26',
  ],
];

describe.skipIf(!real)('the order date of each line on real Amazon order pages', () => {
  for (const [file, url, firstOrder] of ORDER_PAGES) {
    it(`dates every line of ${file}, the first order on ${firstOrder}`, () => {
      const html = decodeHtml(readFileSync(path.join(real as string, file)));
      const { pageType, items } = extractPage(parseHtml(html, url), new URL(url));
      expect(pageType).toBe('orders');
      expect(items.length).toBeGreaterThan(0);
      expect(items[0]?.orderedAt).toBe(firstOrder);
      for (const item of items) expect(item.orderedAt, item.title ?? '').toMatch(/^20\d\d-\d\d-\d\d$/);
    });
  }
});
