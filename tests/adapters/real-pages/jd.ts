import type { RealPageCase } from './real-page-case';

export const realPageCases: RealPageCase[] = [
  {
    // UTF-8 bytes re-encoded by the crawler that saved it; its first <meta> says UTF-8, a second one still
    // says gbk. 商品编号 1020565583 (the SKU), 店铺 良品铺子官方旗舰店, 货号 ZH11015001, 品牌 良品铺子; no barcode.
    name: 'reads the 2018 pine-nut item (UTF-8 bytes despite a stale charset=gbk meta)',
    page: 'jd/item-2018-liangpinpuzi-pine-nuts.html',
    url: 'https://item.jd.com/1020565583.html',
    expectPageType: 'product',
    expectItems: [
      {
        itemId: '1020565583',
        title: '良品铺子 手剥东北红松218g*2袋 特产东北松子 坚果炒货零食',
        brand: '良品铺子',
        models: ['ZH11015001'],
        gtins: [],
        rawGtins: [],
        seller: '良品铺子官方旗舰店',
      },
    ],
  },
];
