import { useMutation, useQuery } from '@apollo/client/react';
import { FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import type { FieldProblem } from '@denialmap/shared/denial-reports';
import { describeError, ReportVocabularyQuery, SubmitDenialReportMutation } from '@denialmap/web/data-access';
import { ErrorPanel } from '@denialmap/web/ui';
import { ClaimFields } from './ClaimFields';
import { DenialFields } from './DenialFields';
import { NarrativeField } from './NarrativeField';
import { checkReport, fieldOf, problemsByField, toReportInput } from './report-form-input';
import { applyChange, emptyReportForm, ReportFormState } from './report-form-state';
import { ProblemLinks, ReportReceipt, ReportRefusal } from './ReportResult';
import { ResolutionFields } from './ResolutionFields';
import { usePatientInformationScan } from './usePatientInformationScan';

/**
 * "Report a denial": every field of a denial report, checked in the browser with the server's own
 * rules before sending; then the receipt, or the refusal with each problem beside its field.
 * "Report another denial" starts a fresh round: new state, new mutation, focus on the heading.
 */
export function ReportForm({ code }: { code: string }) {
  const [round, setRound] = useState(0);
  return <ReportFormRound key={round} code={code} onAnother={() => setRound((r) => r + 1)} />;
}

function ReportFormRound({ code, onAnother }: { code: string; onAnother: () => void }) {
  const [form, setForm] = useState(() => emptyReportForm(code, new Date()));
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [sentNarrative, setSentNarrative] = useState('');
  const summary = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const scan = usePatientInformationScan(form.narrative);
  const vocabulary = useQuery(ReportVocabularyQuery);
  const [send, { data, loading, error, reset }] = useMutation(SubmitDenialReportMutation);
  const answer = data?.submitDenialReport;

  const modifierNames = useMemo(() => (vocabulary.data ? new Map(vocabulary.data.modifiers.map((m) => [m.modifier, m.description])) : null), [vocabulary.data]);
  const groupCodeNames = useMemo(() => (vocabulary.data ? new Map(vocabulary.data.groupCodes.map((g) => [g.code, g.description])) : null), [vocabulary.data]);

  // The form opens on request (or for another report): take the reader to it.
  useEffect(() => heading.current?.focus(), []);

  const update = (change: Partial<ReportFormState>) => {
    setForm((current) => applyChange(current, change));
    setProblems((current) => current.filter((p) => !(fieldOf(p.field) in change)));
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    reset();
    const found = checkReport(form, new Date());
    if (scan.findings.length > 0) found.push({ field: 'narrative', message: 'Remove the highlighted patient information before sending.' });
    setProblems(found);
    if (found.length > 0) {
      summary.current?.focus();
      return;
    }
    const input = toReportInput(form);
    setSentNarrative(input.narrative ?? '');
    const result = await send({ variables: { input } }).catch(() => null);
    const refusal = result?.data?.submitDenialReport;
    if (refusal?.__typename === 'DenialReportRefusal') setProblems(refusal.fieldErrors);
  }

  if (answer?.__typename === 'DenialReportReceipt') {
    return <ReportReceipt receipt={answer} onAnother={onAnother} />;
  }

  const byField = problemsByField(problems);
  const clientProblems = answer?.__typename === 'DenialReportRefusal' ? [] : problems;
  return (
    <form id="report-form" className="report-form" onSubmit={submit} noValidate aria-labelledby="report-form-heading">
      <h3 id="report-form-heading" ref={heading} tabIndex={-1}>Report a denial of {code}</h3>
      <p className="fine-print">
        Anonymous: no account, no names. Only the year and quarter of service are kept, and the story is checked for patient
        information before anything is stored.
      </p>
      <div ref={summary} tabIndex={-1} className="problem-summary">
        {clientProblems.length > 0 && (
          <div className="panel panel-error" role="alert" data-testid="report-problems">
            <strong>Check {clientProblems.length === 1 ? 'this field' : `these ${clientProblems.length} fields`} before sending:</strong>
            <ProblemLinks problems={clientProblems} />
          </div>
        )}
      </div>
      <div className="report-groups">
        <ClaimFields form={form} update={update} problems={byField} modifierNames={modifierNames} />
        <DenialFields form={form} update={update} problems={byField} groupCodeNames={groupCodeNames} />
        <ResolutionFields form={form} update={update} problems={byField} />
      </div>
      <NarrativeField value={form.narrative} onChange={(narrative) => update({ narrative })} scan={scan} problems={byField['narrative']} />
      <div className="visually-hidden" aria-hidden="true">
        <label htmlFor="report-website">Website</label>
        <input id="report-website" name="website" tabIndex={-1} autoComplete="off" value={form.website} onChange={(e) => update({ website: e.target.value })} />
      </div>
      {vocabulary.error && <p className="fine-print">Modifier and group code descriptions could not be loaded ({describeError(vocabulary.error).message}); the codes still work.</p>}
      {answer?.__typename === 'DenialReportRefusal' && <ReportRefusal refusal={answer} narrative={sentNarrative} openProblems={problems} />}
      {error && <ErrorPanel title="The report was not sent">{describeError(error).message}</ErrorPanel>}
      <div className="report-actions">
        <button type="submit" disabled={loading}>
          {loading ? 'Sending…' : 'Send report'}
        </button>
        <span className="fine-print" aria-live="polite">
          {loading ? 'Sending the report…' : scan.checking ? 'Checking the story for patient information…' : ''}
        </span>
      </div>
    </form>
  );
}
