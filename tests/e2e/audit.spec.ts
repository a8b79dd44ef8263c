/**
 * The merchant audit page in real Chromium with the demo build, whose index holds the starter data
 * (real CPSC and openFDA notices): each catalog format of tests/fixtures/catalogs imported through the
 * file input, its columns shown, the audit run against the extension's own IndexedDB index, the
 * findings listed with the real notices their barcodes and models name; the CSV download read back;
 * the printable report opened; a review kept across a reload; a column cleared in the mapping step.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page, Route } from '@playwright/test';
import writeXlsxFile from 'write-excel-file/node';
import { sharedDataPath } from '../../scripts/lib/shared-data';
import { storePage } from '../support/shopify-test-store';
import { expect, FIXTURES, test } from './fixtures';

const CATALOGS = path.resolve(import.meta.dirname, '../fixtures/catalogs');

async function openAudit(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/audit.html`);
  await expect(page.getByRole('heading', { name: 'Merchant audit' })).toBeVisible();
  return page;
}

async function importCatalog(page: Page, file: string): Promise<void> {
  await page.getByLabel('Choose a catalog file').setInputFiles(path.join(CATALOGS, file));
  await expect(page.getByTestId('catalog-format')).toContainText(file);
}

async function runAudit(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Run the audit' }).click();
  await expect(page.getByTestId('summary')).toBeVisible({ timeout: 20_000 });
}

/** The findings table as [tier, recall id, row] per line. */
const findingRows = (page: Page) =>
  page
    .getByTestId('findings')
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((r) => {
        const el = r as HTMLElement;
        return [el.dataset.tier, el.dataset.recall, Number(el.dataset.row)] as const;
      }),
    );

const FORMATS: Array<[file: string, format: string, findings: Array<[string, string, number]>]> = [
  [
    'generic.csv',
    'CSV',
    [
      ['confirmed', 'cpsc:25-366', 3],
      ['confirmed', 'cpsc:20220616-8efeb7', 2],
      ['likely', 'cpsc:26-264', 4],
      ['likely', 'cpsc:26-185', 5],
    ],
  ],
  [
    'merchant-center.xml',
    'Google Merchant Center feed (XML)',
    [
      ['confirmed', 'cpsc:20260604-b3af15', 1],
      ['confirmed', 'cpsc:24-341', 2],
    ],
  ],
  [
    'merchant-center.tsv',
    'Google Merchant Center feed (TSV)',
    [
      ['confirmed', 'cpsc:24-257', 2],
      ['likely', 'cpsc:26-347', 3],
    ],
  ],
  [
    'shopify-products.csv',
    'Shopify product export (CSV)',
    [
      ['confirmed', 'cpsc:25-115', 3],
      ['likely', 'cpsc:26-224', 5],
      ['possible', 'cpsc:25-115', 2],
    ],
  ],
  [
    'amazon-listings.txt',
    'Amazon listings report',
    [
      ['confirmed', 'cpsc:24-341', 3],
      ['confirmed', 'cpsc:24-221', 2],
      ['confirmed', 'cpsc:24-222', 2],
    ],
  ],
  [
    'chinese-gbk.csv',
    'gb18030',
    [
      ['confirmed', 'cpsc:20260604-b3af15', 2],
      ['likely', 'cpsc:26-264', 3],
    ],
  ],
  [
    'excel-utf16le.txt',
    'utf-16le',
    [
      ['confirmed', 'cpsc:25-115', 2],
      ['likely', 'cpsc:26-255', 3],
    ],
  ],
];

for (const [file, format, findings] of FORMATS) {
  test(`imports ${file} and lists the real recalls its listings match`, async ({ context, extensionId }) => {
    const page = await openAudit(context, extensionId);
    await importCatalog(page, file);
    await expect(page.getByTestId('catalog-format')).toContainText(format);
    await runAudit(page);
    expect(await findingRows(page)).toEqual(findings);
  });
}

test('shows the guessed columns, and a cleared barcode column audits by model alone', async ({
  context,
  extensionId,
}) => {
  const page = await openAudit(context, extensionId);
  await importCatalog(page, 'generic.csv');
  await expect(page.getByLabel('Barcode (GTIN/UPC/EAN)')).toHaveValue('UPC');
  await expect(page.getByLabel('Model / MPN')).toHaveValue('Model Number');
  await expect(page.getByLabel('EU responsible person')).toHaveValue('EU Responsible Person');
  await page.getByLabel('Barcode (GTIN/UPC/EAN)').selectOption('');
  await runAudit(page);
  expect(await findingRows(page)).toEqual([
    ['likely', 'cpsc:26-264', 4],
    ['likely', 'cpsc:26-185', 5],
  ]);
});

