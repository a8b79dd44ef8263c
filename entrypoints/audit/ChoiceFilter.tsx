/** One of the findings' filters: a labelled select of "All" and each value found, with its count. */
import { i18n } from '#i18n';
import { ALL, type FilterChoice } from '@/utils/audit/findings-view';

export function ChoiceFilter(props: {
  label: string;
  value: string;
  choices: readonly FilterChoice[];
  onChange: (value: string) => void;
}) {
  return (
    <label>
      {props.label}
      <select value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
        <option value={ALL}>{i18n.t('audit.filterAll')}</option>
        {props.choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label} ({c.count})
          </option>
        ))}
      </select>
    </label>
  );
}
