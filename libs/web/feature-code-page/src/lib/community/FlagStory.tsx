import { useMutation } from '@apollo/client/react';
import { useId, useState } from 'react';
import { describeError, FlagReason, FlagReportMutation } from '@denialmap/web/data-access';

const FLAG_REASONS: Record<FlagReason, string> = {
  PATIENT_INFORMATION: 'It contains patient information',
  INACCURATE: 'It is wrong or misleading',
  SPAM: 'Spam or advertising',
  OFFENSIVE: 'Offensive or abusive',
  OTHER: 'Something else',
};

/** "Flag" on one story: pick why, send, and read what happens next in the API's words. */
export function FlagStory({ reportId }: { reportId: string }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<FlagReason>('PATIENT_INFORMATION');
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
            flag({ variables: { reportId, reason } }).catch(() => undefined);
          }}
        >
          <label htmlFor={`${id}-reason`}>Why should a moderator look at it?</label>
          <select id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value as FlagReason)}>
            {Object.entries(FLAG_REASONS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
          <button type="submit" disabled={loading}>
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
