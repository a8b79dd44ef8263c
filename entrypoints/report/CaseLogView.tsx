/**
 * The case log: every report made on this device, newest first, with its destination and date, the case
 * number the authority gave (the shopper types it in) and, where the destination runs on deadlines, which
 * step is due when (12315: the firm's 10 working days, then the authority's 7).
 */
import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { formatDate } from '@/utils/recall-index/explain';
import { type CaseEntry, reminders } from '@/utils/report/case-log';
import { type Deadline, type Destination, destination } from '@/utils/report/destinations';

function reminderText(d: Deadline, due: string): string {
  const days = String(d.days);
  switch (d.id) {
    case '12315-settle':
      return i18n.t('report.reminder.settle12315', [days, due]);
    case '12315-accept':
      return i18n.t('report.reminder.accept12315', [days, due]);
    case 'cpsc-transmit':
      return i18n.t('report.reminder.transmitCpsc', [days, due]);
    case 'cpsc-comment':
      return i18n.t('report.reminder.commentCpsc', [days, due]);
  }
}

export function CaseLogView(props: {
  cases: CaseEntry[];
  onCaseNumber: (id: string, caseNumber: string) => Promise<void>;
  onRemove: (id: string) => Promise<void>;
  destinationName: (d: Destination) => string;
  now?: Date;
}) {
  const now = props.now ?? new Date();
  return (
    <section aria-labelledby="cases-h" data-section="cases">
      <h2 id="cases-h">{i18n.t('report.casesHeading')}</h2>
      {props.cases.length === 0 ? (
        <p class="muted" data-testid="no-cases">
          {i18n.t('report.noCases')}
        </p>
      ) : (
        <ul class="cases">
          {props.cases.map((c) => (
            <CaseRow key={c.id} entry={c} now={now} {...props} />
          ))}
        </ul>
      )}
      <p class="muted">{i18n.t('report.casesPrivacy')}</p>
    </section>
  );
}

function CaseRow(props: {
  entry: CaseEntry;
  now: Date;
  onCaseNumber: (id: string, caseNumber: string) => Promise<void>;
  onRemove: (id: string) => Promise<void>;
  destinationName: (d: Destination) => string;
}) {
  const { entry } = props;
  const [value, setValue] = useState(entry.caseNumber);
  const [saved, setSaved] = useState(false);
  const d = destination(entry.destination);
  const steps = reminders(entry, props.now);
  return (
    <li class="case" data-case={entry.id}>
      <p class="case-head">
        <strong>{entry.product}</strong>
        <br />
        {i18n.t('report.caseFiled', [props.destinationName(d), formatDate(entry.createdAt)])}{' '}
        <span class="muted">({entry.id})</span>
      </p>
      {steps.length > 0 && (
        <ul class="reminders">
          {steps.map((s) => (
            <li key={s.deadline.id} class={s.current ? 'current' : s.passed ? 'passed' : ''}>
              {reminderText(s.deadline, formatDate(s.due.toISOString()))}
              {s.passed && ` — ${i18n.t('report.reminderPassed')}`}
            </li>
          ))}
        </ul>
      )}
      <form
        class="case-number"
        onSubmit={(e) => {
          e.preventDefault();
          void props.onCaseNumber(entry.id, value).then(() => setSaved(true));
        }}
      >
        <label>
          {i18n.t('report.caseNumber')}{' '}
          <input
            name="caseNumber"
            value={value}
            maxLength={100}
            onInput={(e) => {
              setValue(e.currentTarget.value);
              setSaved(false);
            }}
          />
        </label>{' '}
        <button type="submit" class="secondary">
          {i18n.t('report.saveCaseNumber')}
        </button>{' '}
        {saved && <span role="status">{i18n.t('report.caseNumberSaved')}</span>}
        <button type="button" class="link" onClick={() => void props.onRemove(entry.id)}>
          {i18n.t('report.removeCase')}
        </button>
      </form>
    </li>
  );
}
