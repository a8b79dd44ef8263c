/** Flattened tables in notice prose: the headers that say what each column holds (models, UPCs, date codes). */

type ColumnKind =
  | 'model'
  | 'model-name'
  | 'model-list'
  | 'upc'
  | 'description'
  | 'date-code'
  | 'range'
  | 'serial'
  | 'other';

/** Column headings CPSC tables use, longest first so "Model Numbers" is not read as "Model". */
const COLUMNS: Array<[RegExp, ColumnKind]> = [
  [/(?:model\s*\/\s*item|item\s*\/\s*model)(?:\s*(?:#|no\.?|numbers?))?/iy, 'model'],
  [/model\s+numbers/iy, 'model-list'],
  [/model\s+name/iy, 'model-name'],
  [/model(?:\s*(?:#|no\.?|number))?/iy, 'model'],
  [/item(?:\s*(?:#|no\.?|number))?/iy, 'model'],
  [/upc(?:\s+bar\s+codes?|\s+codes?|\s+numbers?|\s*#)?|bar\s*codes?/iy, 'upc'],
  [/(?:product\s+)?(?:description|name)/iy, 'description'],
  [/date\s+codes?/iy, 'date-code'],
  [/serial\s+(?:no\.?|numbers?)\s+range/iy, 'range'],
  [/serial\s+(?:no\.?|numbers?)/iy, 'serial'],
  [/colou?rs?|sizes?|sku/iy, 'other'],
];

const SPACE = /\s+/y;

export interface TableHeader {
  start: number;
  end: number;
  columns: ColumnKind[];
}

function readColumn(text: string, at: number): { kind: ColumnKind; end: number } | null {
  for (const [re, kind] of COLUMNS) {
    re.lastIndex = at;
    const m = re.exec(text);
    // Headings are capitalised ("Model/Item #", "ITEM # PRODUCT DESCRIPTION"); prose ("the model number
    // and UPC") is not, which keeps sentences from being read as tables.
    if (m && /^[A-Z]/.test(m[0]) && !/[\p{L}\p{N}]/u.test(text[at + m[0].length] ?? '')) {
      return { kind, end: at + m[0].length };
    }
  }
  return null;
}

/** One-entry memo: models and lots read the same Description's table headers. */
let memoHeaders: { text: string; headers: readonly TableHeader[] } | null = null;

/**
 * Headers of flattened tables: a model or item column followed by at least one more known column, or a
 * "Model Name" column right before a "Model Numbers" one ("Model Name Model Numbers Color ...": the
 * name cell is prose, the lists come after it).
 */
import { forMining } from './mining-limit';
export function findTableHeaders(input: string): readonly TableHeader[] {
  const text = forMining(input);
  if (memoHeaders?.text === text) return memoHeaders.headers;
  const headers: TableHeader[] = [];
  for (const m of text.matchAll(/\b(?:Model|MODEL|Item|ITEM)\b/g)) {
    if (headers.some((h) => m.index < h.end)) continue;
    const columns: ColumnKind[] = [];
    let at = m.index;
    let end = at;
    for (;;) {
      const column = readColumn(text, at);
      if (!column) break;
      columns.push(column.kind);
      end = column.end;
      SPACE.lastIndex = end;
      const space = SPACE.exec(text);
      if (!space) break;
      at = end + space[0].length;
    }
    const first = columns[0];
    const known = columns.slice(1).some((c) => c !== 'other' && c !== 'model');
    const named = first === 'model-name' && columns[1] === 'model-list';
    if (((first === 'model' || first === 'model-list') && columns.length >= 2 && known) || named) {
      headers.push({ start: m.index, end, columns });
    }
  }
  memoHeaders = { text, headers };
  return headers;
}