test('reports bad rows and still audits the rest', async ({ context, extensionId }) => {
  const page = await openAudit(context, extensionId);
  await importCatalog(page, 'generic.csv');
  await runAudit(page);
  const problems = page.getByTestId('problems');
  await expect(problems.locator('summary')).toHaveText('Rows with problems (5)');
  await problems.locator('summary').click();
  await expect(problems).toContainText('repeats row');
  await expect(problems).toContainText('stored as a number');
  await expect(page.getByTestId('summary')).toContainText('8 listings checked');
});

test('filters by tier and shows what to do and the completeness of each listing', async ({
  context,
  extensionId,
}) => {
  const page = await openAudit(context, extensionId);
  await importCatalog(page, 'generic.csv');
  await runAudit(page);
  await expect(page.locator('[data-count="confirmed"]')).toHaveText('Confirmed: 2');
  await page.getByLabel('Tier').selectOption('likely');
  expect((await findingRows(page)).map(([tier]) => tier)).toEqual(['likely', 'likely']);
  const gate = page.locator('tr[data-recall="cpsc:26-264"]');
  await expect(gate.getByRole('link', { name: /Vevor|VEVOR/ })).toHaveAttribute(
    'href',
    /^https:\/\/www\.cpsc\.gov\//,
  );
  await expect(gate).toContainText('Stop sale now');
  await expect(gate).toContainText('missing:');
  await page.getByLabel('Jurisdiction').selectOption('US');
  await page.getByLabel('Tier').selectOption('all');
  expect(await findingRows(page)).toHaveLength(4);
});

test('exports the findings, with the review decisions, as CSV and JSON and opens the evidence report for printing', async ({
  context,
  extensionId,
}) => {
  const page = await openAudit(context, extensionId);
  await importCatalog(page, 'generic.csv');
  await runAudit(page);
  const lounger = page.locator('tr[data-recall="cpsc:26-185"]');
  await lounger.getByText('Review', { exact: true }).click();
  await lounger.getByLabel('Note').fill('Ours is the BLG26BF, checked the label');
  await lounger.getByRole('button', { name: 'Not this product' }).click();
  await expect(lounger.getByTestId('decision')).toContainText('Not this product');

  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  expect(csv.suggestedFilename()).toMatch(/^generic-recall-audit-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = readFileSync(await csv.path(), 'utf8');
  const [header, ...lines] = text.replace(/^\ufeff/, '').split(/\r?\n/);
  expect(header).toMatch(/^tier,row,sku,title,brand,barcode,model/);
  expect(lines).toHaveLength(4);
  expect(lines[0]).toMatch(/^confirmed,3,HF-PS2000,/);
  expect(header).toMatch(/,review,reviewNote,reviewedAt$/);
  // The reviewed finding ends with its decision, note and time; the others with three empty cells.
  const reviewed = lines.filter((l) => l.includes('cpsc:26-185'));
  expect(reviewed).toHaveLength(1);
  expect(reviewed[0]).toMatch(
    /,not-this-product,"Ours is the BLG26BF, checked the label",\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/,
  );
  expect(lines.filter((l) => l.endsWith(',,,'))).toHaveLength(3);

  const [json] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download JSON' }).click(),
  ]);
  const doc = JSON.parse(readFileSync(await json.path(), 'utf8')) as {
    format: string;
    findings: { recallId: string; review: { decision: string; note: string } | null }[];
  };
  expect(doc.format).toBe('recall-sentinel-audit');
  expect(doc.findings.map((f) => [f.recallId, f.review?.decision ?? null, f.review?.note ?? null])).toEqual([
    ['cpsc:25-366', null, null],
    ['cpsc:20220616-8efeb7', null, null],
    ['cpsc:26-264', null, null],
    ['cpsc:26-185', 'not-this-product', 'Ours is the BLG26BF, checked the label'],
  ]);

  const [report] = await Promise.all([
    context.waitForEvent('page'),
    page.getByRole('button', { name: 'Print the evidence report' }).click(),
  ]);
  await report.waitForLoadState();
  await expect(report.getByRole('heading', { level: 1 })).toHaveText('Recall audit of generic.csv');
  await expect(report.locator('section.finding')).toHaveCount(4);
  await expect(report.locator('section.finding').first().locator('.notice a')).toHaveAttribute(
    'href',
    /^https:\/\/www\.cpsc\.gov\//,
  );
  await expect(report.locator('section.finding').nth(3).locator('.review')).toContainText(
    /Your review: Not this product \(decided \d{4}-\d\d-\d\d \d\d:\d\d UTC\): Ours is the BLG26BF, checked the label/,
  );
  await expect(report.locator('section.finding').first().locator('.review')).toHaveText(
    'Your review: not reviewed yet.',
  );
});

