import { MAX_REPORT_MODIFIERS, PAYER_TYPES, US_STATES } from '@denialmap/shared/denial-reports';
import { PLACES_OF_SERVICE } from '@denialmap/web/ui';
import { normaliseModifier } from './chip-codes';
import { ChipsInput } from './ChipsInput';
import { FormField, ReportFieldsProps } from './FormField';
import { Icd10Picker } from './Icd10Picker';
import { payerNamesFor, serviceYears } from './report-form-state';

/** The denied line and the claim around it: code, modifiers, when (year and quarter only), payer, where, diagnoses. */
export function ClaimFields({ form, update, problems, modifierNames }: ReportFieldsProps & { modifierNames: ReadonlyMap<string, string> | null }) {
  const payers = payerNamesFor(form.payerType);
  return (
    <fieldset className="report-group">
      <legend>The denied line</legend>
      <FormField field="code" problems={problems['code']} className="field-narrow">
        {(c) => (
          <input id={c.id} aria-describedby={c.describedBy} aria-invalid={c.invalid} value={form.code} maxLength={5} autoComplete="off" onChange={(e) => update({ code: e.target.value.toUpperCase() })} />
        )}
      </FormField>
      <FormField field="modifiers" optional hint="Up to four, e.g. 26 or RT. Press Enter after each." problems={problems['modifiers']}>
        {(c) => (
          <ChipsInput
            id={c.id}
            describedBy={c.describedBy}
            invalid={c.invalid}
            chips={form.modifiers}
            onChange={(modifiers) => update({ modifiers })}
            max={MAX_REPORT_MODIFIERS}
            normalise={normaliseModifier}
            what="a modifier (two letters or digits)"
            placeholder="e.g. 26"
            listLabel="Modifiers added"
            detail={(m) => (modifierNames ? (modifierNames.get(m) ?? 'not a CPT or HCPCS modifier') : null)}
          />
        )}
      </FormField>
      <FormField field="serviceYear" hint="Only the year and quarter are kept, never the date." problems={problems['serviceYear']} className="field-narrow">
        {(c) => (
          <select id={c.id} aria-describedby={c.describedBy} aria-invalid={c.invalid} value={form.serviceYear} onChange={(e) => update({ serviceYear: e.target.value })}>
            {serviceYears(new Date()).map((y) => (
              <option key={y}>{y}</option>
            ))}
          </select>
        )}
      </FormField>
      <FormField field="serviceQuarter" problems={problems['serviceQuarter']} className="field-narrow">
        {(c) => (
          <select id={c.id} aria-describedby={c.describedBy} aria-invalid={c.invalid} value={form.serviceQuarter} onChange={(e) => update({ serviceQuarter: e.target.value })}>
            <option value="1">Q1 (Jan–Mar)</option>
            <option value="2">Q2 (Apr–Jun)</option>
            <option value="3">Q3 (Jul–Sep)</option>
            <option value="4">Q4 (Oct–Dec)</option>
          </select>
        )}
      </FormField>
      <FormField field="payerType" problems={problems['payerType']}>
        {(c) => (
          <select id={c.id} aria-describedby={c.describedBy} aria-invalid={c.invalid} value={form.payerType} onChange={(e) => update({ payerType: e.target.value })}>
            <option value="">Choose…</option>
            {Object.entries(PAYER_TYPES).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField field="payerName" optional hint={form.payerType === '' ? 'Choose the payer type first.' : 'From the maintained list, so reports for one payer count together.'} problems={problems['payerName']}>
        {(c) => (
          <select id={c.id} aria-describedby={c.describedBy} aria-invalid={c.invalid} value={form.payerName} disabled={payers.length === 0} onChange={(e) => update({ payerName: e.target.value })}>
            <option value="">Not listed or not given</option>
            {payers.map((p) => (
              <option key={p.name}>{p.name}</option>
            ))}
          </select>
        )}
      </FormField>
      <FormField field="state" optional problems={problems['state']}>
        {(c) => (
          <select id={c.id} aria-describedby={c.describedBy} aria-invalid={c.invalid} value={form.state} onChange={(e) => update({ state: e.target.value })}>
            <option value="">Rather not say</option>
            {Object.entries(US_STATES).map(([value, name]) => (
              <option key={value} value={value}>
                {name}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField field="placeOfService" optional problems={problems['placeOfService']}>
        {(c) => (
          <select id={c.id} aria-describedby={c.describedBy} aria-invalid={c.invalid} value={form.placeOfService} onChange={(e) => update({ placeOfService: e.target.value })}>
            <option value="">Not given</option>
            {PLACES_OF_SERVICE.map((p) => (
              <option key={p.code} value={p.code}>
                {p.label}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField field="icd10Codes" optional hint="Search by code or words; billable codes only." problems={problems['icd10Codes']} className="field-wide">
        {(c) => <Icd10Picker id={c.id} describedBy={c.describedBy} codes={form.icd10Codes} onChange={(icd10Codes) => update({ icd10Codes })} />}
      </FormField>
    </fieldset>
  );
}
