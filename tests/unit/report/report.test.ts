import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { handleMessage } from '../../../utils/background/handle-message';
import type { TabVerdict } from '../../../utils/messaging';
import {
  type CaseEntry,
  CaseLog,
  dueReminders,
  parseCases,
  reminders,
  withCase,
  withCaseNumber,
} from '../../../utils/report/case-log';
import { destination, REPORT_FIELDS } from '../../../utils/report/destinations';
import { openReport, reportPagePath, screenshotKey } from '../../../utils/report/open-report';
import {
  dataUrlBytes,
  escapeHtml,
  type PackageLabels,
  reportHtml,
  reportPackage,
} from '../../../utils/report/package';
import {
  copyRows,
  fieldValue,
  missingPageFields,
  newReportId,
  printedGtin,
  reportFromVerdict,
} from '../../../utils/report/report';
import { fitWithin } from '../../../utils/report/screenshot';
import { contentScript, fakeDeps, popup } from '../background/fake-background';
import { identity, recall } from '../support/factories';

const KETTLE = recall(
  '26001',
  { brands: ['Kettlebrook'], gtins: ['00850012345671'] },
  { title: 'Kettlebrook Kettles Recalled' },
);

function verdict(fields: Parameters<typeof identity>[0] = {}, withRecall = true): TabVerdict {
  const id = identity({
    url: 'https://www.amazon.com/dp/B0DEMO0001',
    title: 'Kettlebrook 1.7 L Electric Kettle',
    brand: 'Kettlebrook',
    models: ['KB-170'],
    gtins: ['00850012345671'],
    itemId: 'B0DEMO0001',
    seller: 'Kettle Shop',
    ...fields,
  });
  return {
    status: withRecall ? 'warning' : 'no-match',
    page: { marketplace: 'amazon', pageType: 'product', url: id.url },
    identities: [id],
    matches: [
      withRecall
        ? [
            {
              recallId: KETTLE.id,
              source: 'cpsc',
              tier: 'confirmed',
              productIndex: 0,
              evidence: [],
              caveats: [],
            },
          ]
        : [],
    ],
    recalls: withRecall ? { [KETTLE.id]: KETTLE } : {},
    index: { records: 1, sources: [] } as unknown as TabVerdict['index'],
    checkedAt: '2026-12-05T10:00:00Z',
  };
}

const start = (v: TabVerdict | null, screenshot: string | null = null) =>
  reportFromVerdict({
    id: 'RS-TEST',
    now: new Date('2026-12-05T10:00:00Z'),
    verdict: v,
    screenshot,
    marketCountry: 'US',
    userCountry: 'US',
  });

const LABELS: PackageLabels = {
  heading: 'Safety report',
  destination: 'Destination',
  created: 'Created',
  screenshot: 'Screenshot',
  photos: 'Images',
  required: 'required',
  missing: 'not given',
  fields: Object.fromEntries(REPORT_FIELDS.map((f) => [f, `label:${f}`])) as PackageLabels['fields'],
};
const PNG = `data:image/png;base64,${btoa('\x89PNG fake')}`;

describe('a report pre-filled from the tab’s verdict', () => {
  it('takes every page fact and the matching recall', () => {
    const r = start(verdict(), PNG);
    expect(r.product).toMatchObject({
      title: 'Kettlebrook 1.7 L Electric Kettle',
      brand: 'Kettlebrook',
      model: 'KB-170',
      gtin: '850012345671',
      itemId: 'B0DEMO0001',
      seller: 'Kettle Shop',
      marketplace: 'amazon',
      pageUrl: 'https://www.amazon.com/dp/B0DEMO0001',
    });
    expect(r.recall).toEqual({
      id: KETTLE.id,
      title: 'Kettlebrook Kettles Recalled',
      url: KETTLE.url,
      tier: 'confirmed',
    });
    expect(r.screenshot).toBe(PNG);
    expect(r.contact).toBeNull();
    expect(missingPageFields(r)).toEqual([]);
  });

  it('dates the purchase by the order when it starts from an order page', () => {
    const v = verdict({ pageType: 'orders', orderedAt: '2026-04-02' });
    expect(start(v).product.purchaseDate).toBe('2026-04-02');
    expect(start(verdict()).product.purchaseDate).toBe('');
  });

  it('from a page with no identifiers still makes a report and names what is missing', () => {
    const r = start(
      verdict({ title: 'Some lamp', brand: null, models: [], gtins: [], itemId: null, seller: null }, false),
    );
    expect(r.recall).toBeNull();
    expect(missingPageFields(r)).toEqual(['brand', 'model', 'gtin', 'itemId', 'seller']);
    const none = start(null);
    expect(missingPageFields(none)).toEqual([
      'title',
      'brand',
      'model',
      'gtin',
      'itemId',
      'seller',
      'pageUrl',
    ]);
  });

  it('prints GTIN keys as the barcode shows them, and an invalid barcode as printed', () => {
    expect(printedGtin('00850012345671')).toBe('850012345671');
    expect(printedGtin('04006381333931')).toBe('4006381333931');
    expect(start(verdict({ gtins: [], rawGtins: ['12345'] })).product.gtin).toBe('12345');
  });

  it('lists a destination’s fields in its form’s order with the values, the recall last where it has no field', () => {
    const r = {
      ...start(verdict()),
      incident: {
        reporterType: 'consumer' as const,
        hazard: 'Smoke',
        date: '2026-12-01',
        injury: '',
        care: '',
      },
    };
    const rows = copyRows(r, destination('cpsc'));
    expect(rows.map((x) => x.field)).toEqual([...destination('cpsc').fields.map((f) => f.field), 'recall']);
    expect(rows.find((x) => x.field === 'hazard')?.value).toBe('Smoke');
    expect(rows.at(-1)?.value).toContain(KETTLE.id);
    expect(fieldValue(r, 'contact')).toBe('');
    expect(fieldValue({ ...r, contact: { name: 'A B', email: 'a@b.c', phone: ' ' } }, 'contact')).toBe(
      'A B, a@b.c',
    );
  });

  it('makes ids from the random bytes it is given', () => {
    expect(newReportId((n) => new Uint8Array(n).fill(33))).toBe('RS-1111111111');
    expect(newReportId((n) => crypto.getRandomValues(new Uint8Array(n)))).toMatch(/^RS-[0-9A-Z]{10}$/);
  });
});

