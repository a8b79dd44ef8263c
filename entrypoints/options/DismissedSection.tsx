/**
 * The shopper's "not this product" answers (issue 14): each hides one recall's warning on one listing.
 * Listed here, newest first, each with Undo, so an answer given by mistake does not hide a real recall
 * for good.
 */

import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { Dismissal } from '@/utils/messaging';
import { ask } from '@/utils/messaging/ask';

export function DismissedSection() {
  const [answers, setAnswers] = useState<Dismissal[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const refresh = async () => {
    const res = await ask('dismissals');
    setAnswers(res.ok ? res.dismissals : []);
  };
  useEffect(() => {
    void refresh();
  }, []);

  const undo = async (d: Dismissal) => {
    const res = await ask('undo-dismissal', d);
    setMessage(res.ok ? i18n.t('hardening.notThis.undone') : i18n.t('hardening.notThis.failed', [res.error]));
    await refresh();
  };

  return (
    <section aria-labelledby="not-this-heading" data-testid="not-this-product">
      <h2 id="not-this-heading">{i18n.t('hardening.notThis.title')}</h2>
      <p class="muted">{i18n.t('hardening.notThis.note')}</p>
      {answers !== null && answers.length === 0 && <p>{i18n.t('hardening.notThis.none')}</p>}
      {answers !== null && answers.length > 0 && (
        <ul>
          {answers.map((d) => (
            <li key={`${d.marketplace ?? ''}|${d.listing}|${d.recallId}`}>
              <code>{d.recallId}</code> · {d.marketplace ?? i18n.t('hardening.notThis.otherShop')} ·{' '}
              <span class="listing">{d.listing}</span>{' '}
              <button type="button" class="secondary" onClick={() => void undo(d)}>
                {i18n.t('hardening.notThis.undo')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {message && (
        <p class="message" role="status">
          {message}
        </p>
      )}
    </section>
  );
}
