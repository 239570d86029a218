import { useMutation } from '@apollo/client/react';
import { useId, useState } from 'react';
import { FLAG_REASONS, FlagReason } from '@denialmap/shared/denial-reports';
import { describeError, FlagReportMutation } from '@denialmap/web/data-access';

/** "Flag" on one story: pick why, send, and read what happens next in the API's words. */
export function FlagStory({ reportId }: { reportId: string }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  // No default: a patient-information flag hides the story at once, so it must be chosen on purpose.
  const [reason, setReason] = useState<FlagReason | ''>('');
  const [flag, { data, loading, error }] = useMutation(FlagReportMutation);
  const result = data?.flagReport;

  return (
    <div className="flag-story">
      {!result && (
        <button type="button" className="link-button" aria-expanded={open} aria-controls={`${id}-form`} onClick={() => setOpen(!open)}>
          Flag
        </button>
      )}
      {open && !result && (
        <form
          id={`${id}-form`}
          className="flag-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (reason) flag({ variables: { reportId, reason } }).catch(() => undefined);
          }}
        >
          <label htmlFor={`${id}-reason`}>Why should a moderator look at it?</label>
          <select id={`${id}-reason`} value={reason} required onChange={(e) => setReason(e.target.value as FlagReason)}>
            <option value="" disabled>
              Choose a reason
            </option>
            {Object.entries(FLAG_REASONS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
          <button type="submit" disabled={loading || !reason}>
            {loading ? 'Sending…' : 'Send flag'}
          </button>
        </form>
      )}
      <p role="status" className={result?.status === 'RATE_LIMITED' || error ? 'field-problem' : 'fine-print'}>
        {result?.message ?? (error ? `The flag was not sent: ${describeError(error).message}` : '')}
      </p>
    </div>
  );
}