describe('the report package', () => {
  it('is JSON, a printable page and the screenshot, named after the report', () => {
    const files = reportPackage(start(verdict(), PNG), destination('cpsc'), LABELS);
    expect(files.map((f) => [f.name, f.mime])).toEqual([
      ['RS-TEST.json', 'application/json'],
      ['RS-TEST.html', 'text/html'],
      ['RS-TEST-screenshot.png', 'image/png'],
    ]);
    const json = JSON.parse(files[0]?.data as string);
    expect(json).toMatchObject({
      format: 'recall-sentinel-report',
      id: 'RS-TEST',
      destination: { id: 'cpsc' },
    });
    expect(json.fields.find((f: { field: string }) => f.field === 'brand').value).toBe('Kettlebrook');
    expect(new TextDecoder('latin1').decode(files[2]?.data as Uint8Array)).toBe('\x89PNG fake');
  });

  it('leaves the screenshot out when the shopper removed it', () => {
    expect(reportPackage(start(verdict(), null), destination('cpsc'), LABELS).map((f) => f.name)).toEqual([
      'RS-TEST.json',
      'RS-TEST.html',
    ]);
  });

  it('escapes every value in the printable page and embeds only image data', () => {
    const r = start(verdict({ title: '<img src=x onerror=alert(1)>', seller: '"Shop" & co' }), PNG);
    r.photos = [{ name: '<b>me</b>.jpg', dataUrl: 'javascript:alert(1)' }];
    const html = reportHtml(r, destination('health-canada'), LABELS);
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&quot;Shop&quot; &amp; co');
    expect(html).not.toContain('javascript:');
    expect(html).toContain(`<img src="${PNG}"`);
    expect(html).toContain("default-src 'none'");
    expect(escapeHtml(`'`)).toBe('&#39;');
    expect(dataUrlBytes('data:text/html;base64,PGI+')).toBeNull();
  });
});

