import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import samr, { firmBrand, SAMR_FORMAT, SamrNotice, SamrNoticeProduct } from '../../../utils/feeds/samr';
import { buildSnapshot } from '../../../utils/feeds/snapshot';
import { Recall } from '../../../utils/schemas';

const NOW = { now: new Date('2026-11-28T12:00:00Z') };
const path = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const text = (name: string) => readFileSync(path(`../../fixtures/feeds/samr/${name}`), 'utf8');
const json = (p: string): unknown => JSON.parse(readFileSync(path(p), 'utf8'));
const fixtureJson = (name: string) => json(`../../fixtures/feeds/samr/${name}`);

function only(data: unknown): Recall {
  const result = samr.map(data, NOW);
  expect(result.skipped).toEqual([]);
  const [recall] = result.recalls;
  if (!recall || result.recalls.length !== 1) throw new Error('expected exactly one recall');
  expect(Recall.parse(recall)).toEqual(recall);
  return recall;
}

describe('the SAMR mapper on a notice page with labelled items', () => {
  const recall = () => only(text('notice-labelled.html'));

  it('reads title, date and body from div.show_tit, div.show_tit2 and div.TRS_Editor without a DOM', () => {
    expect(recall()).toMatchObject({
      id: 'samr:SAMR-XF-2026-0412',
      source: 'samr',
      jurisdiction: 'CN',
      recallNumber: 'SAMR-XF-2026-0412',
      title: '宁波暖洋电器有限公司召回部分便携式电暖器',
      url: 'https://www.samrdprc.org.cn/xfpzh/xfpzhgg/202603/t20260305_0001.html',
      published: '2026-03-05',
      version: '2026-03-05T00:00:00',
      manufacturers: ['宁波暖洋电器有限公司'],
    });
  });

  it('turns 1.2万 into 12,000', () => {
    expect(recall().units).toBe('12000 units');
  });

  it('reads a Chinese production date range', () => {
    expect(recall().products[0]?.dateRanges).toEqual([
      {
        kind: 'manufactured',
        from: '2025-10-01',
        to: '2026-01-31',
        text: '生产日期为2025年10月1日至2026年1月31日',
      },
    ]);
  });

  it('splits 型号/规格 on 、，and 及, dropping the trailing 型', () => {
    expect(recall().products[0]?.models).toEqual(['NY-H200', 'NY-H300', 'NY-H310', 'NY-H400']);
  });

  it('keeps the 品牌 and adds the 生产者 as its trade name without legal form or city', () => {
    expect(recall().products[0]?.brands).toEqual(['暖洋', '暖洋电器']);
  });

  it('reads batch codes from a combined 生产日期/批次 item, and a 条形码 as a GTIN', () => {
    const product = recall().products[0];
    expect(product?.lots).toEqual(['B2510', 'B2511']);
    expect(product?.gtins).toEqual(['06901234567892']);
  });

  it('reads 缺陷描述 and 召回措施 headings as hazard and remedy', () => {
    expect(recall()).toMatchObject({
      hazard: '本次召回范围内的产品倾倒断电开关存在失效的可能,产品倾倒后继续加热,存在火灾隐患',
      remedy: '宁波暖洋电器有限公司将为召回范围内的产品免费更换倾倒断电开关',
      remedyOptions: ['Replace'],
    });
    expect(recall().products[0]?.name).toBe('便携式电暖器');
  });
});

describe('the SAMR mapper on a prose notice page', () => {
  const recall = () => only(text('notice-prose.html'));

  it('ids a notice without 召回编号 by a hash of its title and date', () => {
    expect(recall().id).toMatch(/^samr:h-[0-9a-f]{8}$/);
    expect(recall().recallNumber).toBeNull();
    expect(only(text('notice-prose.html')).id).toBe(recall().id);
  });

  it('takes the manufacturer and product from a "X公司召回部分Y" title', () => {
    expect(recall()).toMatchObject({ manufacturers: ['深圳市乐童玩具有限公司'], published: '2026-01-12' });
    expect(recall().products[0]).toMatchObject({ name: '儿童电动滑板车', brands: ['乐童玩具'] });
  });

  it('mines the production period, a "…型" model and a count from the sentences', () => {
    const r = recall();
    expect(r.units).toBe('3560 units');
    expect(r.products[0]?.models).toEqual(['LT-S8']);
    expect(r.products[0]?.dateRanges).toEqual([
      { kind: 'manufactured', from: '2024-06-01', to: '2025-08-31', text: '2024年6月1日至2025年8月31日' },
    ]);
  });

  it('does not take the recall start date (自…起) as a production period', () => {
    expect(recall().products[0]?.dateRanges.map((d) => d.from)).not.toContain('2026-01-15');
  });

  it('finds the hazard and remedy sentences', () => {
    expect(recall().hazard).toBe(
      '本次召回范围内的产品,由于电池组固定支架强度不足,使用中可能脱落,存在短路起火的安全隐患',
    );
    expect(recall().remedyOptions).toEqual(['Repair']);
  });
});

