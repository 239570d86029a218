import { ACTIONS_TAKEN, MAX_DAYS_TO_RESOLUTION, REPORT_FIXES, REPORT_OUTCOMES } from '@denialmap/shared/denial-reports';
import { FormField, ReportFieldsProps } from './FormField';
import { appealLevelOptions, showsAppealLevel, showsDaysToResolution, showsFix } from './report-form-state';

/** What was done and how it ended; the appeal level only for appeals, days only once resolved. */
export function ResolutionFields({ form, update, problems }: ReportFieldsProps) {
  return (
    <fieldset className="report-group">
      <legend>What happened next</legend>
      <FormField field="actionTaken" problems={problems['actionTaken']}>
        {(c) => (
          <select id={c.id} aria-describedby={c.describedBy} aria-invalid={c.invalid} value={form.actionTaken} onChange={(e) => update({ actionTaken: e.target.value })}>
            <option value="">Choose…</option>
            {Object.entries(ACTIONS_TAKEN).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {showsAppealLevel(form) && (
        <FormField
          field="appealLevel"
          hint={form.payerType === '' ? 'Choose the payer type to see its levels.' : `${appealLevelOptions(form.payerType).length} levels for this payer type.`}
          problems={problems['appealLevel']}
        >
          {(c) => (
            <select id={c.id} aria-describedby={c.describedBy} aria-invalid={c.invalid} value={form.appealLevel} onChange={(e) => update({ appealLevel: e.target.value })}>
              <option value="">Choose…</option>
              {appealLevelOptions(form.payerType).map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          )}
        </FormField>
      )}
      <FormField field="outcome" problems={problems['outcome']}>
        {(c) => (
          <select id={c.id} aria-describedby={c.describedBy} aria-invalid={c.invalid} value={form.outcome} onChange={(e) => update({ outcome: e.target.value })}>
            <option value="">Choose…</option>
            {Object.entries(REPORT_OUTCOMES).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {showsFix(form) && (
        <FormField field="fix" optional problems={problems['fix']}>
          {(c) => (
            <select id={c.id} aria-describedby={c.describedBy} aria-invalid={c.invalid} value={form.fix} onChange={(e) => update({ fix: e.target.value })}>
              <option value="">Not given</option>
              {Object.entries(REPORT_FIXES).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </FormField>
      )}
      {showsDaysToResolution(form) && (
        <FormField field="daysToResolution" optional hint={`0 to ${MAX_DAYS_TO_RESOLUTION}.`} problems={problems['daysToResolution']} className="field-narrow">
          {(c) => (
            <input
              id={c.id}
              type="number"
              inputMode="numeric"
              min={0}
              max={MAX_DAYS_TO_RESOLUTION}
              aria-describedby={c.describedBy}
              aria-invalid={c.invalid}
              value={form.daysToResolution}
              onChange={(e) => update({ daysToResolution: e.target.value })}
            />
          )}
        </FormField>
      )}
    </fieldset>
  );
}