describe('the case log', () => {
  const entry = (id: string, createdAt = '2026-12-04T10:00:00Z'): CaseEntry => ({
    id,
    destination: 'cn-12315',
    createdAt,
    product: 'Kettle',
    pageUrl: 'https://item.jd.com/1.html',
    recallId: null,
    caseNumber: '',
  });

  it('keeps the newest first, one entry per report, with the case number the shopper typed', () => {
    let cases = withCase([], entry('a'));
    cases = withCase(cases, entry('b'));
    cases = withCase(cases, { ...entry('a'), product: 'Kettle 2' });
    expect(cases.map((c) => [c.id, c.product])).toEqual([
      ['a', 'Kettle 2'],
      ['b', 'Kettle'],
    ]);
    expect(withCaseNumber(cases, 'b', '  12315-001 ').find((c) => c.id === 'b')?.caseNumber).toBe(
      '12315-001',
    );
  });

  it('reads stored cases leniently, dropping what does not parse', () => {
    expect(parseCases([entry('a'), { id: 'x' }, null, 'y'])).toEqual([entry('a')]);
    expect(parseCases(undefined)).toEqual([]);
  });

  it('reminds of the 12315 steps: the firm’s 10 working days, then the authority’s 7', () => {
    const during = reminders(entry('a'), new Date('2026-12-10T00:00:00Z'));
    expect(
      during.map((r) => [r.deadline.who, r.due.toISOString().slice(0, 10), r.passed, r.current]),
    ).toEqual([
      ['firm', '2026-12-18', false, true],
      ['authority', '2026-12-29', false, false],
    ]);
    const later = reminders(entry('a'), new Date('2026-12-20T00:00:00Z'));
    expect(later.map((r) => [r.passed, r.current])).toEqual([
      [true, false],
      [false, true],
    ]);
    expect(reminders({ ...entry('a'), destination: 'accc' }, new Date())).toEqual([]);
  });

  it('raises each passed deadline once, and none for a case long closed', () => {
    const cases = [entry('a'), { ...entry('b'), destination: 'accc' as const }];
    expect(dueReminders(cases, new Date('2026-12-10T00:00:00Z'), new Set())).toEqual([]);
    const due = dueReminders(cases, new Date('2026-12-20T00:00:00Z'), new Set());
    expect(due.map((d) => d.key)).toEqual(['a:12315-settle']);
    expect(dueReminders(cases, new Date('2026-12-20T00:00:00Z'), new Set(['a:12315-settle']))).toEqual([]);
    expect(
      dueReminders(cases, new Date('2026-12-30T00:00:00Z'), new Set(['a:12315-settle'])).map((d) => d.key),
    ).toEqual(['a:12315-accept']);
    expect(dueReminders(cases, new Date('2027-03-01T00:00:00Z'), new Set())).toEqual([]);
  });

  it('stores through the storage area it is given', async () => {
    const data: Record<string, unknown> = {};
    const log = new CaseLog({
      get: async (k) => ({ [k]: data[k] }),
      set: async (items) => void Object.assign(data, structuredClone(items)),
    });
    await log.add(entry('a'));
    await log.setCaseNumber('a', 'C-1');
    expect((await log.list()).map((c) => c.caseNumber)).toEqual(['C-1']);
    await log.remove('a');
    expect(await log.list()).toEqual([]);
  });
});

describe('opening a report', () => {
  it('screenshots the tab first, keeps the image for the page, then opens the report beside the tab', async () => {
    const calls: string[] = [];
    let stashed: Record<string, unknown> = {};
    await openReport(
      {
        capture: async (w) => {
          calls.push(`capture ${w}`);
          return PNG;
        },
        stash: async (items) => {
          calls.push('stash');
          stashed = items;
        },
        openTab: async (url, opener) => void calls.push(`open ${url} ${opener.id} ${opener.index}`),
        pageUrl: (p) => `chrome-extension://x${p}`,
      },
      { id: 5, windowId: 2, index: 3 },
    );
    expect(calls).toEqual(['capture 2', 'stash', 'open chrome-extension://x/report.html?tab=5 5 4']);
    expect(stashed).toEqual({ [screenshotKey(5)]: PNG });
    expect(reportPagePath(5, 2)).toBe('/report.html?tab=5&item=2');
  });

  it('opens the report without a screenshot when the tab cannot be captured', async () => {
    let stashed: Record<string, unknown> = {};
    let opened = '';
    await openReport(
      {
        capture: async () => {
          throw new Error('no permission');
        },
        stash: async (items) => {
          stashed = items;
        },
        openTab: async (url) => {
          opened = url;
        },
        pageUrl: (p) => p,
      },
      { id: 5, windowId: 2 },
    );
    expect(stashed).toEqual({ [screenshotKey(5)]: null });
    expect(opened).toBe('/report.html?tab=5');
  });

  describe('from the banner, through the background', () => {
    beforeEach(() => {
      globalThis.indexedDB = new IDBFactory();
    });

    it('opens the report for the sender’s tab, and refuses extension pages', async () => {
      const opened: [number, number | null][] = [];
      const deps = {
        ...fakeDeps(),
        openReport: async (tabId: number, item: number | null) => void opened.push([tabId, item]),
      };
      expect(await handleMessage({ type: 'open-report', item: 1 }, contentScript, deps)).toEqual({
        ok: true,
      });
      expect(opened).toEqual([[7, 1]]);
      expect(await handleMessage({ type: 'open-report', item: null }, popup, deps)).toMatchObject({
        ok: false,
      });
      expect(opened).toHaveLength(1);
    });
  });
});

describe('screenshot size', () => {
  it.each([
    [
      [1280, 720],
      [1280, 720],
    ],
    [
      [3840, 2160],
      [1600, 900],
    ],
    [
      [2000, 8000],
      [400, 1600],
    ],
  ])('%j fits within 1600 px as %j', (size, expected) => {
    expect(fitWithin(size[0] as number, size[1] as number, 1600)).toEqual({
      width: expected[0],
      height: expected[1],
    });
  });
});
