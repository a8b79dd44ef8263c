/**
 * The popup's manual lookup: a barcode (UPC, EAN, JAN, any length GS1 prints), or a model number with an
 * optional brand, looked up in the same index and answered with the same verdict card as a page. The
 * typed text is read here first (utils/manual-query.ts) so a mistyped check digit is explained at once;
 * the background reads it again before it looks anything up.
 */

import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { readManualQuery } from '../utils/manual-query';
import type { TabVerdict } from '../utils/messaging';
import './ManualLookup.css';
import { VerdictView } from './VerdictView';

export type ManualLookupAnswer = { ok: true; verdict: TabVerdict } | { ok: false; error: string };

export function ManualLookup({
  lookUp,
}: {
  lookUp: (text: string, brand: string | null) => Promise<ManualLookupAnswer>;
}) {
  const [text, setText] = useState('');
  const [brand, setBrand] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [verdict, setVerdict] = useState<TabVerdict | null>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    setVerdict(null);
    const read = readManualQuery(text, brand);
    if (!read.ok) return setError(read.reason);
    setError(null);
    setBusy(true);
    try {
      const answer = await lookUp(text, brand.trim() || null);
      if (answer.ok) setVerdict(answer.verdict);
      else setError(answer.error);
    } catch (err) {
      setError(i18n.t('manualLookup.failed', [err instanceof Error ? err.message : String(err)]));
    } finally {
      setBusy(false);
    }
  };

  return (
    <details class="manual-lookup">
      <summary>{i18n.t('manualLookup.open')}</summary>
      <form onSubmit={(e) => void submit(e)}>
        <label>
          {i18n.t('manualLookup.query')}
          <input
            name="query"
            value={text}
            autocomplete="off"
            spellcheck={false}
            placeholder={i18n.t('manualLookup.placeholder')}
            aria-describedby={error ? 'manual-lookup-error' : undefined}
            onInput={(e) => setText(e.currentTarget.value)}
          />
        </label>
        <label>
          <span>
            {i18n.t('manualLookup.brand')} <span class="muted">{i18n.t('manualLookup.brandHint')}</span>
          </span>
          <input
            name="brand"
            value={brand}
            autocomplete="off"
            onInput={(e) => setBrand(e.currentTarget.value)}
          />
        </label>
        <button type="submit" disabled={busy}>
          {busy ? i18n.t('manualLookup.busy') : i18n.t('manualLookup.submit')}
        </button>
      </form>
      {error && (
        <p id="manual-lookup-error" class="manual-lookup-error" role="alert">
          {error}
        </p>
      )}
      <div class="manual-lookup-result" data-testid="manual-lookup-result" aria-live="polite">
        {verdict && <VerdictView verdict={verdict} />}
      </div>
    </details>
  );
}
