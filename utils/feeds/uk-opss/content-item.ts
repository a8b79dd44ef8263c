/**
 * A GOV.UK Content API item of the OPSS finder (`/api/content/product-safety-alerts-reports-recalls/
 * <slug>`): the lenient outward schema, the checks that tell an item from a Search API result, and the
 * readers of its HTML body (sections by heading, "Label: value" lines of the Summary, the PSD number).
 * The product table inside the body has its own reader (product-table.ts).
 */
import { z } from 'zod';
import { htmlToText } from '../../extract/html-text';
import { isRecord } from '../../is-record';
import { clean } from '../lib/text';

/** GOV.UK, where notices are published and both APIs answer. */
export const SITE = 'https://www.gov.uk';
/** Every notice lives under the finder's base path; its document type names it too. */
export const BASE_PATH = '/product-safety-alerts-reports-recalls/';
export const DOCUMENT_TYPE = 'product_safety_alert_report_recall';

const Text = z.string().nullish();
/**
 * `details.body` is an HTML string in the saved item; other GOV.UK content API responses send a list of
 * renderings (`[{content_type: "text/govspeak"}, {content_type: "text/html"}]`).
 */
const Body = z.union([z.string(), z.array(z.object({ content_type: Text, content: Text }).nullish())]);

export const UkOpssItem = z.object({
  base_path: Text,
  title: Text,
  description: Text,
  document_type: Text,
  first_published_at: Text,
  public_updated_at: Text,
  updated_at: Text,
  withdrawn_notice: z.object({ explanation: Text, withdrawn_at: Text }).partial().nullish(),
  details: z.object({
    body: Body.nullish(),
    metadata: z
      .object({
        product_alert_type: Text,
        product_category: Text,
        product_risk_level: Text,
        product_recall_alert_date: Text,
        // A single value arrives as a string in some exports; the finder sends a list.
        product_measure_type: z.union([z.array(Text), z.string()]).nullish(),
      })
      .nullish(),
    attachments: z.array(z.object({ url: Text, title: Text, content_type: Text }).nullish()).nullish(),
  }),
});
export type UkOpssItem = z.infer<typeof UkOpssItem>;

/** A content item: it has `details`, and its document type or base path is the OPSS finder's. */
export function isContentItem(value: unknown): boolean {
  if (!isRecord(value) || !isRecord(value.details)) return false;
  return (
    value.document_type === DOCUMENT_TYPE ||
    (typeof value.base_path === 'string' && value.base_path.startsWith(BASE_PATH))
  );
}

/** A Search API result: a `link` under the finder, no `details`. */
export function isSearchResult(value: unknown): boolean {
  if (!isRecord(value) || 'details' in value) return false;
  const typed = value.document_type === DOCUMENT_TYPE || value.elasticsearch_type === DOCUMENT_TYPE;
  return typed || (typeof value.link === 'string' && value.link.startsWith(BASE_PATH));
}

/** The entries of a document: one item, a plain array, or `{results: [...]}`. Null for anything else. */
export function entriesOf(data: unknown): unknown[] | null {
  if (isContentItem(data)) return [data];
  if (Array.isArray(data)) return data;
  if (isRecord(data) && Array.isArray(data.results)) return data.results;
  return null;
}

/** "2026-10-02T14:24:26+01:00" → the UTC stamp "2026-10-02T13:24:26"; "2026-10-02" → midnight. */
export function readStamp(value: string | null | undefined): string | null {
  const s = clean(value);
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return `${s}T00:00:00`;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(s)) return null;
  const time = Date.parse(s);
  return Number.isNaN(time) ? s.slice(0, 19) : new Date(time).toISOString().slice(0, 19);
}

/** The HTML rendering of the body, whichever form it came in. */
export function bodyHtml(body: UkOpssItem['details']['body']): string {
  if (typeof body === 'string') return body;
  const renderings = (body ?? []).filter((b) => b !== null && b !== undefined);
  return (renderings.find((b) => b.content_type === 'text/html') ?? renderings[0])?.content ?? '';
}

/** "PSD notification number: 2609-0229" (body), else "(2609-0229)" at the end of the title. */
export function psdNumber(text: string, title: string): string | null {
  const inBody = /\bPSD\s+(?:notification|case|reference)\s+(?:number|no\.?)\s*:?\s*(\d{4}-\d{4})\b/i.exec(
    text,
  );
  if (inBody?.[1]) return inBody[1];
  return /\((\d{4}-\d{4})\)\s*$/.exec(title)?.[1] ?? null;
}

/** Body sections by heading text ("Summary", "Hazard", "Corrective action"), as plain text. */
export function sections(html: string): Map<string, string> {
  const out = new Map<string, string>();
  const parts = html.split(/<h[23]\b[^>]*>([\s\S]*?)<\/h[23]\s*>/i);
  for (let i = 1; i < parts.length; i += 2) {
    const heading = clean(htmlToText(parts[i] ?? '')).toLowerCase();
    if (!out.has(heading)) out.set(heading, htmlToText(parts[i + 1] ?? ''));
  }
  return out;
}

/** "Hazard: ..." in the Summary section. */
export function summaryLine(summary: string, label: string): string | null {
  const re = new RegExp(`^${label}\\s*:\\s*(.+)$`, 'im');
  return clean(re.exec(summary)?.[1]) || null;
}

/** The text of a section without the paragraph that only links elsewhere ("For more information ..."). */
export function prose(section: string | undefined): string {
  return clean(
    (section ?? '')
      .split('\n')
      .filter((l) => !/^For more information/i.test(l))
      .join(' '),
  );
}

/** "sold by The Works", "sold via Amazon": the seller the title or Summary names. */
export function soldBy(text: string): string | null {
  return clean(/\bsold\s+(?:by|via|at|on|through)\s+(.+?)(?:\s*\(\d{4}-\d{4}\))?$/i.exec(text)?.[1]) || null;
}
