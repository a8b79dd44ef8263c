/**
 * A running step's progress on the audit page: a bar, its count in words (announced as a status), and
 * Cancel. Shared by the audit itself and the listing pages' read.
 */
import { i18n } from '#i18n';

export function ProgressRow(props: {
  testId: string;
  /** The bar's accessible name. */
  label: string;
  done: number;
  total: number;
  /** "120 of 500 listings…", with anything the step adds (time left). */
  text: string;
  onCancel: () => void;
}) {
  return (
    <div class="progress" data-testid={props.testId}>
      <progress max={Math.max(props.total, 1)} value={props.done} aria-label={props.label} />
      <span role="status">{props.text}</span>
      <button type="button" class="quiet" onClick={props.onCancel}>
        {i18n.t('audit.cancel')}
      </button>
    </div>
  );
}
