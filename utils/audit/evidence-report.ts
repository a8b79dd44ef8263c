/**
 * The printable evidence report: one self-contained HTML page (no script, no remote resource) that
 * prints well to PDF, for a merchant's records or a regulator's question. Every value is text escaped by
 * the `entities` library (titles and notice text come from outside); links are the official notice
 * addresses, kept only when they are http(s). Per finding: the listing, the tier and why (evidence in
 * the extension's own words), the notice (authority, jurisdiction, status, date, hazard, remedy, link),
 * what to do, the listing's completeness, and the merchant's latest review of it (decision, note, time) from
 * the review log when the page hands it over. @media print drops colours that waste ink, keeps a
 * finding on one page where it fits, and prints each link's address after it.
 */
import { escapeUTF8 as esc } from 'entities';
import { i18n, uiLanguage } from '../ui-language/i18n';
import type { AuditResult } from './audit';
import { COMPLETENESS_ITEMS, RULE_NAME } from './completeness';
import type { AuditMeta } from './export-json';
import type { Finding } from './finding';
import { catalogFormatName, recallStatusName } from './labels';
import { type FindingReview, type LatestReviews, reviewOf } from './review-log';

const safeUrl = (url: string | null): string | null => (url && /^https?:\/\//i.test(url) ? url : null);

const link = (url: string | null, text: string) => {
  const href = safeUrl(url);
  return href ? `<a href="${esc(href)}">${esc(text)}</a>` : esc(text);
};

const list = (items: readonly string[]) =>
  items.length > 0 ? `<ul>${items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>` : '';

function listingLine(f: Finding): string {
  const parts = [
    f.sku && i18n.t('auditReport.sku', [f.sku]),
    f.barcode && i18n.t('auditReport.barcode', [f.barcode]),
    f.model && i18n.t('auditReport.model', [f.model]),
    f.asin && i18n.t('auditReport.asin', [f.asin]),
    f.brand && i18n.t('auditReport.brand', [f.brand]),
  ].filter((p): p is string => Boolean(p));
  return `${i18n.t('auditReport.row', [String(f.row)])}${parts.length > 0 ? ` · ${parts.join(' · ')}` : ''}`;
}

/** "Reviewed on 2026-12-05 19:00 UTC: note", in the report's one clock (UTC), as a regulator reads it. */
function reviewLine(review: FindingReview | null): string {
  if (!review) return `<p class="review">${esc(i18n.t('auditReport.reviewNone'))}</p>`;
  const when = `${review.at.slice(0, 16).replace('T', ' ')} UTC`;
  const what =
    review.decision === 'reviewed'
      ? i18n.t('auditReport.reviewed', [when])
      : i18n.t('auditReport.notThis', [when]);
  return `<p class="review">${esc(i18n.t('auditReport.reviewLabel'))} <strong>${esc(what)}</strong>${review.note ? `: ${esc(review.note)}` : ''}</p>`;
}

/** `review` undefined: no review log was given (the CLI), so no review line. */
function findingSection(f: Finding, n: number, review: FindingReview | null | undefined): string {
  return `<section class="finding tier-${esc(f.tier)}">
<h2>${n}. ${esc(f.tierLabel)}: ${esc(f.title ?? f.sku ?? `row ${f.row}`)}</h2>
<p class="listing">${esc(listingLine(f))}${safeUrl(f.listingUrl) ? ` · ${link(f.listingUrl, i18n.t('auditReport.listing'))}` : ''}</p>
<h3>${esc(i18n.t('auditReport.recall'))}</h3>
<p class="notice">${link(f.officialUrl, f.recallTitle)}</p>
<dl>
<dt>${esc(i18n.t('auditReport.authority'))}</dt><dd>${esc(f.authority)} (${esc(f.jurisdiction)}, ${esc(f.sourceLabel)})</dd>
<dt>${esc(i18n.t('auditReport.notice'))}</dt><dd>${esc(f.recallNumber ?? f.recallId)} · ${esc(recallStatusName(f.recallStatus))} · ${esc(f.published ?? i18n.t('auditReport.dateUnknown'))}</dd>
${f.hazard ? `<dt>${esc(i18n.t('auditReport.hazard'))}</dt><dd>${esc(f.hazard)}</dd>` : ''}
${f.remedy ? `<dt>${esc(i18n.t('auditReport.remedy'))}</dt><dd>${esc(f.remedy)}</dd>` : ''}
${safeUrl(f.officialUrl) ? `<dt>${esc(i18n.t('auditReport.officialNotice'))}</dt><dd>${link(f.officialUrl, f.officialUrl as string)}</dd>` : ''}
</dl>
<h3>${esc(i18n.t('auditReport.why'))}</h3>
<p>${esc(f.meaning)}</p>
${list(f.evidence)}
${f.caveats.length > 0 ? `<h3>${esc(i18n.t('auditReport.caveats'))}</h3>${list(f.caveats)}` : ''}
<h3>${esc(i18n.t('auditReport.whatToDo'))}</h3>
<ol>${f.actions.map((a) => `<li>${esc(a)}</li>`).join('')}</ol>
<p class="completeness">${esc(i18n.t('auditReport.completeness', [f.completeness]))}</p>
${review === undefined ? '' : reviewLine(review)}
</section>`;
}

const STYLE = `
body { font: 14px/1.45 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1b1b1b; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; margin: 0 0 .25rem; } h3 { font-size: .95rem; margin: .75rem 0 .25rem; }
table { border-collapse: collapse; } td, th { border: 1px solid #bbb; padding: .2rem .5rem; text-align: left; }
.finding { border: 1px solid #bbb; border-left: 6px solid #888; border-radius: 4px; padding: .75rem 1rem; margin: 1rem 0; }
.tier-confirmed { border-left-color: #b00020; } .tier-likely { border-left-color: #c75000; } .tier-possible { border-left-color: #6b6b00; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .75rem; margin: 0; } dt { font-weight: 600; } dd { margin: 0; }
.listing, .completeness { color: #444; } a { color: #0b57d0; overflow-wrap: anywhere; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; color: #000; }
  .finding { break-inside: avoid; border-color: #000; }
  a { color: #000; text-decoration: none; }
  .notice a::after { content: " <" attr(href) ">"; font-size: 9pt; }
  @page { margin: 15mm; }
}`;

export function evidenceReportHtml(result: AuditResult, meta: AuditMeta, reviews?: LatestReviews): string {
  const completenessRows = COMPLETENESS_ITEMS.map(
    (item) =>
      `<tr><td>${esc(item.label())}</td><td>${esc(RULE_NAME[item.rule]())}</td><td>${result.completeness.missing[item.id] ?? 0}</td></tr>`,
  ).join('');
  const problems = result.problems.slice(0, 500).map((p) => p.message);
  const sources = meta.sources
    .map((s) => i18n.t('auditReport.sourceRecalls', [s.source, String(s.records)]))
    .join(i18n.t('auditFinding.itemSeparator'));
  const summary = i18n.t('auditReport.summary', result.listings, [
    String(result.listings),
    catalogFormatName(meta.catalogFormat),
    meta.generatedAt.slice(0, 10),
    sources,
  ]);
  return `<!doctype html>
<html lang="${esc(uiLanguage())}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(i18n.t('auditReport.title', [meta.catalog]))}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${esc(i18n.t('auditReport.heading', [meta.catalog]))}</h1>
<p>${esc(summary)}</p>
${meta.scan && !meta.scan.complete ? `<p class="partial"><strong>${esc(i18n.t('auditReport.scanStopped', [String(meta.scan.pages + 1), meta.scan.stoppedBecause ?? '']))}</strong> ${esc(i18n.t('auditReport.scanStoppedRest'))}</p>` : ''}
<p><strong>${esc(
    i18n.t('auditReport.counts', [
      String(result.counts.confirmed),
      String(result.counts.likely),
      String(result.counts.possible),
    ]),
  )}</strong> ${esc(i18n.t('auditReport.countsNote'))}</p>
${result.findings.map((f, i) => findingSection(f, i + 1, reviews ? reviewOf(f, reviews) : undefined)).join('\n')}
<h2>${esc(i18n.t('auditReport.completenessTitle'))}</h2>
<p>${esc(i18n.t('auditReport.completenessSummary', [String(result.completeness.complete), String(result.listings)]))}</p>
<table><thead><tr><th>${esc(i18n.t('auditReport.item'))}</th><th>${esc(i18n.t('auditReport.rule'))}</th><th>${esc(i18n.t('auditReport.missingIt'))}</th></tr></thead><tbody>${completenessRows}</tbody></table>
${problems.length > 0 ? `<h2>${esc(i18n.t('auditReport.problems'))}</h2>${list(problems)}${result.problems.length > problems.length ? `<p>${esc(i18n.t('auditReport.moreProblems', [String(result.problems.length - problems.length)]))}</p>` : ''}` : ''}
</body>
</html>
`;
}
