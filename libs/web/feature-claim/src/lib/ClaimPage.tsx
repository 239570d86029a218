import { useQuery } from '@apollo/client/react';
import { FormEvent, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { CheckClaimQuery, describeError } from '@denialmap/web/data-access';
import { ErrorPanel, FindingsList, formatDollars, LoadingPanel, PLACES_OF_SERVICE } from '@denialmap/web/ui';
import { DraftLine, parsePastedCodes, readLines, writeLines } from './claim-lines';

const STATUS_WORDS: Record<string, string> = {
  FEE_SCHEDULE: 'Paid',
  CONTRACTOR_PRICED: 'MAC prices',
  NOT_PAYABLE: 'Not payable',
  DENIED: 'Denied',
};

/** A line as typed: modifiers stay text until the claim is checked. */
interface Row {
  code: string;
  mods: string;
  units: number;
}
const toRow = (l: DraftLine): Row => ({ code: l.code, mods: l.modifiers.join(', '), units: l.units });
const EMPTY: Row = { code: '', mods: '', units: 1 };

const today = () => new Date(Date.now() - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 10);

/**
 * /claim — the claim checker: lines (code, modifiers, units) for one patient, provider and date,
 * priced after every adjustment, with the NCCI findings and the fix for each. The claim lives in
 * the URL, so a checked claim can be shared.
 */
export function ClaimPage() {
  const [params, setParams] = useSearchParams();
  const submitted = readLines(params.get('lines'));
  const dateOfService = /^\d{4}-\d{2}-\d{2}$/.test(params.get('dos') ?? '') ? (params.get('dos') as string) : today();
  const placeOfService = /^\d{2}$/.test(params.get('pos') ?? '') ? (params.get('pos') as string) : '11';
  const zip = /^\d{5}$/.test(params.get('zip') ?? '') ? (params.get('zip') as string) : '';

  const [draft, setDraft] = useState<Row[]>(submitted.length ? submitted.map(toRow) : [EMPTY]);
  const [pasted, setPasted] = useState('');
  const [form, setForm] = useState({ dateOfService, placeOfService, zip });
  useEffect(() => {
    document.title = 'Claim checker | DenialMap';
  }, []);

  const { data, loading, error } = useQuery(CheckClaimQuery, {
    skip: submitted.length === 0,
    variables: { input: { dateOfService, placeOfService, ...(zip ? { zip } : {}), lines: submitted } },
  });
  const problem = error ? describeError(error) : null;
  const result = problem ? undefined : data?.checkClaim;

  const setLine = (i: number, change: Partial<Row>) => setDraft(draft.map((l, k) => (k === i ? { ...l, ...change } : l)));
  const check = (e: FormEvent) => {
    e.preventDefault();
    const lines: DraftLine[] = draft
      .filter((l) => l.code.trim() !== '')
      .map((l) => ({ code: l.code.trim().toUpperCase(), modifiers: l.mods.toUpperCase().split(/[\s,;]+/).filter(Boolean).slice(0, 4), units: l.units }));
    const next = new URLSearchParams();
    next.set('dos', form.dateOfService);
    if (form.placeOfService !== '11') next.set('pos', form.placeOfService);
    if (form.zip) next.set('zip', form.zip);
    next.set('lines', writeLines(lines));
    setParams(next);
  };

  return (
    <article className="claim-page">
      <h1>Claim checker</h1>
      <p className="lede">
        Enter the lines of one claim (one patient, one provider, one date of service). DenialMap prices each line under Medicare&apos;s rules and shows
        the edits that would deny it, with the fix.
      </p>
      <form className="claim-form" onSubmit={check} aria-label="Claim">
        <div className="calculator-form">
          <div className="field">
            <label htmlFor="claim-dos">Date of service</label>
            <input id="claim-dos" type="date" value={form.dateOfService} onChange={(e) => setForm({ ...form, dateOfService: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor="claim-pos">Place of service</label>
            <select id="claim-pos" value={form.placeOfService} onChange={(e) => setForm({ ...form, placeOfService: e.target.value })}>
              {PLACES_OF_SERVICE.map((p) => (
                <option key={p.code} value={p.code}>
                  {p.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="claim-zip">ZIP code (blank for national)</label>
            <input
              id="claim-zip"
              inputMode="numeric"
              maxLength={5}
              value={form.zip}
              onChange={(e) => setForm({ ...form, zip: e.target.value.replace(/\D/g, '').slice(0, 5) })}
            />
          </div>
        </div>

        <table className="claim-lines">
          <caption>Claim lines</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Code</th>
              <th scope="col">Modifiers</th>
              <th scope="col">Units</th>
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {draft.map((line, i) => (
              <tr key={i}>
                <td>{i + 1}</td>
                <td>
                  <input aria-label={`Line ${i + 1} code`} value={line.code} maxLength={5} onChange={(e) => setLine(i, { code: e.target.value.toUpperCase() })} />
                </td>
                <td>
                  <input aria-label={`Line ${i + 1} modifiers`} value={line.mods} onChange={(e) => setLine(i, { mods: e.target.value })} />
                </td>
                <td>
                  <input
                    aria-label={`Line ${i + 1} units`}
                    type="number"
                    min={1}
                    max={999}
                    value={line.units}
                    onChange={(e) => setLine(i, { units: Math.min(999, Math.max(1, Number(e.target.value) || 1)) })}
                  />
                </td>
                <td>
                  <button type="button" className="link-button" onClick={() => setDraft(draft.filter((_, k) => k !== i))} disabled={draft.length === 1}>
                    Remove<span className="visually-hidden"> line {i + 1}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="claim-actions">
          <button type="button" onClick={() => setDraft([...draft, EMPTY])} disabled={draft.length >= 50}>
            Add line
          </button>
          <button type="submit" className="primary-button">
            Check claim
          </button>
        </div>
        <details className="paste">
          <summary>Paste a list of codes</summary>
          <label htmlFor="claim-paste">Codes, e.g. &quot;70390-26, 76000 x2, 99213-25&quot;</label>
          <textarea id="claim-paste" rows={3} value={pasted} onChange={(e) => setPasted(e.target.value)} />
          <button
            type="button"
            onClick={() => {
              const lines = parsePastedCodes(pasted);
              if (lines.length) setDraft(lines.map(toRow));
            }}
          >
            Use these lines
          </button>
        </details>
      </form>

      {problem && <ErrorPanel title="This claim cannot be checked">{problem.field ? `${problem.message} (${problem.field})` : problem.message}</ErrorPanel>}
      {loading && <LoadingPanel label="Checking the claim…" />}
      {result && (
        <section className="claim-result" aria-label="Result" aria-live="polite">
          <h2>
            Expected Medicare allowed total: <span data-testid="claim-total">{formatDollars(result.total)}</span>
          </h2>
          <p className="fine-print">
            {result.locality ? `${result.locality.name} (${result.locality.id})` : 'National'} · {result.settingBasis} · {result.release.label}, CF $
            {result.release.conversionFactor}
          </p>
          <div className="table-scroll">
            <table className="claim-lines-result">
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">Code</th>
                  <th scope="col">Units</th>
                  <th scope="col">Result</th>
                  <th scope="col">Amount</th>
                </tr>
              </thead>
              <tbody>
                {result.lines.map((l) => (
                  <tr key={l.line} data-testid={`claim-line-${l.line}`} className={`line-${l.pricing.toLowerCase()}`}>
                    <td>{l.line}</td>
                    <td>
                      <Link to={`/codes/${l.code}?dos=${result.dateOfService}`}>{l.code}</Link>
                      {l.modifiers.length > 0 && `-${l.modifiers.join('-')}`}
                    </td>
                    <td>{l.units}</td>
                    <td>
                      <strong>{STATUS_WORDS[l.pricing]}</strong>
                      {l.reason && <span className="line-reason"> {l.reason}</span>}
                    </td>
                    <td className="num">{l.amount ? formatDollars(l.amount) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h2>Findings</h2>
          {result.findings.length === 0 ? (
            <p>No edits apply to these lines.</p>
          ) : (
            <FindingsList findings={result.findings} showLines testId="claim-findings" />
          )}
          {result.notes.map((n) => (
            <p key={n} className="fine-print">
              {n}
            </p>
          ))}
        </section>
      )}
    </article>
  );
}
