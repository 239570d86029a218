import { NARRATIVE_MAX_LENGTH } from '@denialmap/shared/denial-reports';
import { describeError, PhiFindingFieldsFragment } from '@denialmap/web/data-access';
import { fieldId, FormField } from './FormField';
import { highlightSegments } from './highlight-spans';
import type { PatientInformationScan } from './usePatientInformationScan';

/** The highlighted story: <mark> over exactly the words the guard named, then what to do about each. */
export function PatientInformationWarning({ text, findings, testId }: { text: string; findings: readonly PhiFindingFieldsFragment[]; testId: string }) {
  return (
    <div className="phi-warning" data-testid={testId}>
      <p>
        <strong>This looks like patient information.</strong> Remove the highlighted words; reports must not identify a patient.
      </p>
      <p className="phi-preview" data-testid={`${testId}-highlight`}>
        {highlightSegments(text, findings).map((segment, i) =>
          segment.finding === null ? (
            <span key={i}>{segment.text}</span>
          ) : (
            <mark key={i} className="phi-mark">
              {segment.text}
            </mark>
          ),
        )}
      </p>
      <ul className="phi-findings">
        {findings.map((f, i) => (
          <li key={i}>
            <q>{f.text}</q>: {f.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

interface NarrativeFieldProps {
  value: string;
  onChange: (value: string) => void;
  scan: PatientInformationScan;
  problems?: readonly string[];
}

/** The optional story, with a character count and live patient-information warnings while typing. */
export function NarrativeField({ value, onChange, scan, problems }: NarrativeFieldProps) {
  const length = value.trim().length;
  const scanId = `${fieldId('narrative')}-scan`;
  return (
    <div className="narrative">
      <FormField
        field="narrative"
        optional
        problems={problems}
        hint={
          <>
            <span>
              No names, dates of birth, member or claim numbers, addresses or phone numbers: the story is published as written.{' '}
            </span>
            <span className={length > NARRATIVE_MAX_LENGTH ? 'over-limit' : ''}>
              {length} of {NARRATIVE_MAX_LENGTH} characters.
            </span>
          </>
        }
      >
        {({ id, describedBy, invalid }) => (
          <textarea
            id={id}
            rows={5}
            value={value}
            aria-describedby={[describedBy, scanId].filter(Boolean).join(' ')}
            aria-invalid={invalid || scan.findings.length > 0}
            onChange={(e) => onChange(e.target.value)}
          />
        )}
      </FormField>
      <div id={scanId} aria-live="polite" className="phi-live">
        {scan.findings.length > 0 && <PatientInformationWarning text={scan.text} findings={scan.findings} testId="phi-warning" />}
        {scan.findings.length === 0 && scan.text !== '' && !scan.checking && !scan.problem && (
          <p className="fine-print" data-testid="phi-clean">
            No patient information found.
          </p>
        )}
        {scan.problem !== null && <p className="fine-print">The story could not be checked as you type ({describeError(scan.problem).message}); it is checked again when sent.</p>}
      </div>
    </div>
  );
}
