/**
 * Files the audit page hands to the user: a download (CSV with a BOM so Excel reads it as UTF-8, JSON),
 * and the evidence report opened in a tab of its own with the print dialog. The report is our own HTML
 * with every outside value escaped (utils/audit/evidence-report.ts) and no script; it is shown from a
 * blob: address of this page's origin, never written into this page.
 */
export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function openForPrint(html: string): void {
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
  const tab = window.open(url, '_blank');
  if (!tab) return;
  tab.addEventListener('load', () => tab.print(), { once: true });
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** "catalog.csv" → "catalog-recall-audit-2026-12-05.csv". */
export function exportName(catalog: string, ext: string, now: Date = new Date()): string {
  const base = catalog.replace(/\.[^.]+$/, '').replace(/[^\p{L}\p{N}._-]+/gu, '-') || 'catalog';
  return `${base}-recall-audit-${now.toISOString().slice(0, 10)}.${ext}`;
}
