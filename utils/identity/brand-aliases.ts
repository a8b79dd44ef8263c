/**
 * Brands that are written in more than one script. Chinese marketplaces list a brand as "Apple/苹果"
 * (and often as 苹果 alone), Japanese pages use katakana, while recall notices use the Latin name or
 * the registered Chinese company name. Without this table a GTIN hit on JD for 格力 would be
 * downgraded as "brand differs" against a Gree notice.
 *
 * Only names that cannot mean anything else go here: a group is used both ways, so an entry that is
 * also a common word would make unrelated brands compatible. Each group lists one brand's names.
 */
export const BRAND_ALIAS_GROUPS: readonly (readonly string[])[] = [
  ['Apple', '苹果', 'アップル'],
  ['Xiaomi', '小米'],
  ['Huawei', '华为', '華為'],
  ['Lenovo', '联想', '聯想'],
  ['Haier', '海尔', '海爾'],
  ['Midea', '美的'],
  ['Gree', '格力'],
  ['Hisense', '海信'],
  ['Samsung', '三星', 'サムスン', '삼성'],
  ['Sony', '索尼', 'ソニー'],
  ['Panasonic', '松下', 'パナソニック'],
  ['Philips', '飞利浦', '飛利浦', 'フィリップス'],
  ['Dyson', '戴森', 'ダイソン'],
  ['Nintendo', '任天堂'],
  ['Canon', '佳能', 'キヤノン'],
  ['Sharp', '夏普', 'シャープ'],
  ['Toshiba', '东芝', '東芝'],
  ['DJI', '大疆'],
  ['Anker', '安克'],
  ['LEGO', '乐高', 'レゴ'],
  ['IKEA', '宜家', 'イケア'],
  ['Honor', '荣耀'],
];
