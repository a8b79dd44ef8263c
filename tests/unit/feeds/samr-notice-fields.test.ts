import { describe, expect, it } from 'vitest';
import { extractNoticeFields } from '../../../utils/feeds/samr/notice-fields';

describe('labelled notice fields', () => {
  it('reads one item a line, full-width colons, combined labels and section headings', () => {
    const text = [
      '召回编号：SAMR-2026-0412',
      '一、召回产品',
      '产品名称：便携式电暖器',
      '生产者：宁波暖洋电器有限公司',
      '型号/规格：NY-H200、NY-H300',
      '生产日期/批次：生产日期为2025年10月1日至2026年1月31日',
      '召回数量：1.2万台',
      '二、缺陷描述',
      '本次召回范围内的产品倾倒开关失效，存在火灾隐患。',
      '三、召回措施',
      '生产者将为用户免费更换产品。',
      '四、联系方式',
      '客服电话：400-000-0000',
    ].join('\n');
    expect(extractNoticeFields(text)).toEqual({
      recallNumber: 'SAMR-2026-0412',
      productName: '便携式电暖器',
      manufacturer: '宁波暖洋电器有限公司',
      model: 'NY-H200、NY-H300',
      productionDate: '生产日期为2025年10月1日至2026年1月31日',
      batch: '生产日期为2025年10月1日至2026年1月31日',
      quantity: '1.2万台',
      defect: '本次召回范围内的产品倾倒开关失效,存在火灾隐患',
      measures: '生产者将为用户免费更换产品',
      contact: '400-000-0000',
    });
  });

  it('reads several items in one line and table rows flattened to "label | value"', () => {
    expect(extractNoticeFields('品牌：暖洋；型号：NY-H200；批次：B2501、B2502')).toEqual({
      brand: '暖洋',
      model: 'NY-H200',
      batch: 'B2501、B2502',
    });
    expect(extractNoticeFields('产品名称 | 儿童滑板车\n型号 | KS-01')).toEqual({
      productName: '儿童滑板车',
      model: 'KS-01',
    });
  });
});
