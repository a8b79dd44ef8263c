/**
 * The findings as CSV (papaparse's unparse: quoting and embedded newlines handled), one line per
 * finding, list fields joined with " | " so a spreadsheet keeps one finding per row. A UTF-8 BOM is
 * prepended by the caller that writes a file for Excel; the text itself has none.
 * Cells that a spreadsheet would run as a formula (=, +, -, @ first) are prefixed with a quote
 * (OWASP "CSV injection"): titles and notice text come from outside.
 * The last three columns are the merchant's latest review of each finding (review-log.ts): the decision
 * ("reviewed" or "not-this-product"), its note and its time; empty where there is none, and always
 * empty from the CLI, which has no review log.
 */
import Papa from 'papaparse';
import type { Finding } from './finding';
import { type LatestReviews, reviewOf } from './review-log';

export const CSV_COLUMNS: readonly (keyof Finding)[] = [
  'tier',
  'row',
  'sku',
  'title',
  'brand',
  'barcode',
  'model',
  'asin',
  'recallId',
  'recallTitle',
  'recallStatus',
  'published',
  'authority',
  'jurisdiction',
  'source',
  'officialUrl',
  'evidence',
  'caveats',
  'hazard',
  'remedy',
  'actions',
  'completeness',
  'listingUrl',
];

export const REVIEW_COLUMNS = ['review', 'reviewNote', 'reviewedAt'] as const;

const neutralised = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

function cell(value: Finding[keyof Finding]): string | number {
  if (value === null) return '';
  if (typeof value === 'number') return value;
  if (Array.isArray(value)) return neutralised(value.join(' | '));
  return neutralised(String(value));
}

export function findingsCsv(findings: readonly Finding[], reviews?: LatestReviews): string {
  return Papa.unparse({
    fields: [...CSV_COLUMNS, ...REVIEW_COLUMNS],
    data: findings.map((f) => {
      const review = reviewOf(f, reviews);
      return [
        ...CSV_COLUMNS.map((c) => cell(f[c])),
        review?.decision ?? '',
        neutralised(review?.note ?? ''),
        review?.at ?? '',
      ];
    }),
  });
}
