/**
 * The report package the shopper downloads: the report as JSON, a readable page to print or attach (the
 * same facts, every value escaped, images embedded), and the screenshot as its own JPEG. Pure: the report
 * page turns each file into a download. Nothing here reaches the network.
 */
import type { Destination, ReportField } from './destinations';
import { copyRows, type Report } from './report';

export const PACKAGE_FORMAT = 'recall-sentinel-report';
export const PACKAGE_VERSION = 1;

export interface PackageFile {
  name: string;
  mime: string;
  /** Text, or the bytes of an image. */
  data: string | Uint8Array;
}

/** What the printable view calls things, in the page's language. */
export interface PackageLabels {
  heading: string;
  destination: string;
  created: string;
  screenshot: string;
  photos: string;
  fields: Record<ReportField, string>;
  required: string;
  missing: string;
}

/** The report as the JSON file and an organisation's endpoint receive it. */
export function reportDocument(report: Report, d: Destination | null) {
  return {
    format: PACKAGE_FORMAT,
    version: PACKAGE_VERSION,
    id: report.id,
    createdAt: report.createdAt,
    destination: d ? { id: d.id, name: d.name, authority: d.authority, url: d.url } : null,
    countries: { market: report.marketCountry, user: report.userCountry },
    product: report.product,
    recall: report.recall,
    incident: report.incident,
    contact: report.contact,
    fields: d ? copyRows(report, d).map(({ field, required, value }) => ({ field, required, value })) : [],
    screenshot: report.screenshot,
    photos: report.photos,
  };
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/** Only image data URLs go into the page's `src` (anything else would be a link out of the file). */
const imageSrc = (url: string): string | null =>
  /^data:image\/(jpeg|png|webp|gif);base64,[\w+/=]+$/.test(url) ? url : null;

export function reportHtml(report: Report, d: Destination | null, labels: PackageLabels): string {
  const rows = (d ? copyRows(report, d) : []).map((r) => {
    const value = r.value.trim() ? escapeHtml(r.value) : `<em>${escapeHtml(labels.missing)}</em>`;
    const req = r.required ? ` <small>(${escapeHtml(labels.required)})</small>` : '';
    return `<tr><th scope="row">${escapeHtml(labels.fields[r.field])}${req}</th><td>${value}</td></tr>`;
  });
  const images = [
    ...(report.screenshot ? [{ name: labels.screenshot, dataUrl: report.screenshot }] : []),
    ...report.photos.map((p) => ({ name: p.name, dataUrl: p.dataUrl })),
  ]
    .map((img) => {
      const src = imageSrc(img.dataUrl);
      return src
        ? `<figure><img src="${src}" alt=""><figcaption>${escapeHtml(img.name)}</figcaption></figure>`
        : '';
    })
    .join('\n');
  const dest = d ? `${escapeHtml(d.name)} — ${escapeHtml(d.authority)} (${escapeHtml(d.url)})` : '—';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<title>${escapeHtml(labels.heading)} ${escapeHtml(report.id)}</title>
<style>body{font:15px/1.45 system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #bbb;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{width:14rem;background:#f3f3f3}td{white-space:pre-wrap;word-break:break-word}img{max-width:100%;border:1px solid #bbb}</style>
</head><body>
<h1>${escapeHtml(labels.heading)} ${escapeHtml(report.id)}</h1>
<p>${escapeHtml(labels.destination)}: ${dest}<br>${escapeHtml(labels.created)}: ${escapeHtml(report.createdAt)}</p>
<table>${rows.join('\n')}</table>
${images ? `<h2>${escapeHtml(labels.photos)}</h2>\n${images}` : ''}
</body></html>
`;
}

/** `data:image/jpeg;base64,…` → its bytes and type; null for anything else. */
export function dataUrlBytes(url: string): { mime: string; bytes: Uint8Array } | null {
  const m = /^data:(image\/(?:jpeg|png|webp));base64,([\w+/=]+)$/.exec(url);
  if (!m) return null;
  const bin = atob(m[2] as string);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return { mime: m[1] as string, bytes };
}

/** The files of the package, named after the report. */
export function reportPackage(report: Report, d: Destination | null, labels: PackageLabels): PackageFile[] {
  const files: PackageFile[] = [
    {
      name: `${report.id}.json`,
      mime: 'application/json',
      data: `${JSON.stringify(reportDocument(report, d), null, 2)}\n`,
    },
    { name: `${report.id}.html`, mime: 'text/html', data: reportHtml(report, d, labels) },
  ];
  const shot = report.screenshot ? dataUrlBytes(report.screenshot) : null;
  if (shot)
    files.push({
      name: `${report.id}-screenshot.${shot.mime.split('/')[1]}`,
      mime: shot.mime,
      data: shot.bytes,
    });
  return files;
}