describe('the SAMR structured format', () => {
  it('maps every notice, Chinese dates, 万 quantities and numeric quantities', () => {
    const result = samr.map(fixtureJson('notices.json'), NOW);
    expect(result.skipped).toEqual([]);
    expect(result.recalls.map((r) => [r.id, r.published, r.units])).toEqual([
      ['samr:SAMR-XF-2026-0388', '2026-02-18', '23000 units'],
      ['samr:SAMR-XF-2026-0391', '2026-02-20', '5400 units'],
      [expect.stringMatching(/^samr:h-[0-9a-f]{8}$/), '2026-01-30', null],
    ]);
    for (const recall of result.recalls) expect(Recall.parse(recall)).toEqual(recall);
  });

  it('keeps a valid GTIN as a key and an invalid one raw, and reads production dates', () => {
    const crib = samr.map(fixtureJson('notices.json'), NOW).recalls[0]?.products[0];
    expect(crib).toMatchObject({
      brands: ['安睡宝', '安睡家居用品'],
      models: ['AS-C100', 'AS-C120'],
      gtins: ['06912345678902'],
      rawGtins: ['6912345678905'],
      dateRanges: [{ kind: 'manufactured', from: '2025-03-01', to: '2025-12-31' }],
    });
  });

  it('reads several products, lots, status and the update day as the version', () => {
    const lamp = samr.map(fixtureJson('notices.json'), NOW).recalls[1];
    expect(lamp).toMatchObject({
      status: 'completed',
      updated: '2026-02-25',
      version: '2026-02-25T00:00:00',
    });
    expect(lamp?.products.map((p) => [p.name, p.models, p.lots])).toEqual([
      ['USB desk lamp', ['GM-DL5'], ['L2511A', 'L2512B']],
      ['USB desk lamp adaptor', ['GM-AD5'], []],
    ]);
  });

  it('skips and counts a malformed record without dropping the rest', () => {
    const result = samr.map(fixtureJson('malformed-notices.json'), NOW);
    expect(result.recalls.map((r) => r.id)).toEqual(['samr:SAMR-XF-2026-0391', 'samr:SAMR-XF-2026-0388']);
    expect(result.skipped).toEqual([
      {
        index: 1,
        nativeId: 'SAMR-XF-2026-0399',
        reason:
          'notice 1 (SAMR-XF-2026-0399): unreadable notice: products: Too small: expected array to have >=1 items',
      },
      {
        index: 2,
        nativeId: 'SAMR-XF-2026-0400',
        reason: 'notice 2 (SAMR-XF-2026-0400): published is not a date: "上周"',
      },
      {
        index: 3,
        nativeId: null,
        reason: 'notice 3: unreadable notice: Invalid input: expected object, received string',
      },
      {
        index: 4,
        nativeId: 'SAMR-XF-2026-0401',
        reason:
          'notice 4 (SAMR-XF-2026-0401): unreadable notice: title: Invalid input: expected string, received number',
      },
      {
        index: 5,
        nativeId: 'SAMR-XF-2026-0391',
        reason: 'notice 5 (SAMR-XF-2026-0391): duplicate of notice 0, which is as new or newer',
      },
    ]);
  });

  it('refuses a newer formatVersion instead of half-reading it', () => {
    expect(() => samr.map({ format: SAMR_FORMAT, formatVersion: 2, notices: [] }, NOW)).toThrow(
      /formatVersion 2 is newer/,
    );
  });

  it('documents exactly the fields the mapper reads in samr-format.schema.json', () => {
    const schema = json('../../../utils/feeds/samr/samr-format.schema.json') as {
      properties: { format: { const: string } };
      $defs: { notice: { properties: object }; product: { properties: object } };
    };
    expect(schema.properties.format.const).toBe(SAMR_FORMAT);
    expect(Object.keys(schema.$defs.notice.properties).sort()).toEqual(Object.keys(SamrNotice.shape).sort());
    expect(Object.keys(schema.$defs.product.properties).sort()).toEqual(
      Object.keys(SamrNoticeProduct.shape).sort(),
    );
  });
});

describe('the SAMR mapper as a whole', () => {
  it('maps an array of pages, skipping a page that is no notice', () => {
    const result = samr.map(
      [text('notice-labelled.html'), '<html>召回</html>', text('notice-prose.html')],
      NOW,
    );
    expect(result.recalls).toHaveLength(2);
    expect(result.skipped).toEqual([
      {
        index: 1,
        nativeId: null,
        reason: 'page 1: not a DPAC notice page (no div.TRS_Editor or div.show_tit)',
      },
    ]);
  });

  it('cleans a 生产者 into the trade name brand.ts keys it by', () => {
    expect(firmBrand('宁波暖洋电器有限公司')).toBe('暖洋电器');
    expect(firmBrand('海尔集团')).toBe('海尔');
    expect(firmBrand('Glowmate Lighting Co., Ltd.')).toBe('Glowmate Lighting Co., Ltd.');
  });

  it('describes the channel a sync lists notices from, without fetching anything', () => {
    expect(samr.endpoint?.buildUrl(null)).toBe('https://www.samrdprc.org.cn/xfpzh/');
    expect(() => samr.endpoint?.buildUrl('3月5日')).toThrow(/YYYY-MM-DD/);
  });

  it('recognises notice pages and its own format, and does not claim other feeds’ shapes', () => {
    expect(samr.detect(text('notice-labelled.html'))).toBe(true);
    expect(samr.detect([text('notice-prose.html')])).toBe(true);
    expect(samr.detect(fixtureJson('notices.json'))).toBe(true);
    const negatives: unknown[] = [
      json('../../fixtures/feeds/cpsc/recalls-page.json'),
      json('../../fixtures/feeds/cpsc/error-record.json'),
      json('../../../scripts/demo-store/data/cpsc-demo.json'),
      buildSnapshot([], NOW.now),
      { meta: {}, results: [{ recall_number: 'H-0001-2026' }] },
      { total_count: 1, results: [{ rappel_guid: 'x' }] },
      [{ NID: '1' }],
      { results: [] },
      '<rss version="2.0"><channel><link>https://www.productsafety.gov.au/</link></channel></rss>',
      '<div class="TRS_Editor">no recall word</div>',
      ['text'],
      [],
      'text',
      null,
    ];
    for (const data of negatives) expect(samr.detect(data)).toBe(false);
  });
});
