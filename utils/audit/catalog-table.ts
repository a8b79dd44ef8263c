/**
 * A catalog as a table: the headers as printed and each record's cells by header, with the record's
 * number for messages. Delimited text is parsed by papaparse (quotes, embedded newlines and delimiters,
 * CRLF), never split by hand. A record whose field count differs from the header's is a junk line (a
 * note pasted under the table, a broken export): it is reported with its number and left out, because
 * its cells cannot be trusted to sit under the right headers.
 */
import Papa from 'papaparse';
import type { RowProblem } from './catalog-fields';

export interface TableRecord {
  row: number;
  cells: Record<string, string>;
}

export interface CatalogTable {
  headers: string[];
  records: TableRecord[];
  problems: RowProblem[];
  /** The delimiter papaparse found ("," ";" "\t" "|"), or null for a table that was not delimited text. */
  delimiter: string | null;
}

export interface DelimitedOptions {
  /** Forces a delimiter (TSV reports); else papaparse guesses from the first lines. */
  delimiter?: string;
  /**
   * False for reports that never quote (Amazon's): a title such as `Monitor 27" 4K` would otherwise open a
   * quoted field that swallows the following lines.
   */
  quotes?: boolean;
}

export function readDelimited(text: string, options: DelimitedOptions = {}): CatalogTable {
  const { delimiter, quotes = true } = options;
  const parsed = Papa.parse<string[]>(text, {
    header: false,
    skipEmptyLines: 'greedy',
    delimiter: delimiter ?? '',
    delimitersToGuess: [',', '\t', ';', '|'],
    quoteChar: quotes ? '"' : '\u0000',
  });
  const [head = [], ...body] = parsed.data;
  const headers = head.map((h) => h.trim());
  const problems: RowProblem[] = [];
  const records: TableRecord[] = [];
  const broken = new Map<number, string>();
  for (const e of parsed.errors) {
    // Papaparse counts data rows from 0 with the header as row 0; people count the header as row 1.
    if (e.row !== undefined && e.row !== null) broken.set(e.row, e.message);
  }
  body.forEach((cells, i) => {
    const row = i + 2;
    const papaError = broken.get(i + 1);
    if (papaError) {
      problems.push({ row, message: `row ${row}: ${papaError}; not audited`, skipped: true });
      return;
    }
    // Trailing empty cells are what spreadsheets leave; only cells with content count as extra.
    let count = cells.length;
    while (count > headers.length && !cells[count - 1]?.trim()) count--;
    if (count !== headers.length) {
      problems.push({
        row,
        message: `row ${row}: ${count} field${count === 1 ? '' : 's'} where the header has ${headers.length} (a junk line or a broken export); not audited`,
        skipped: true,
      });
      return;
    }
    const record: Record<string, string> = {};
    headers.forEach((h, j) => {
      if (h && !(h in record)) record[h] = (cells[j] ?? '').trim();
    });
    records.push({ row, cells: record });
  });
  return { headers, records, problems, delimiter: parsed.meta.delimiter ?? null };
}
