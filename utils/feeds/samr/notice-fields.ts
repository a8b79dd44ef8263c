/**
 * The labelled items of a SAMR/DPAC notice ("产品名称：…", "型号/规格：…", "二、缺陷描述" as a heading
 * whose value is the lines below it): which label words name which field, and the reader that finds
 * them in a notice's text. A label needs a separator or a line of its own, so a label word inside a
 * sentence is not read as one.
 */
import { normalizeChinese } from './chinese-text';

export type NoticeField =
  | 'productName'
  | 'manufacturer'
  | 'brand'
  | 'model'
  | 'productionDate'
  | 'batch'
  | 'quantity'
  | 'defect'
  | 'measures'
  | 'recallNumber'
  | 'contact';

/** Label words by field, longest first within a field so "型号规格" is not read as "型号". */
const LABELS: Array<[NoticeField, string[]]> = [
  ['recallNumber', ['召回备案编号', '召回编号', '备案编号', '召回计划编号']],
  ['productName', ['召回产品名称', '产品名称', '商品名称']],
  [
    'manufacturer',
    ['生产者名称', '生产企业名称', '生产者', '制造商', '生产企业', '生产商', '生产厂家', '召回企业'],
  ],
  ['brand', ['产品品牌', '品牌', '商标']],
  ['model', ['型号规格', '规格型号', '产品型号', '型号', '规格']],
  ['productionDate', ['生产日期', '生产时间', '生产起止日期']],
  ['batch', ['生产批次', '批次号', '批号', '批次']],
  ['quantity', ['召回数量', '涉及数量', '产品数量', '数量']],
  ['defect', ['缺陷描述', '缺陷情况', '存在的缺陷', '缺陷', '召回原因']],
  ['measures', ['召回措施', '召回方式', '处理措施', '补救措施']],
  ['contact', ['联系方式', '联系电话', '咨询电话', '客服电话', '服务热线']],
];

const FIELD_OF = new Map<string, NoticeField>();
for (const [field, words] of LABELS) for (const w of words) if (!FIELD_OF.has(w)) FIELD_OF.set(w, field);
const LABEL_WORDS = [...FIELD_OF.keys()].sort((a, b) => b.length - a.length);
const LABEL_ALT = LABEL_WORDS.join('|');
/** Combined labels: "型号/规格", "生产日期/批次", "生产日期或批次". */
const LABEL_GROUP = `(?:${LABEL_ALT})(?:\\s*(?:/|、|或|及|和)\\s*(?:${LABEL_ALT}))*`;
/** Section numbering in front of a label: "一、", "(二)", "3.", "4、". */
const ENUMERATOR =
  '(?:[一二三四五六七八九十]+\\s*[、.]|\\([一二三四五六七八九十\\d]+\\)|\\d+\\s*[、.)])?\\s*';
/** A line that is only a label: a section heading whose value is the following lines. */
const HEADING = new RegExp(`^${ENUMERATOR}(${LABEL_GROUP})\\s*:?$`);
/** "label: value" (or "label | value" from a flattened table row) anywhere a line or clause starts. */
const INLINE = new RegExp(`(?:^|[;。\\s])${ENUMERATOR}(${LABEL_GROUP})\\s*(?::|\\|)\\s*`, 'g');

function fieldsOfLabel(label: string): NoticeField[] {
  const out: NoticeField[] = [];
  for (const part of label.split(/\s*(?:\/|、|或|及|和)\s*/)) {
    const f = FIELD_OF.get(part);
    if (f && !out.includes(f)) out.push(f);
  }
  return out;
}

export type NoticeFields = Partial<Record<NoticeField, string>>;

/**
 * Label-keyed fields of a notice. Reads "产品名称：X" lines, several items in one line ("型号：A；批次：B"),
 * table rows flattened to "型号 | A", and headings on a line of their own ("二、缺陷描述") whose value
 * is the text up to the next label. A combined label ("生产日期/批次") fills each of its fields. The
 * first value of a field wins; an empty value is no value.
 */
export function extractNoticeFields(text: string): NoticeFields {
  const lines = normalizeChinese(text)
    .split('\n')
    .filter((l) => l.length > 0);
  const out: NoticeFields = {};
  const set = (fields: NoticeField[], value: string) => {
    const v = value.replace(/^[\s:|]+|[\s;。,]+$/g, '').trim();
    if (!v) return;
    for (const f of fields) if (out[f] === undefined) out[f] = v;
  };
  let heading: { fields: NoticeField[]; body: string[] } | null = null;
  const closeHeading = () => {
    if (heading) set(heading.fields, heading.body.join('\n'));
    heading = null;
  };
  for (const line of lines) {
    const h = HEADING.exec(line);
    if (h?.[1]) {
      closeHeading();
      heading = { fields: fieldsOfLabel(h[1]), body: [] };
      continue;
    }
    const inline = [...line.matchAll(INLINE)];
    if (inline.length > 0) {
      closeHeading();
      inline.forEach((m, i) => {
        const start = m.index + m[0].length;
        const end = inline[i + 1]?.index ?? line.length;
        set(fieldsOfLabel(m[1] ?? ''), line.slice(start, end));
      });
      continue;
    }
    // Any other numbered heading ("四、其他信息") ends the current section.
    if (/^(?:[一二三四五六七八九十]+\s*、|\([一二三四五六七八九十]+\))/.test(line)) {
      closeHeading();
      continue;
    }
    if (heading) (heading as { body: string[] }).body.push(line);
  }
  closeHeading();
  return out;
}
