import { useEffect, useRef } from 'react';
import type { SubmitDenialReportResult } from '@denialmap/web/data-access';
import { FIELD_LABELS } from './field-labels';
import { fieldId } from './FormField';
import { PatientInformationWarning } from './NarrativeField';
import { fieldOf, formatWait } from './report-form-input';
import type { ReportFormState } from './report-form-state';

type Answer = SubmitDenialReportResult['submitDenialReport'];
type Receipt = Extract<Answer, { __typename: 'DenialReportReceipt' }>;
type Refusal = Extract<Answer, { __typename: 'DenialReportRefusal' }>;

const REFUSAL_TITLES: Record<Refusal['reason'], string> = {
  INVALID_INPUT: 'Some fields need a fix',
  PATIENT_INFORMATION: 'The story looks like it contains patient information',
  RATE_LIMITED: 'Not sent: too many reports',
  DUPLICATE: 'Already received',
  AUTOMATED_SUBMISSION: 'Not accepted',
  SUBMITTER_BLOCKED: 'Not sent: reports from this connection are paused',
};

/** The receipt, in words and with its id; focus moves to it so a screen reader hears it at once. */
export function ReportReceipt({ receipt, onAnother }: { receipt: Receipt; onAnother: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="panel panel-ok" data-testid="report-receipt">
      <h3 ref={heading} tabIndex={-1}>
        {receipt.status === 'PUBLISHED' ? 'Report received and published' : 'Report received: held for a moderator'}
      </h3>
      <p>{receipt.message}</p>
      <dl className="receipt-facts">
        <dt>Status</dt>
        <dd data-testid="receipt-status">{receipt.status === 'PUBLISHED' ? 'Published' : 'Held for review'}</dd>
        <dt>Report id</dt>
        <dd>
          <code data-testid="receipt-id">{receipt.reportId}</code>
        </dd>
        <dt>Code</dt>
        <dd>{receipt.code}</dd>
        <dt>Service quarter kept</dt>
        <dd data-testid="receipt-quarter">{receipt.serviceQuarter}</dd>
      </dl>
      <button type="button" className="secondary" onClick={onAnother}>
        Report another denial
      </button>
    </div>
  );
}

/** Each problem linked to its field, so keyboard and screen-reader users can jump there. */
export function ProblemLinks({ problems }: { problems: readonly { field: string; message: string }[] }) {
  if (problems.length === 0) return null;
  return (
    <ul className="problem-links">
      {problems.map((p) => {
        const field = fieldOf(p.field) as keyof ReportFormState;
        return (
          <li key={`${p.field}${p.message}`}>
            <a href={`#${fieldId(field)}`}>{FIELD_LABELS[field] ?? p.field}</a>: {p.message}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * Why nothing was stored: the API's message, each field problem linked to its field, and any
 * findings. `openProblems` are the field problems not yet edited: once all are, the panel goes.
 */
export function ReportRefusal({ refusal, narrative, openProblems }: { refusal: Refusal; narrative: string; openProblems: readonly { field: string; message: string }[] }) {
  if (refusal.reason === 'INVALID_INPUT' && openProblems.length === 0) return null;
  const findings = refusal.patientInformation.filter((p) => p.field === 'narrative').map((p) => p.finding);
  return (
    <div className="panel panel-error" role="alert" data-testid="report-refusal">
      <strong>{REFUSAL_TITLES[refusal.reason]}</strong>
      <p>{refusal.message}</p>
      {refusal.retryAfterSeconds !== null && refusal.reason === 'RATE_LIMITED' && <p>You can send again in {formatWait(refusal.retryAfterSeconds)}.</p>}
      <ProblemLinks problems={openProblems} />
      {findings.length > 0 && <PatientInformationWarning text={narrative} findings={findings} testId="refusal-phi" />}
    </div>
  );
}
