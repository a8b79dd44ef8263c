import type { RealPageCase } from './real-page-case';

// Tmall pages belong to the taobao adapter (detail.tmall.com is one of its hosts).
export const realPageCases: RealPageCase[] = [
  {
    // GBK bytes, <meta charset="gbk"> in the head. Parameters: 3C规格型号 "A2217 (电源适配器可选：A1695 …)"
    // (the phone's certified model, then the charger's in a note), Apple型号 "Apple iPhone 11 Pro", and
    // CPU型号 "A13仿生处理器" (a part, not the phone). No barcode is printed.
    name: 'reads the 2020 GBK Tmall iPhone page: TShop itemDO, the 3C model without its charger note',
    page: 'tmall/item-2020-gbk-apple-phone.html',
    url: 'https://detail.tmall.com/item.htm?id=609353516840',
    expectPageType: 'product',
    expectItems: [
      {
        itemId: '609353516840',
        title:
          '【6期免息/春节正常发货】Apple/苹果 iPhone 11 pro全网通智能4G苹果11正品手机xs官方官网旗舰店X 11promax',
        brand: 'Apple/苹果',
        models: ['A2217', 'Apple iPhone 11 Pro'],
        gtins: [],
        rawGtins: [],
        seller: '能良数码官方旗舰店',
      },
    ],
  },
];
