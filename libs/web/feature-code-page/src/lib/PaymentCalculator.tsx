import { useQuery } from '@apollo/client/react';
import { useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import { describeError, LocalitiesQuery, PriceQuery } from '@denialmap/web/data-access';
import { ErrorPanel, FindingsList, formatDollars, LoadingPanel, PLACES_OF_SERVICE } from '@denialmap/web/ui';
import { CalculatorInputs, parseModifiers, readInputs, writeInputs } from './calculator-inputs';
import { PaymentTrace } from './PaymentTrace';

const PRICING_WORDS: Record<string, string> = {
  FEE_SCHEDULE: 'Medicare allowed amount',
  CONTRACTOR_PRICED: 'Priced by the MAC',
  NOT_PAYABLE: 'Not payable as billed',
  DENIED: 'Denied by a claim edit',
};

/**
 * The payment calculator: date of service (from the page), place of service, locality or ZIP,
 * modifiers, units, participation and provider type. Every input is in the URL, so a result can
 * be shared; the answer shows the amount, the findings and the math.
 */
export function PaymentCalculator({ code, dateOfService }: { code: string; dateOfService: string }) {
  const id = useId();
  const [params, setParams] = useSearchParams();
  const inputs = readInputs(params);
  const [modifierText, setModifierText] = useState(inputs.modifiers.join(', '));
  const [zipText, setZipText] = useState(inputs.zip);
  const update = (change: Partial<CalculatorInputs>) => setParams(writeInputs(params, { ...inputs, ...change }), { replace: true });

  const localities = useQuery(LocalitiesQuery, { variables: { dateOfService } });
  const { data, previousData, loading, error } = useQuery(PriceQuery, {
    variables: {
      input: {
        code,
        dateOfService,
        placeOfService: inputs.placeOfService,
        modifiers: inputs.modifiers,
        units: inputs.units,
        participating: inputs.participating,
        nonPhysicianPractitioner: inputs.nonPhysicianPractitioner,
        ...(inputs.zip ? { zip: inputs.zip } : inputs.locality ? { locality: inputs.locality } : {}),
      },
    },
  });
  const problem = error ? describeError(error) : null;
  // After an error the last good answer would describe other inputs: show none.
  const result = problem ? undefined : (data ?? previousData)?.price;
  const fieldProblem = (field: string) => (problem?.field === `input.${field}` ? problem.message : null);

  const byState = new Map<string, { id: string; name: string }[]>();
  for (const l of localities.data?.localities ?? []) byState.set(l.state, [...(byState.get(l.state) ?? []), l]);

  return (
    <section className="calculator" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Payment calculator</h2>
      <form className="calculator-form" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor={`${id}-pos`}>Place of service</label>
          <select id={`${id}-pos`} value={inputs.placeOfService} onChange={(e) => update({ placeOfService: e.target.value })}>
            {PLACES_OF_SERVICE.map((p) => (
              <option key={p.code} value={p.code}>
                {p.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-locality`}>Medicare locality</label>
          <select
            id={`${id}-locality`}
            value={inputs.zip ? '' : inputs.locality}
            disabled={!!inputs.zip}
            onChange={(e) => update({ locality: e.target.value, zip: '' })}
          >
            <option value="">National (all GPCIs 1.000)</option>
            {[...byState.entries()].map(([state, list]) => (
              <optgroup key={state} label={state}>
                {list.map((l) => (
                  <option key={l.id} value={l.id}>
                    {state}: {l.name.toLowerCase().replace(/\b\w/g, (c) => c.toUpperCase())} ({l.id})
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
          {localities.error && <p className="field-problem">Localities could not be loaded: {describeError(localities.error).message}</p>}
        </div>
        <div className="field">
          <label htmlFor={`${id}-zip`}>or ZIP code</label>
          <input
            id={`${id}-zip`}
            inputMode="numeric"
            autoComplete="postal-code"
            maxLength={5}
            value={zipText}
            aria-describedby={fieldProblem('zip') ? `${id}-zip-problem` : undefined}
            onChange={(e) => {
              const zip = e.target.value.replace(/\D/g, '').slice(0, 5);
              setZipText(zip);
              if (zip.length === 5 || zip === '') update({ zip, locality: zip ? '' : inputs.locality });
            }}
          />
          {fieldProblem('zip') && (
            <p className="field-problem" id={`${id}-zip-problem`}>
              {fieldProblem('zip')}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-mods`}>Modifiers</label>
          <input
            id={`${id}-mods`}
            placeholder="e.g. 26, 50, 80"
            value={modifierText}
            aria-describedby={`${id}-mods-help`}
            onChange={(e) => {
              setModifierText(e.target.value);
              const modifiers = parseModifiers(e.target.value);
              if (modifiers.every((m) => m.length === 2)) update({ modifiers });
            }}
          />
          <p className="field-help" id={`${id}-mods-help`}>
            {inputs.modifiers.length > 0 ? (
              <span className="chips" data-testid="modifier-chips">
                {inputs.modifiers.map((m) => (
                  <span key={m} className="chip">
                    {m}
                  </span>
                ))}
              </span>
            ) : (
              'Up to four, separated by commas.'
            )}
          </p>
          {fieldProblem('modifiers') && <p className="field-problem">{fieldProblem('modifiers')}</p>}
        </div>
        <div className="field field-narrow">
          <label htmlFor={`${id}-units`}>Units</label>
          <input
            id={`${id}-units`}
            type="number"
            min={1}
            max={999}
            value={inputs.units}
            onChange={(e) => {
              const units = Number(e.target.value);
              if (Number.isInteger(units) && units >= 1 && units <= 999) update({ units });
            }}
          />
        </div>
        <div className="field field-checks">
          <label>
            <input type="checkbox" checked={inputs.participating} onChange={(e) => update({ participating: e.target.checked })} /> Participating provider
          </label>
          <label>
            <input type="checkbox" checked={inputs.nonPhysicianPractitioner} onChange={(e) => update({ nonPhysicianPractitioner: e.target.checked })} /> Billed by
            an NP, PA or CNS
          </label>
        </div>
      </form>

      {problem && !problem.field?.startsWith('input.zip') && (
        <ErrorPanel title="This combination cannot be priced">{problem.message}</ErrorPanel>
      )}
      {!result && !problem && <LoadingPanel label="Pricing…" />}
      {result && (
        <div className="calculator-result" aria-live="polite" aria-busy={loading}>
          <div className={`amount-card primary pricing-${result.pricing.toLowerCase()}`}>
            <h3>
              {PRICING_WORDS[result.pricing]}: {result.code}
              {result.modifiers.length > 0 ? `-${result.modifiers.join('-')}` : ''}
              {result.units > 1 ? ` x ${result.units}` : ''}
            </h3>
            {result.amount ? (
              <span className="money" data-testid="calculated-amount">
                {formatDollars(result.amount)}
              </span>
            ) : (
              <p className="amount-reason" data-testid="calculated-reason">
                {result.reason}
              </p>
            )}
            {result.limitingCharge && <p className="amount-reason">Limiting charge: {formatDollars(result.limitingCharge)}</p>}
            <p className="amount-reason" data-testid="calculated-basis">
              {result.locality ? `${result.locality.name} (${result.locality.id})` : 'National'} · {result.settingBasis} · {result.release.label}, CF $
              {result.release.conversionFactor}
            </p>
          </div>
          {result.findings.length > 0 && <FindingsList findings={result.findings} showLines={false} testId="calculator-findings" />}
          {/* The release note is already at the top of the page. */}
          {result.notes.filter((n) => n !== result.release.note).map((n) => (
            <p key={n} className="fine-print">
              {n}
            </p>
          ))}
          <PaymentTrace steps={result.steps} title="How we got this amount" testId="calculator-trace" />
        </div>
      )}
    </section>
  );
}