test('keeps a review with its note in the log, across a reload', async ({ context, extensionId }) => {
  const page = await openAudit(context, extensionId);
  await importCatalog(page, 'generic.csv');
  await runAudit(page);
  const lounger = page.locator('tr[data-recall="cpsc:26-185"]');
  await lounger.getByText('Review', { exact: true }).click();
  await lounger.getByLabel('Note').fill('Ours is the BLG26BF, checked the label');
  await lounger.getByRole('button', { name: 'Not this product' }).click();
  await expect(lounger.getByTestId('decision')).toContainText('Not this product');
  await expect(lounger.getByTestId('decision')).toContainText('Ours is the BLG26BF');

  await page.reload();
  const log = page.getByTestId('review-log');
  await expect(log.locator('tbody tr')).toHaveCount(1);
  await expect(log).toContainText('SKU BB-LOUNGER');
  await expect(log).toContainText('cpsc:26-185');
  await expect(log).toContainText('Ours is the BLG26BF, checked the label');

  // Audited again, the finding shows the decision beside it.
  await importCatalog(page, 'generic.csv');
  await runAudit(page);
  await expect(page.locator('tr[data-recall="cpsc:26-185"]').getByTestId('decision')).toContainText(
    'Not this product',
  );
});

test('imports an Excel workbook and audits its first sheet with data; refuses a damaged one with what to do', async ({
  context,
  extensionId,
}) => {
  // No real catalog workbook exists: this one is generated here by write-excel-file, a hand-made sheet
  // after an empty cover sheet, the UPC stored as a number (the real one of CPSC 25-366, row 2).
  const products = [
    ['SKU', 'Product Name', 'Brand', 'UPC'].map((value) => ({ value })),
    [
      { value: 'HF-PS2000' },
      { value: 'Predator 2000 Watt Portable Power Station' },
      { value: 'Predator' },
      { type: Number, value: 193175488718 },
    ],
    // 6,000 more rows: the sheet's XML passes 512 KB, the size past which fflate would inflate it in a
    // worker of its own (utils/audit/workbook.ts unpacks it first, so none starts).
    ...Array.from({ length: 6_000 }, (_, i) => [
      { value: `GH-${i}` },
      { value: `Cedar planter box ${i}` },
      { value: 'Greenhaven' },
      null,
    ]),
  ];
  const workbook = await writeXlsxFile([
    { data: [[null]], sheet: 'Cover' },
    { data: products, sheet: 'Products' },
  ]).toBuffer();
  const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const page = await openAudit(context, extensionId);
  await page
    .getByLabel('Choose a catalog file')
    .setInputFiles({ name: 'products.xlsx', mimeType: XLSX, buffer: workbook });
  await expect(page.getByTestId('catalog-format')).toContainText(
    'products.xlsx: Excel workbook (XLSX), sheet "Products", 6,001 listings',
  );
  await expect(page.getByLabel('Barcode (GTIN/UPC/EAN)')).toHaveValue('UPC');
  await runAudit(page);
  expect(await findingRows(page)).toEqual([['confirmed', 'cpsc:25-366', 2]]);

  await page.getByLabel('Choose a catalog file').setInputFiles({
    name: 'catalog.xlsx',
    mimeType: XLSX,
    buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]),
  });
  await expect(page.getByTestId('audit-error')).toContainText(
    'catalog.xlsx is a damaged ZIP file, not a readable workbook: save it as "CSV UTF-8"',
  );
});

/** Screenshots of the page, to look at (and for the README); outside test-results, which runs empty. */
const SHOTS = process.env.AUDIT_SHOTS ?? path.join(tmpdir(), 'recall-sentinel-audit');
mkdirSync(SHOTS, { recursive: true });

