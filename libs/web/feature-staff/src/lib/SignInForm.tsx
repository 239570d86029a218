import { useMutation } from '@apollo/client/react';
import { FormEvent, useEffect, useRef, useState } from 'react';
import { MeQuery, SignInMutation } from '@denialmap/web/data-access';
import { ErrorPanel } from '@denialmap/web/ui';
import { problemWords, StaffProblem, staffProblem } from './staff-error';

/** /staff signed out: email and password. The session comes back as an httpOnly cookie. */
export function SignInForm() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<StaffProblem | null>(null);
  const problemRef = useRef<HTMLDivElement>(null);
  const [signIn, { loading }] = useMutation(SignInMutation, {
    update(cache, { data }) {
      if (data) cache.writeQuery({ query: MeQuery, data: { me: data.signIn.staff } });
    },
  });
  useEffect(() => {
    document.title = 'Staff sign-in | DenialMap';
  }, []);
  useEffect(() => {
    if (problem) problemRef.current?.focus();
  }, [problem]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    try {
      await signIn({ variables: { email: email.trim(), password } });
    } catch (error) {
      setProblem(staffProblem(error));
      setPassword('');
    }
  };

  return (
    <section className="staff-signin" aria-labelledby="staff-signin-heading">
      <h1 id="staff-signin-heading">Staff sign-in</h1>
      <p className="lede-small">For DenialMap&apos;s moderators and admins. Billers do not need an account to read or send reports.</p>
      <form className="staff-form" onSubmit={(e) => void submit(e)} aria-describedby={problem ? 'staff-signin-problem' : undefined}>
        <div className="field">
          <label htmlFor="staff-email">Email</label>
          <input id="staff-email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="staff-password">Password</label>
          <input id="staff-password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </div>
        {problem && (
          <div id="staff-signin-problem" ref={problemRef} tabIndex={-1} data-testid="signin-problem">
            <ErrorPanel title={problem.code === 'RATE_LIMITED' ? 'Sign-in is paused' : 'You are not signed in'}>{problemWords(problem)}</ErrorPanel>
          </div>
        )}
        <div className="staff-actions">
          <button type="submit" disabled={loading}>
            {loading ? 'Signing in…' : 'Sign in'}
          </button>
        </div>
      </form>
      <p className="fine-print">Invited? Open the link from your invitation to choose a password first.</p>
    </section>
  );
}
