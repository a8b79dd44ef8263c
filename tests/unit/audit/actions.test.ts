/**
 * What a merchant is told to do about a finding, in the UI's language: every step in English and in
 * Simplified Chinese, with the notice's own date, remedy, lots and link quoted as it gives them.
 */
import { describe, expect, it } from 'vitest';
import { findingActions } from '../../../utils/audit/actions';
import type { RecallMatch } from '../../../utils/schemas';
import { speak } from '../../support/i18n-setup';
import { recall } from '../support/factories';

const gate = recall('26-264', { name: 'Baby gates', models: ['YJ-3355'] }, { remedy: 'Refund.' });
const lotCaveat: RecallMatch['caveats'][number] = {
  kind: 'lot-specific',
  message: 'Only some lots are recalled',
  values: ['B2507', 'B2508'],
};

describe('the actions of a confirmed or likely finding', () => {
  it('are stop sale, remove the listing, check the lots, notify buyers with the remedy, publish the notice', () => {
    expect(findingActions({ tier: 'confirmed', caveats: [lotCaveat] }, gate)).toEqual([
      'Stop sale now: take stock of the affected lots or dates out of sale and hold it (do not return it to suppliers or resell it).',
      'Remove or deactivate the listing on every channel where it is offered.',
      'Check your stock against: B2507, B2508',
      'Notify buyers who bought it, those who bought before the notice (2026-10-01) included, and tell them the remedy: Refund.',
      'Publish the recall notice where buyers of this product will see it, linking the official notice: https://www.cpsc.gov/Recalls/2026/recall-26-264',
    ]);
  });

  it('speak Chinese when the UI does, quoting the notice as published', () => {
    speak('zh_CN');
    expect(findingActions({ tier: 'likely', caveats: [lotCaveat] }, gate)).toEqual([
      '立即停止销售：将受影响批次或日期的库存下架并封存（不要退回供应商，也不要转售）。',
      '在所有销售渠道下架或停用该商品链接。',
      '请对照以下信息核查库存：B2507, B2508',
      '通知已购买该商品的买家（包括在通告发布日（2026-10-01）之前购买的买家），并告知补救措施：Refund。',
      '在该商品的买家能看到的位置发布召回通告，并附上官方通告链接：https://www.cpsc.gov/Recalls/2026/recall-26-264',
    ]);
  });

  it('leave out the date, remedy and link a notice does not give', () => {
    const bare = recall(
      '1',
      {},
      { published: null, remedy: '', remedyOptions: [], url: 'javascript:alert(1)' },
    );
    expect(findingActions({ tier: 'confirmed', caveats: [] }, bare).slice(2)).toEqual([
      'Notify buyers who bought it.',
      'Publish the recall notice where buyers of this product will see it.',
    ]);
    speak('zh_CN');
    expect(findingActions({ tier: 'confirmed', caveats: [] }, bare)[0]).toBe(
      '立即停止销售：将库存下架并封存（不要退回供应商，也不要转售）。',
    );
  });
});

describe('the actions of a possible finding or a withdrawn notice', () => {
  it('ask for a check first, in either language', () => {
    expect(findingActions({ tier: 'possible', caveats: [] }, gate)[0]).toMatch(
      /^Check the item against the notice/,
    );
    speak('zh_CN');
    expect(findingActions({ tier: 'possible', caveats: [] }, gate)).toEqual([
      '请对照通告核对该商品（产品及包装上印的型号、条形码、批次或日期）。',
      '如果是被召回的产品，请停止销售并按“确认匹配”的步骤处理；如果不是，请标记为“不是此商品”并附上说明。',
    ]);
  });

  it('say no recall action is needed when the authority withdrew the notice', () => {
    speak('zh_CN');
    expect(
      findingActions({ tier: 'confirmed', caveats: [] }, recall('2', {}, { status: 'withdrawn' })),
    ).toEqual(['主管机构已撤回该通告：无需采取召回措施；请保留此项结果备查。']);
  });
});