/** A valid GTIN-13 from 12 digits: the check digit computed as GS1 says. */
function gtin13(body: string): string {
  const sum = [...body].reduce((n, d, i) => n + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

/**
 * A large hand-made catalog: `rows` listings with made-up valid barcodes of an unassigned GS1 prefix
 * (200–299 is for a company's internal use, so none is a real product), and one real recalled barcode
 * (UPC 193175488718, CPSC 25-366) as the last row.
 */
function largeCatalog(rows: number): Buffer {
  const lines = ['SKU,Product Name,Brand,EAN'];
  for (let i = 0; i < rows - 1; i++)
    lines.push(`SKU-${i},Garden chair ${i},Acme,${gtin13(`2${String(i).padStart(11, '0')}`)}`);
  lines.push('HF-PS2000,Predator 2000 Watt Portable Power Station,Predator,193175488718');
  return Buffer.from(lines.join('\n'));
}

test('a large catalog shows progress with counts and time left, finds its recalled row, and can be cancelled', async ({
  context,
  extensionId,
}) => {
  // Two audits (or two themes and three screenshots) in one test: more than the default on a busy machine.
  test.setTimeout(60_000);
  const page = await openAudit(context, extensionId);
  const file = { name: 'large.csv', mimeType: 'text/csv', buffer: largeCatalog(20_000) };
  await page.getByLabel('Choose a catalog file').setInputFiles(file);
  await expect(page.getByTestId('catalog-format')).toContainText('20,000 listings');
  // Read in the page's worker, not on its main thread.
  await expect(page.getByTestId('catalog-format')).toHaveAttribute('data-off-thread', 'true');

  await page.getByRole('button', { name: 'Run the audit' }).click();
  const progress = page.getByTestId('progress');
  await expect(progress).toContainText(/[1-9][\d,]* of 20,000 listings checked · about \d+ s left/);
  await page.screenshot({ path: path.join(SHOTS, 'audit-progress.png') });
  await progress.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('audit-notice')).toContainText('Audit cancelled');
  await expect(progress).toHaveCount(0);
  await expect(page.getByTestId('summary')).toHaveCount(0);

  await runAudit(page);
  await expect(page.getByTestId('summary')).toContainText('20,000 listings checked');
  expect(await findingRows(page)).toEqual([['confirmed', 'cpsc:25-366', 20_001]]);
});

test('reads well: the findings of a catalog, light and dark', async ({ context, extensionId }) => {
  // Two audits (or two themes and three screenshots) in one test: more than the default on a busy machine.
  test.setTimeout(60_000);
  const page = await openAudit(context, extensionId);
  await page.setViewportSize({ width: 1400, height: 900 });
  await importCatalog(page, 'generic.csv');
  await page.screenshot({ path: path.join(SHOTS, 'audit-mapping.png'), fullPage: true });
  await runAudit(page);
  const lounger = page.locator('tr[data-recall="cpsc:26-185"]');
  await lounger.getByText('Review', { exact: true }).click();
  await lounger.getByLabel('Note').fill('Ours is the BLG26BF');
  await lounger.getByRole('button', { name: 'Not this product' }).click();
  await expect(lounger.getByTestId('decision')).toBeVisible();
  await lounger.getByText('Review', { exact: true }).click();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.getByTestId('findings').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, `audit-findings-${colorScheme}.png`), fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page
    .locator('section[aria-labelledby="findings-heading"]')
    .screenshot({ path: path.join(SHOTS, 'audit-findings-section.png') });
  // The table fits the page: nothing is cut off to the right at this width.
  const overflow = await page.locator('.table-scroll').evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

// ---------------------------------------------------------------------------------------------------
// The storefront scan: a Shopify-shaped store (hand-made products; the recalled variant's barcode is the
// real UPC 193175488718 of CPSC 25-366) served at http://shop.test, the one shop the demo build holds a
// host permission for, so the browser's permission prompt (which a test cannot answer) is not shown.

const STORE = 'http://shop.test';

type StoreAnswer = (page: number) => 'ok' | 'error' | 'rate-limit' | 'hold';

async function serveStore(context: BrowserContext, answer: StoreAnswer = () => 'ok'): Promise<number[]> {
  const asked: number[] = [];
  await context.unroute(`${STORE}/products.json*`);
  await context.route(`${STORE}/products.json*`, async (route) => {
    const url = new URL(route.request().url());
    expect(url.searchParams.get('limit')).toBe('250');
    const page = Number(url.searchParams.get('page'));
    asked.push(page);
    const what = answer(page);
    if (what === 'hold') return; // never answered: the page hangs
    if (what === 'error') return route.fulfill({ status: 500, body: 'Internal Server Error' });
    if (what === 'rate-limit')
      return route.fulfill({ status: 429, headers: { 'retry-after': '1' }, body: 'Too Many Requests' });
    return route.fulfill({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify(storePage(page)),
    });
  });
  return asked;
}

test('scans a Shopify store page by page and finds its recalled product', async ({
  context,
  extensionId,
}) => {
  let limited = false;
  const asked = await serveStore(context, (page) => {
    if (page === 3 && !limited) {
      limited = true;
      return 'rate-limit';
    }
    return 'ok';
  });
  const page = await openAudit(context, extensionId);
  // Any page of the store will do; typed without a scheme it would be read as https.
  await page.getByLabel('Store address').fill(`${STORE}/collections/all`);
  await page.getByRole('button', { name: 'Scan the store' }).click();
  await expect(page.getByTestId('store-state')).toHaveAttribute('data-status', 'done', { timeout: 20_000 });
  await expect(page.getByTestId('store-state')).toContainText(
    'shop.test: 510 listings (product variants) read from 3 pages.',
  );
  // Page 3 answered 429 once and was asked again after its Retry-After.
  expect(asked.filter((p) => p === 3)).toHaveLength(2);
  await expect(page.getByTestId('catalog-format')).toContainText('Shopify storefront (products.json)');
  await runAudit(page);
  expect(await findingRows(page)).toEqual([['confirmed', 'cpsc:25-366', 322]]);
  await expect(page.locator('tr[data-recall="cpsc:25-366"]')).toContainText('HF-PS2000');
});

test('a store that fails keeps what was read and says where it stopped; resume finishes it', async ({
  context,
  extensionId,
}) => {
  let failing = true;
  await serveStore(context, (page) => (page === 2 && failing ? 'error' : 'ok'));
  const page = await openAudit(context, extensionId);
  await page.getByLabel('Store address').fill(STORE);
  await page.getByRole('button', { name: 'Scan the store' }).click();
  const state = page.getByTestId('store-state');
  await expect(state).toHaveAttribute('data-status', 'stopped', { timeout: 20_000 });
  await expect(state).toContainText(
    'The scan of shop.test stopped at page 2: page 2: the store answered HTTP 500. The 250 listings read before it are kept.',
  );
  failing = false;
  await state.getByRole('button', { name: 'Resume' }).click();
  await expect(state).toHaveAttribute('data-status', 'done', { timeout: 20_000 });
  await expect(state).toContainText('510 listings');
});

test('a reload in the middle of a scan finds it where it stopped, and it resumes from there', async ({
  context,
  extensionId,
}) => {
  const asked = await serveStore(context, (page) => (page >= 2 ? 'hold' : 'ok'));
  const page = await openAudit(context, extensionId);
  await page.getByLabel('Store address').fill(STORE);
  await page.getByRole('button', { name: 'Scan the store' }).click();
  await expect(page.getByTestId('store-progress')).toContainText(
    'Scanning shop.test: 1 pages, 250 listings read',
  );
  await expect.poll(() => asked.includes(2)).toBe(true);

  await page.reload();
  const state = page.getByTestId('store-state');
  await expect(state).toHaveAttribute('data-status', 'paused');
  await expect(state).toContainText('The scan of shop.test is paused after 1 pages (250 listings read).');

  const resumed = await serveStore(context);
  await state.getByRole('button', { name: 'Resume' }).click();
  await expect(state).toHaveAttribute('data-status', 'done', { timeout: 20_000 });
  expect(resumed[0]).toBe(2);
  await expect(state).toContainText('510 listings');
});

// ---------------------------------------------------------------------------------------------------
// Listing pages on the marketplaces, by their addresses, each read by its marketplace's adapter: two of
// our hand-made fixture pages (an eBay item and a JD item of products the demo build's fictional recalls
// name), the real saved eBay page of an RTX 5090 (no recall), a JD page that answers 500, and a line
// that is no marketplace's. eBay's and JD's item hosts are host permissions of every build (the cart's
// product pages), so the browser's prompt, which a test cannot answer, is not shown.

test('reads listing pages on eBay and JD through their adapters and audits them', async ({
  context,
  extensionId,
}) => {
  const EBAY_RECALLED = 'https://www.ebay.com/itm/Lumora-Hand-Warmer/176543210987';
  const EBAY_REAL = 'https://www.ebay.com/itm/226771798286';
  const JD_RECALLED = 'https://item.jd.com/100012345678.html';
  const JD_FAILING = 'https://item.jd.com/1020565583.html';
  const html = (body: Buffer) => ({ status: 200, contentType: 'text/html; charset=utf-8', body });
  const asked: string[] = [];
  const serve = async (url: string, answer: Parameters<Route['fulfill']>[0]) => {
    await context.route(url, (route) => {
      asked.push(url);
      return route.fulfill(answer);
    });
  };
  await serve(EBAY_RECALLED, html(readFileSync(path.join(FIXTURES, 'ebay/item-modern.html'))));
  await serve(EBAY_REAL, html(readFileSync(sharedDataPath('real-pages/ebay/item-2025-rtx5090-fe.html'))));
  await serve(JD_RECALLED, html(readFileSync(path.join(FIXTURES, 'jd/product-classic.html'))));
  await serve(JD_FAILING, { status: 500, contentType: 'text/plain', body: 'Internal Server Error' });

  const page = await openAudit(context, extensionId);
  await page
    .getByLabel("Your listing pages' addresses, one per line")
    .fill(
      [EBAY_RECALLED, EBAY_REAL, 'https://example.com/products/lamp', JD_RECALLED, JD_FAILING].join('\n'),
    );
  await page.getByRole('button', { name: 'Read the listings' }).click();
  await expect(page.getByTestId('listings-state')).toHaveText(
    '4 of 4 listing pages read: 3 listings found.',
    {
      timeout: 20_000,
    },
  );
  const skipped = page.getByTestId('listings-skipped');
  await expect(skipped.locator('summary')).toHaveText('Lines not read (2)');
  await skipped.locator('summary').click();
  await expect(skipped.locator('li')).toHaveText([
    'line 3: example.com is not a marketplace Recall Sentinel reads (a Shopify store is scanned above)',
    `line 5: ${JD_FAILING}: HTTP 500`,
  ]);
  expect(asked.sort()).toEqual([EBAY_REAL, EBAY_RECALLED, JD_FAILING, JD_RECALLED].sort());
  await page.getByTestId('listing-pages').screenshot({ path: path.join(SHOTS, 'audit-listings.png') });

  await expect(page.getByTestId('catalog-format')).toContainText('marketplace listing pages');
  await runAudit(page);
  expect((await findingRows(page)).map(([tier, , row]) => [tier, row])).toEqual([
    ['likely', 1],
    ['likely', 4],
  ]);
  await expect(page.locator('tr[data-row="1"]')).toContainText('Lumora');
  await expect(page.locator('tr[data-row="4"]')).toContainText('Kettlebrook');
  await expect(page.getByTestId('summary')).toContainText('3 listings checked');
});

test.describe('in Simplified Chinese', () => {
  test.use({ uiLanguage: 'zh-CN' });

  test('the page speaks Chinese, and audits a GBK catalog with Chinese headers', async ({
    context,
    extensionId,
  }) => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/audit.html`);
    await expect(page.getByRole('heading', { name: '商家自查' })).toBeVisible();
    await page.getByLabel('选择商品目录文件').setInputFiles(path.join(CATALOGS, 'chinese-gbk.csv'));
    await expect(page.getByLabel('条形码（GTIN/UPC/EAN）')).toHaveValue('条形码');
    await page.getByRole('button', { name: '开始检查' }).click();
    await expect(page.getByTestId('summary')).toContainText('已用');
    await expect(page.locator('[data-count="confirmed"]')).toHaveText('确认匹配: 1');
    expect(await findingRows(page)).toEqual([
      ['confirmed', 'cpsc:20260604-b3af15', 2],
      ['likely', 'cpsc:26-264', 3],
    ]);
    // What to do and the listing's completeness speak Chinese too (utils/audit/actions.ts, completeness.ts).
    const finding = page.locator('tr[data-recall="cpsc:20260604-b3af15"]');
    await expect(finding.locator('.actions-cell')).toContainText('立即停止销售');
    await expect(finding.locator('td.complete, td.incomplete')).toHaveText(
      /^(完整|缺少：.+（(GPSR|市场监管总局第21号公告)）)$/,
    );
    await page.screenshot({ path: path.join(SHOTS, 'audit-zh.png'), fullPage: true });

    // The printable evidence report speaks Chinese too; the notices stay as published.
    const [report] = await Promise.all([
      context.waitForEvent('page'),
      page.getByRole('button', { name: '打印证据报告' }).click(),
    ]);
    await report.waitForLoadState();
    await expect(report.getByRole('heading', { level: 1 })).toHaveText('chinese-gbk.csv 的召回检查');
    await expect(report.locator('section.finding').first().locator('h3').first()).toHaveText('召回');
    await report.screenshot({ path: path.join(SHOTS, 'audit-report-zh.png'), fullPage: true });
  });
});
