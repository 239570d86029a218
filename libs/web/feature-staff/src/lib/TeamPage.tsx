import { useMutation, useQuery } from '@apollo/client/react';
import { FormEvent, useEffect, useRef, useState } from 'react';
import { DisableStaffMutation, EnableStaffMutation, InviteStaffMutation, StaffAccountFieldsFragment, StaffAccountsQuery, StaffRole } from '@denialmap/web/data-access';
import { LoadingPanel } from '@denialmap/web/ui';
import { ConfirmDialog } from './ConfirmDialog';
import { CopyField } from './CopyField';
import { ProblemPanel } from './ProblemPanel';
import { useStaff } from './staff-context';
import { fieldProblem, problemWords, StaffProblem, staffProblem } from './staff-error';
import { STAFF_ROLES, STAFF_STATUSES, when } from './words';

/** /staff/team (admins): every staff account, invitations, and disabling or re-enabling an account. */
export function TeamPage() {
  const me = useStaff();
  const { data, error, refetch } = useQuery(StaffAccountsQuery, { fetchPolicy: 'cache-and-network' });
  const [target, setTarget] = useState<{ account: StaffAccountFieldsFragment; enable: boolean } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  useEffect(() => {
    document.title = 'Team | DenialMap staff';
  }, []);

  return (
    <section aria-labelledby="team-heading">
      <h1 id="team-heading">Team</h1>
      <InviteForm />
      <h2>Staff accounts</h2>
      {done && (
        <p className="panel panel-ok" role="status">
          {done}
        </p>
      )}
      {error && !data && <ProblemPanel title="The staff accounts could not be loaded" error={error} onRetry={() => void refetch().catch(() => undefined)} />}
      {!data && !error && <LoadingPanel label="Loading the staff accounts…" />}
      {data && (
        <div className="table-scroll">
          <table className="staff-table" data-testid="staff-table">
            <caption className="visually-hidden">Staff accounts</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
                <th scope="col">Last sign-in</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.staffAccounts.map((account) => (
                <tr key={account.id} data-testid="staff-row">
                  <th scope="row" data-label="Name">
                    {account.displayName}
                    {account.id === me.id && <span className="fine-print"> (you)</span>}
                  </th>
                  <td data-label="Email" className="wrap-anywhere">
                    {account.email}
                  </td>
                  <td data-label="Role">{STAFF_ROLES[account.role]}</td>
                  <td data-label="Status">
                    {STAFF_STATUSES[account.status] ?? account.status}
                    {account.disabledAt && <span className="fine-print"> since {when(account.disabledAt)}</span>}
                  </td>
                  <td data-label="Last sign-in">{when(account.lastLoginAt)}</td>
                  <td data-label="Actions">
                    {account.status === 'ACTIVE' && account.id !== me.id && (
                      <button type="button" className="button-quiet" onClick={() => setTarget({ account, enable: false })}>
                        Disable<span className="visually-hidden"> {account.displayName}</span>…
                      </button>
                    )}
                    {account.status === 'DISABLED' && (
                      <button type="button" className="button-quiet" onClick={() => setTarget({ account, enable: true })}>
                        Enable<span className="visually-hidden"> {account.displayName}</span>…
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {target && (
        <AccountSwitch
          key={`${target.account.id}-${target.enable}`}
          account={target.account}
          enable={target.enable}
          onClose={(message) => {
            setTarget(null);
            if (message) setDone(message);
          }}
        />
      )}
    </section>
  );
}

function InviteForm() {
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<StaffRole>('MODERATOR');
  const [problem, setProblem] = useState<StaffProblem | null>(null);
  const [invitation, setInvitation] = useState<{ link: string; expiresAt: string; name: string; email: string } | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const [invite, { loading }] = useMutation(InviteStaffMutation, { refetchQueries: ['StaffAccounts'], awaitRefetchQueries: true });
  useEffect(() => {
    if (invitation) resultRef.current?.focus();
  }, [invitation]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    setInvitation(null);
    try {
      const { data } = await invite({ variables: { email: email.trim(), displayName: displayName.trim(), role } });
      if (data) {
        const { invitationPath, expiresAt, staff } = data.inviteStaff;
        // Shown this once: the link lives only in this component's state, never in the cache or the URL.
        setInvitation({ link: `${window.location.origin}${invitationPath}`, expiresAt, name: staff.displayName, email: staff.email });
        setEmail('');
        setDisplayName('');
        setRole('MODERATOR');
      }
    } catch (error) {
      setProblem(staffProblem(error));
    }
  };
  const emailProblem = fieldProblem(problem, 'email');
  const nameProblem = fieldProblem(problem, 'displayName');
  const otherProblem = problem && !emailProblem && !nameProblem ? problem : null;

  return (
    <section className="staff-card" aria-labelledby="invite-heading">
      <h2 id="invite-heading">Invite someone</h2>
      {invitation && (
        <div className="panel panel-ok invitation" ref={resultRef} tabIndex={-1} data-testid="invitation">
          <p>
            <strong>
              Invitation for {invitation.name} ({invitation.email}) created.
            </strong>{' '}
            Send them this link yourself (DenialMap sends no email). It is shown <strong>only this once</strong> and works until{' '}
            <span data-testid="invitation-expires">{when(invitation.expiresAt)}</span>.
          </p>
          <CopyField id="invitation-link" label="Invitation link" value={invitation.link} testId="invitation-link" />
        </div>
      )}
      <form className="staff-form staff-form-grid" onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor="invite-email">Email</label>
          <input
            id="invite-email"
            type="email"
            autoComplete="off"
            required
            value={email}
            aria-invalid={emailProblem ? true : undefined}
            aria-describedby={emailProblem ? 'invite-email-problem' : undefined}
            onChange={(e) => setEmail(e.target.value)}
          />
          {emailProblem && (
            <p id="invite-email-problem" className="field-problem">
              {emailProblem}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor="invite-name">Display name</label>
          <input
            id="invite-name"
            autoComplete="off"
            required
            maxLength={80}
            value={displayName}
            aria-invalid={nameProblem ? true : undefined}
            aria-describedby={nameProblem ? 'invite-name-problem' : undefined}
            onChange={(e) => setDisplayName(e.target.value)}
          />
          {nameProblem && (
            <p id="invite-name-problem" className="field-problem">
              {nameProblem}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor="invite-role">Role</label>
          <select id="invite-role" value={role} aria-describedby="invite-role-help" onChange={(e) => setRole(e.target.value === 'ADMIN' ? 'ADMIN' : 'MODERATOR')}>
            <option value="MODERATOR">Moderator</option>
            <option value="ADMIN">Admin</option>
          </select>
          <p id="invite-role-help" className="field-help">
            {role === 'ADMIN' ? 'Works the queue, invites and disables staff, reads the audit log.' : 'Works the moderation queue.'}
          </p>
        </div>
        <div className="field field-submit">
          <button type="submit" disabled={loading}>
            {loading ? 'Inviting…' : 'Create invitation'}
          </button>
        </div>
      </form>
      {otherProblem && <p className="field-problem" role="alert">The invitation was not created: {problemWords(otherProblem)}</p>}
    </section>
  );
}

function AccountSwitch({ account, enable, onClose }: { account: StaffAccountFieldsFragment; enable: boolean; onClose: (message: string | null) => void }) {
  const [reason, setReason] = useState('');
  const [check, setCheck] = useState<string | null>(null);
  const [problem, setProblem] = useState<StaffProblem | null>(null);
  const [disable, disabling] = useMutation(DisableStaffMutation);
  const [enableStaff, enabling] = useMutation(EnableStaffMutation);
  const confirm = async () => {
    setProblem(null);
    if (!enable && reason.trim().length < 3) {
      setCheck('Say why (at least 3 characters); it goes in the audit log.');
      document.getElementById('disable-reason')?.focus();
      return;
    }
    try {
      if (enable) await enableStaff({ variables: { accountId: account.id } });
      else await disable({ variables: { accountId: account.id, reason: reason.trim() } });
      onClose(enable ? `${account.displayName} can sign in again.` : `${account.displayName} is disabled: their sessions and API tokens were ended.`);
    } catch (error) {
      setProblem(staffProblem(error));
    }
  };
  const reasonProblem = check ?? fieldProblem(problem, 'reason');
  return (
    <ConfirmDialog
      open
      title={enable ? `Enable ${account.displayName}?` : `Disable ${account.displayName}?`}
      confirmLabel={enable ? 'Yes, enable' : 'Yes, disable'}
      busyLabel={enable ? 'Enabling…' : 'Disabling…'}
      busy={disabling.loading || enabling.loading}
      danger={!enable}
      problem={problem && !fieldProblem(problem, 'reason') ? problemWords(problem) : null}
      onConfirm={() => void confirm()}
      onCancel={() => onClose(null)}
    >
      {enable ? (
        <p>
          {account.displayName} ({account.email}) will be able to sign in again as a {STAFF_ROLES[account.role].toLowerCase()}.
        </p>
      ) : (
        <>
          <p>
            {account.displayName} ({account.email}) will be signed out everywhere at once, and their API tokens stop working.
          </p>
          <div className="field">
            <label htmlFor="disable-reason">Reason (kept in the audit log)</label>
            <textarea
              id="disable-reason"
              rows={2}
              required
              maxLength={500}
              value={reason}
              aria-invalid={reasonProblem ? true : undefined}
              aria-describedby={reasonProblem ? 'disable-reason-problem' : undefined}
              onChange={(e) => setReason(e.target.value)}
            />
            {reasonProblem && (
              <p id="disable-reason-problem" className="field-problem">
                {reasonProblem}
              </p>
            )}
          </div>
        </>
      )}
    </ConfirmDialog>
  );
}
