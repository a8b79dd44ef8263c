/**
 * What a merchant should do about one finding, in the order they should do it. Selling a recalled
 * product is unlawful in the US (CPSA §19(a)(2)(B)), and the EU GPSR (Art. 35–37) and SAMR Announcement
 * 2025 No. 21 require sellers to stop sale at once, take down the listing and show the recall notice to
 * buyers; so a confirmed or likely match asks for all of that, whatever the notice's status, because a
 * completed recall does not make the recalled units safe. A possible match asks for a check first.
 * The words are the UI's (utils/locales, `auditFinding`), through utils/ui-language/i18n.ts as explain.ts
 * does, so the page speaks its language and the CLI English; the notice's own remedy text and the lots
 * it names are quoted as the authority published them.
 */
import { describeCaveat } from '../recall-index/explain';
import type { Recall, RecallMatch } from '../schemas';
import { i18n } from '../ui-language/i18n';

function notifyBuyers(published: string | null, remedy: string | null): string {
  if (published && remedy) return i18n.t('auditFinding.notifyBuyersSinceRemedy', [published, remedy]);
  if (published) return i18n.t('auditFinding.notifyBuyersSince', [published]);
  if (remedy) return i18n.t('auditFinding.notifyBuyersRemedy', [remedy]);
  return i18n.t('auditFinding.notifyBuyers');
}

export function findingActions(match: Pick<RecallMatch, 'tier' | 'caveats'>, recall: Recall): string[] {
  if (recall.status === 'withdrawn') return [i18n.t('auditFinding.withdrawn')];
  const lots = match.caveats.filter((c) => c.kind === 'lot-specific' || c.kind === 'date-specific');
  if (match.tier === 'possible') return [i18n.t('auditFinding.checkItem'), i18n.t('auditFinding.ifRecalled')];
  const remedy = [recall.remedy.trim(), ...recall.remedyOptions].find(Boolean);
  return [
    lots.length > 0 ? i18n.t('auditFinding.stopSaleLots') : i18n.t('auditFinding.stopSale'),
    i18n.t('auditFinding.removeListing'),
    ...lots.map((c) =>
      i18n.t('auditFinding.checkStock', [c.values.length > 0 ? c.values.join(', ') : describeCaveat(c)]),
    ),
    notifyBuyers(recall.published, remedy ? remedy.replace(/[.\s。]+$/, '') : null),
    recall.url && /^https?:\/\//i.test(recall.url)
      ? i18n.t('auditFinding.publishNoticeLink', [recall.url])
      : i18n.t('auditFinding.publishNotice'),
  ];
}
