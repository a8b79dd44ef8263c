/**
 * The Safety Gate weekly report XML (`<report_date>DD/MM/YYYY</report_date>` and one `<notifications>`
 * element per alert, values in CDATA), the fallback when the JSON API moves. It is read with a small
 * regex reader for its known, flat elements, so no DOM is needed in the extension's service worker;
 * entities outside CDATA are XML's, decoded by the `entities` library.
 */
import { z } from 'zod';
import { xmlElementText } from '../../xml-element-text';
import { distinct, readUrl } from '../lib/text';
import type { Alert } from './alert';

/**
 * The text of the first `<tag>` element in `xml`: CDATA sections kept verbatim, entities decoded
 * outside them, inner tags dropped. The weekly report's elements are flat and known (caseNumber,
 * product, brand, type_numberOfModel, barcode, ...), which is all this reader handles: no namespaces,
 * no attributes that matter, no nesting of the same tag.
 */
export function xmlElement(xml: string, tag: string): string {
  const m = new RegExp(`<${tag}(?:\\s[^>]*)?(?:/>|>([\\s\\S]*?)</${tag}\\s*>)`).exec(xml);
  return m?.[1] ? xmlElementText(m[1]) : '';
}

/** Every `<tag>...</tag>` block, outermost text included. */
function xmlBlocks(xml: string, tag: string): string[] {
  return [...xml.matchAll(new RegExp(`<${tag}(?:\\s[^>]*)?>[\\s\\S]*?</${tag}\\s*>`, 'g'))].map((m) => m[0]);
}

/** One `<notifications>` block as the detail JSON's lenient shape would have given it. */
export interface XmlNotification {
  caseNumber: string;
  reportDate: string | null;
  fields: Record<string, string>;
  pictures: string[];
}

const XML_FIELDS = [
  'reference',
  'category',
  'product',
  'brand',
  'name',
  'type_numberOfModel',
  'barcode',
  'batchNumber',
  'description',
  'danger',
  'measures',
  'riskType',
  'notifyingCountry',
  'countryOfOrigin',
  'URLrecall',
  'level',
] as const;

/** The `<notifications>` of a weekly report, each dated by the report (an alert carries no date of its own). */
export function readWeeklyXml(xml: string): XmlNotification[] {
  // <report_date> is day-first: 02/10/2026 is 2 October.
  const date = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(xmlElement(xml, 'report_date'));
  const reportDate = date ? `${date[3]}-${date[2]}-${date[1]}` : null;
  return xmlBlocks(xml, 'notifications').map((block) => ({
    caseNumber: xmlElement(block, 'caseNumber'),
    reportDate,
    fields: Object.fromEntries(XML_FIELDS.map((f) => [f, xmlElement(block, f)])),
    pictures: xmlBlocks(block, 'picture').map((p) =>
      xmlElementText(p.replace(/^<picture[^>]*>|<\/picture\s*>$/g, '')),
    ),
  }));
}

/** A notification as the record loop checks it: one without a caseNumber is skipped with that reason. */
export const XmlRecord = z.object({
  caseNumber: z.string().min(1, 'caseNumber is empty'),
  reportDate: z.string().nullable(),
  fields: z.record(z.string(), z.string()),
  pictures: z.array(z.string()),
});

/** Splits a free-text list field of the weekly XML ("ABC-1; ABC-2", one per line, "A, B"). */
function listField(value: string): string[] {
  return distinct(value.split(/\s*[;\n|]\s*|,\s+/));
}

/** A weekly report notification as an `Alert`: free-text list fields split, an unknown origin dropped. */
export function fromXml(n: XmlNotification): Alert {
  const f = (name: string) => n.fields[name] ?? '';
  return {
    reference: n.caseNumber,
    numericId: null,
    typeName: f('product'),
    specificName: f('name'),
    brands: listField(f('brand')),
    // "LF-22 & LF-23", "VT-1800 and VT-1800S": one field, several models.
    models: listField(f('type_numberOfModel')).flatMap((m) => m.split(/\s+(?:&|and)\s+/)),
    barcodes: listField(f('barcode')),
    batches: listField(f('batchNumber')),
    description: f('description'),
    hazard: f('danger'),
    riskTypes: listField(f('riskType')),
    measures: listField(f('measures')),
    notifyingCountry: f('notifyingCountry') || null,
    countryOfOrigin: /^(?:unknown|xx)?$/i.test(f('countryOfOrigin')) ? null : f('countryOfOrigin'),
    published: n.reportDate,
    updated: n.reportDate,
    // The weekly report carries no modification time: a week's report date orders its copies.
    version: n.reportDate ? `${n.reportDate}T00:00:00.000Z` : '0000-00-00T00:00:00.000Z',
    images: distinct(n.pictures)
      .map((url) => readUrl(url))
      .filter((url): url is string => url !== null)
      .map((url) => ({ url, caption: null })),
    soldAt: null,
    companyRecalls: distinct([f('URLrecall')]),
    origins: {
      brands: 'brand',
      models: 'type_numberOfModel',
      barcodes: 'barcode',
      batches: 'batchNumber',
      description: 'description',
    },
  };
}

/** A weekly report: text with `<notifications>` that carry a `<caseNumber>`. */
export function looksLikeWeeklyXml(value: unknown): value is string {
  return typeof value === 'string' && /<notifications[\s>]/.test(value) && /<caseNumber[\s>]/.test(value);
}
