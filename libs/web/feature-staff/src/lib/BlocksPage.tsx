import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { LiftSubmitterBlockMutation, SubmitterBlockFieldsFragment, SubmitterBlocksQuery } from '@denialmap/web/data-access';
import { LoadingPanel } from '@denialmap/web/ui';
import { ConfirmDialog } from './ConfirmDialog';
import { ProblemPanel } from './ProblemPanel';
import { fieldProblem, problemWords, StaffProblem, staffProblem } from './staff-error';
import { when } from './words';

/** /staff/blocks: anonymous submitters paused from sending reports, and lifting a pause early. */
export function BlocksPage() {
  const { data, error, refetch } = useQuery(SubmitterBlocksQuery, { fetchPolicy: 'cache-and-network' });
  const [lifting, setLifting] = useState<SubmitterBlockFieldsFragment | null>(null);
  const [done, setDone] = useState<string | null>(null);
  useEffect(() => {
    document.title = 'Paused submitters | DenialMap staff';
  }, []);
  return (
    <section aria-labelledby="blocks-heading">
      <h1 id="blocks-heading">Paused submitters</h1>
      <p className="lede-small">Anonymous submitters whose new reports are refused until the pause ends. Pause one from a report of theirs.</p>
      {done && (
        <p className="panel panel-ok" role="status">
          {done}
        </p>
      )}
      {error && !data && <ProblemPanel title="The pauses could not be loaded" error={error} onRetry={() => void refetch().catch(() => undefined)} />}
      {!data && !error && <LoadingPanel label="Loading the pauses…" />}
      {data && data.submitterBlocks.length === 0 && <p>No submitter is paused.</p>}
      {data && data.submitterBlocks.length > 0 && (
        <div className="table-scroll">
          <table className="staff-table" data-testid="blocks-table">
            <caption className="visually-hidden">Submitters paused now</caption>
            <thead>
              <tr>
                <th scope="col">Submitter</th>
                <th scope="col">Until</th>
                <th scope="col">Reason</th>
                <th scope="col">Since</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.submitterBlocks.map((b) => (
                <tr key={b.id}>
                  <th scope="row" data-label="Submitter">
                    <code>{b.submitterRef}</code>
                  </th>
                  <td data-label="Until">{when(b.blockedUntil)}</td>
                  <td data-label="Reason">{b.reason}</td>
                  <td data-label="Since">{when(b.createdAt)}</td>
                  <td data-label="Actions">
                    <button type="button" className="button-quiet" onClick={() => setLifting(b)}>
                      Lift<span className="visually-hidden"> the pause on {b.submitterRef}</span>…
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {lifting && (
        <LiftDialog
          key={lifting.id}
          block={lifting}
          onClose={(message) => {
            setLifting(null);
            if (message) setDone(message);
          }}
        />
      )}
    </section>
  );
}

function LiftDialog({ block, onClose }: { block: SubmitterBlockFieldsFragment; onClose: (message: string | null) => void }) {
  const [reason, setReason] = useState('');
  const [check, setCheck] = useState<string | null>(null);
  const [problem, setProblem] = useState<StaffProblem | null>(null);
  const [lift, { loading }] = useMutation(LiftSubmitterBlockMutation, { refetchQueries: ['SubmitterBlocks'], awaitRefetchQueries: true });
  const confirm = async () => {
    setProblem(null);
    if (reason.trim().length < 3) {
      setCheck('Say why (at least 3 characters); it goes in the audit log.');
      document.getElementById('lift-reason')?.focus();
      return;
    }
    try {
      await lift({ variables: { blockId: block.id, reason: reason.trim() } });
      onClose(`Submitter ${block.submitterRef} may send reports again.`);
    } catch (error) {
      setProblem(staffProblem(error));
    }
  };
  const reasonProblem = check ?? fieldProblem(problem, 'reason');
  return (
    <ConfirmDialog
      open
      title={`Lift the pause on ${block.submitterRef}?`}
      confirmLabel="Yes, lift it"
      busyLabel="Lifting…"
      busy={loading}
      problem={problem && !fieldProblem(problem, 'reason') ? problemWords(problem) : null}
      onConfirm={() => void confirm()}
      onCancel={() => onClose(null)}
    >
      <p>Their new reports are accepted again at once (it was to end {when(block.blockedUntil)}).</p>
      <div className="field">
        <label htmlFor="lift-reason">Reason (kept in the audit log)</label>
        <textarea
          id="lift-reason"
          rows={2}
          maxLength={500}
          value={reason}
          aria-invalid={reasonProblem ? true : undefined}
          aria-describedby={reasonProblem ? 'lift-reason-problem' : undefined}
          onChange={(e) => setReason(e.target.value)}
        />
        {reasonProblem && (
          <p id="lift-reason-problem" className="field-problem">
            {reasonProblem}
          </p>
        )}
      </div>
    </ConfirmDialog>
  );
}
