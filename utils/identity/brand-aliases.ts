/**
 * Brands that are written in more than one script. Chinese marketplaces list a brand as "Apple/苹果"
 * (and often as 苹果 alone), Japanese pages use katakana, while recall notices use the Latin name or
 * the registered Chinese company name. Without this table a GTIN hit on JD for 格力 would be
 * downgraded as "brand differs" against a Gree notice.
 *
 * Only names that cannot mean anything else go here: a group is used both ways, so an entry that is
 * also a common word would make unrelated brands compatible (Braun's katakana ブラウン is also "brown",
 * so it is left out). Each group lists one brand's names, Latin first; a second Latin name is the same
 * brand sold under another name in some countries (T-fal is Tefal in North America, Logicool is
 * Logitech in Japan) or the name without its accent. tests/unit/match.test.ts checks the table's shape.
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
  ['Nestlé', 'Nestle', '雀巢', 'ネスレ'],
  ['Logitech', 'Logicool', '罗技', '羅技', 'ロジクール'],
  ['Bosch', '博世', 'ボッシュ'],
  ['Siemens', '西门子', '西門子', 'シーメンス'],
  ['Nikon', '尼康', 'ニコン'],
  ['Casio', '卡西欧', '卡西歐', 'カシオ'],
  ['Hitachi', '日立'],
  ['ASUS', '华硕', '華碩'],
  ['Acer', '宏碁'],
  ['Dell', '戴尔', '戴爾'],
  ['Tefal', 'T-fal', '特福'],
  ['Fisher-Price', '费雪', '費雪', 'フィッシャープライス'],
  ['Hasbro', '孩之宝', '孩之寶'],
  ['Pampers', '帮宝适', '幫寶適', 'パンパース'],
  ['Uniqlo', '优衣库', '優衣庫', 'ユニクロ'],
  ['Decathlon', '迪卡侬', '迪卡儂'],
];
