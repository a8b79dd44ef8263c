/**
 * What both forms of a SAMR notice share (the DPAC HTML page, notice-page.ts, and our structured
 * format, format.ts): the source id and site, the day a notice was published, the trade name a 生产者
 * stands for, the remedy words, and the id of a notice that prints no 召回编号.
 */
import { fnv1aBytes } from '../../fnv1a';
import { brandKey } from '../../identity/brand';
import { clean } from '../lib/text';
import { normalizeChinese, parseChineseDate } from './chinese-text';

export const SOURCE = 'samr';
export const SITE = 'https://www.samrdprc.org.cn';

/**
 * The id of a notice that prints no 召回编号, from what identifies it to a reader (`title|day`): "h-" and
 * the 32-bit FNV-1a hash of its UTF-8 bytes as 8 hex digits. Stored in indexes and snapshots, so it
 * must never change: tests/unit/feeds/samr-notice.test.ts pins it.
 */
export function hashedNoticeId(key: string): string {
  return `h-${fnv1aBytes(new TextEncoder().encode(key)).toString(16).padStart(8, '0')}`;
}

/** ISO day from "2026-03-05", "2026年3月5日" or "发布时间：2026-03-05 10:00". */
export function readDay(value: string | null | undefined): string | null {
  const day = parseChineseDate(clean(value));
  return day && /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : null;
}

const CN_SUFFIX = /(?:股份有限公司|有限责任公司|有限公司|集团|公司|厂)$/;
const CN_REGION = /^(?:中国|[\u4e00-\u9fa5]{2,3}(?:省|市|自治区))+/;

/**
 * The brand a 生产者 names: "宁波暖洋电器有限公司" → "暖洋电器". Legal form, "(中国)" and the leading region
 * go, the way brand.ts's key does; the result is kept only when its brandKey is the firm's, so the index
 * and the matcher see the same name.
 */
export function firmBrand(firm: string): string | null {
  const name = normalizeChinese(firm).replace(/\s+/g, ' ').trim();
  const key = brandKey(name);
  if (!key) return null;
  let bare = name.replace(/\((?:中国|China)\)/gi, '');
  for (let previous = ''; previous !== bare; ) {
    previous = bare;
    bare = bare.replace(CN_SUFFIX, '').trim();
  }
  bare = bare.replace(CN_REGION, '');
  // brand.ts drops a leading city without 市 too ("宁波暖洋电器"): the shortest tail with the firm's key is
  // the trade name.
  if (!/[\u4e00-\u9fa5]/.test(bare)) return name;
  for (let cut = bare.length - 2; cut >= 0; cut--) {
    const candidate = bare.slice(cut);
    if (brandKey(candidate) === key) return candidate;
  }
  return name;
}

const REMEDY_WORDS: Array<[RegExp, string]> = [
  [/更换|换货|换新/, 'Replace'],
  [/维修|修理|检修|加装|升级/, 'Repair'],
  [/退货|退款|退还|回收/, 'Refund'],
];

/** The remedy words (Replace, Repair, Refund) a 召回措施 text names. */
export function remedyOptions(text: string): string[] {
  return REMEDY_WORDS.filter(([re]) => re.test(text)).map(([, word]) => word);
}
