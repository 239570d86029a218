import { useMutation } from '@apollo/client/react';
import { FormEvent, useEffect, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { AcceptStaffInvitationMutation, MeQuery } from '@denialmap/web/data-access';
import { ErrorPanel } from '@denialmap/web/ui';
import { fieldProblem, problemWords, StaffProblem, staffProblem } from './staff-error';
import { invitationTokenFrom } from './words';

const MIN_LENGTH = 12;

/** /staff/invitation#token=...: an invited moderator or admin chooses a password and is signed in. */
export function AcceptInvitationPage() {
  const location = useLocation();
  const navigate = useNavigate();
  const token = invitationTokenFrom(location.hash);
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [checks, setChecks] = useState<{ password?: string; again?: string }>({});
  const [problem, setProblem] = useState<StaffProblem | null>(null);
  const [accept, { loading }] = useMutation(AcceptStaffInvitationMutation, {
    update(cache, { data }) {
      if (data) cache.writeQuery({ query: MeQuery, data: { me: data.acceptStaffInvitation.staff } });
    },
  });
  useEffect(() => {
    document.title = 'Accept your invitation | DenialMap';
  }, []);

  if (!token) {
    return (
      <ErrorPanel title="This invitation link is incomplete">
        Open the whole link from your invitation (it ends with <code>#token=</code> and a long code), or ask an admin for a new one.{' '}
        <Link to="/staff">Staff sign-in</Link>
      </ErrorPanel>
    );
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    const found: typeof checks = {};
    if (password.length < MIN_LENGTH) found.password = `Use at least ${MIN_LENGTH} characters.`;
    if (again !== password) found.again = 'The two passwords differ.';
    setChecks(found);
    if (found.password || found.again) {
      document.getElementById(found.password ? 'invite-password' : 'invite-again')?.focus();
      return;
    }
    try {
      await accept({ variables: { token, password } });
      navigate('/staff', { replace: true });
    } catch (error) {
      const p = staffProblem(error);
      setProblem(p);
      if (p.field === 'password') document.getElementById('invite-password')?.focus();
    }
  };

  const passwordProblem = checks.password ?? fieldProblem(problem, 'password');
  const generalProblem = problem && !fieldProblem(problem, 'password') ? problem : null;

  return (
    <section className="staff-signin" aria-labelledby="invite-heading">
      <h1 id="invite-heading">Welcome to the DenialMap staff</h1>
      <p className="lede-small">Choose the password you will sign in with. Use at least {MIN_LENGTH} characters; a few unrelated words work well.</p>
      <form className="staff-form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label htmlFor="invite-password">New password</label>
          <input
            id="invite-password"
            type="password"
            autoComplete="new-password"
            minLength={MIN_LENGTH}
            required
            value={password}
            aria-invalid={passwordProblem ? true : undefined}
            aria-describedby={passwordProblem ? 'invite-password-problem' : undefined}
            onChange={(e) => setPassword(e.target.value)}
          />
          {passwordProblem && (
            <p id="invite-password-problem" className="field-problem">
              {passwordProblem}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor="invite-again">The same password again</label>
          <input
            id="invite-again"
            type="password"
            autoComplete="new-password"
            required
            value={again}
            aria-invalid={checks.again ? true : undefined}
            aria-describedby={checks.again ? 'invite-again-problem' : undefined}
            onChange={(e) => setAgain(e.target.value)}
          />
          {checks.again && (
            <p id="invite-again-problem" className="field-problem">
              {checks.again}
            </p>
          )}
        </div>
        {generalProblem && <ErrorPanel title="The invitation was not accepted">{problemWords(generalProblem)}</ErrorPanel>}
        <div className="staff-actions">
          <button type="submit" disabled={loading}>
            {loading ? 'Setting your password…' : 'Set password and sign in'}
          </button>
        </div>
      </form>
    </section>
  );
}
