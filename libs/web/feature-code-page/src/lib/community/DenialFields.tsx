import { DENIAL_CATEGORIES, DENIAL_GROUP_CODES, MAX_REPORT_RARCS } from '@denialmap/shared/denial-reports';
import { AdjustmentCodeLookup } from './AdjustmentCodeLookup';
import { normaliseCarc, normaliseRarc } from './chip-codes';
import { ChipsInput } from './ChipsInput';
import { FormField, ReportFieldsProps } from './FormField';
import { useDebouncedValue } from './useDebouncedValue';

/** What the remittance said: group code, CARC, RARCs (each looked up in the X12 lists) and what it was about. */
export function DenialFields({ form, update, problems, groupCodeNames }: ReportFieldsProps & { groupCodeNames: ReadonlyMap<string, string> | null }) {
  const carc = normaliseCarc(useDebouncedValue(form.carc, 300)) ?? '';
  return (
    <fieldset className="report-group">
      <legend>The denial</legend>
      <FormField field="groupCode" problems={problems['groupCode']}>
        {(c) => (
          <select id={c.id} aria-describedby={c.describedBy} aria-invalid={c.invalid} value={form.groupCode} onChange={(e) => update({ groupCode: e.target.value })}>
            <option value="">Choose…</option>
            {DENIAL_GROUP_CODES.map((code) => (
              <option key={code} value={code}>
                {code}
                {groupCodeNames?.get(code) ? `: ${groupCodeNames.get(code)}` : ''}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField
        field="carc"
        hint={<span aria-live="polite">{carc ? <AdjustmentCodeLookup kind="carc" code={carc} /> : 'The number after the group code, e.g. 97 in CO-97.'}</span>}
        problems={problems['carc']}
        className="field-narrow-wide"
      >
        {(c) => (
          <input
            id={c.id}
            aria-describedby={c.describedBy}
            aria-invalid={c.invalid}
            value={form.carc}
            maxLength={3}
            autoComplete="off"
            placeholder="e.g. 97"
            onChange={(e) => update({ carc: e.target.value.toUpperCase() })}
          />
        )}
      </FormField>
      <FormField field="rarcs" optional hint="Up to five, e.g. N290. Press Enter after each." problems={problems['rarcs']} className="field-wide">
        {(c) => (
          <ChipsInput
            id={c.id}
            describedBy={c.describedBy}
            invalid={c.invalid}
            chips={form.rarcs}
            onChange={(rarcs) => update({ rarcs })}
            max={MAX_REPORT_RARCS}
            normalise={normaliseRarc}
            what="a RARC (M, MA or N and digits)"
            placeholder="e.g. N290"
            listLabel="Remark codes added"
            detail={(code) => <AdjustmentCodeLookup kind="rarc" code={code} />}
          />
        )}
      </FormField>
      <FormField field="denialCategory" problems={problems['denialCategory']} className="field-wide">
        {(c) => (
          <select id={c.id} aria-describedby={c.describedBy} aria-invalid={c.invalid} value={form.denialCategory} onChange={(e) => update({ denialCategory: e.target.value })}>
            <option value="">Choose…</option>
            {Object.entries(DENIAL_CATEGORIES).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        )}
      </FormField>
    </fieldset>
  );
}
