import { useMutation, useQuery } from '@apollo/client/react';
import { FormEvent, useEffect, useRef, useState } from 'react';
import { ApiTokenFieldsFragment, CreateApiTokenMutation, MyApiTokensQuery, MySessionsQuery, RevokeApiTokenMutation, RevokeMySessionMutation } from '@denialmap/web/data-access';
import { LoadingPanel } from '@denialmap/web/ui';
import { ConfirmDialog } from './ConfirmDialog';
import { CopyField } from './CopyField';
import { ProblemPanel } from './ProblemPanel';
import { useStaff } from './staff-context';
import { fieldProblem, problemWords, StaffProblem, staffProblem } from './staff-error';
import { STAFF_ROLES, when } from './words';

/** /staff/account: your sessions (end the others) and your API tokens for scripts. */
export function MyAccountPage() {
  const me = useStaff();
  useEffect(() => {
    document.title = 'My account | DenialMap staff';
  }, []);
  return (
    <section aria-labelledby="account-heading">
      <h1 id="account-heading">My account</h1>
      <p className="lede-small">
        {me.displayName}, {me.email}, {STAFF_ROLES[me.role].toLowerCase()} since {when(me.createdAt)}.
      </p>
      <Sessions />
      <ApiTokens />
    </section>
  );
}

function Sessions() {
  const { data, error, refetch } = useQuery(MySessionsQuery, { fetchPolicy: 'cache-and-network' });
  const [revoke, { loading }] = useMutation(RevokeMySessionMutation, { refetchQueries: ['MySessions'], awaitRefetchQueries: true });
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const end = async (id: string) => {
    setMessage(null);
    try {
      await revoke({ variables: { sessionId: id } });
      setMessage({ ok: true, text: 'That session has ended: the browser it was in is signed out.' });
    } catch (e) {
      setMessage({ ok: false, text: problemWords(staffProblem(e)) });
    }
  };
  return (
    <section className="staff-card" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">Where you are signed in</h2>
      {message && (
        <p className={message.ok ? 'panel panel-ok' : 'field-problem'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
      {error && !data && <ProblemPanel title="Your sessions could not be loaded" error={error} onRetry={() => void refetch().catch(() => undefined)} />}
      {!data && !error && <LoadingPanel label="Loading your sessions…" />}
      {data && (
        <div className="table-scroll">
          <table className="staff-table" data-testid="sessions-table">
            <caption className="visually-hidden">Your open sessions</caption>
            <thead>
              <tr>
                <th scope="col">Signed in</th>
                <th scope="col">Last used</th>
                <th scope="col">Ends at the latest</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.mySessions.map((s) => (
                <tr key={s.id}>
                  <td data-label="Signed in">{when(s.createdAt)}</td>
                  <td data-label="Last used">{when(s.lastSeenAt)}</td>
                  <td data-label="Ends at the latest">{when(s.expiresAt)}</td>
                  <td data-label="Actions">
                    {s.current ? (
                      <strong>This browser</strong>
                    ) : (
                      <button type="button" className="button-quiet" disabled={loading} onClick={() => void end(s.id)}>
                        End this session
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function ApiTokens() {
  const { data, error, refetch } = useQuery(MyApiTokensQuery, { fetchPolicy: 'cache-and-network' });
  const [name, setName] = useState('');
  const [days, setDays] = useState('');
  const [check, setCheck] = useState<{ name?: string; days?: string }>({});
  const [problem, setProblem] = useState<StaffProblem | null>(null);
  const [secret, setSecret] = useState<{ token: string; name: string; expiresAt: string | null } | null>(null);
  const [revoking, setRevoking] = useState<ApiTokenFieldsFragment | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const secretRef = useRef<HTMLDivElement>(null);
  const [create, creating] = useMutation(CreateApiTokenMutation, { refetchQueries: ['MyApiTokens'], awaitRefetchQueries: true });
  // The message says "revoked" only once the list below shows it too.
  const [revoke, revokingState] = useMutation(RevokeApiTokenMutation, { refetchQueries: ['MyApiTokens'], awaitRefetchQueries: true });
  const [revokeProblem, setRevokeProblem] = useState<string | null>(null);
  useEffect(() => {
    if (secret) secretRef.current?.focus();
  }, [secret]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    setMessage(null);
    const found: typeof check = {};
    const n = days.trim() === '' ? null : Number(days);
    if (!name.trim()) found.name = 'Name the token after what will use it, e.g. “nightly export”.';
    if (n !== null && (!Number.isInteger(n) || n < 1 || n > 365)) found.days = 'A token lasts 1 to 365 days; leave empty for no expiry.';
    setCheck(found);
    if (found.name || found.days) {
      document.getElementById(found.name ? 'token-name' : 'token-days')?.focus();
      return;
    }
    try {
      const { data: created } = await create({ variables: { name: name.trim(), expiresInDays: n } });
      if (created) {
        setSecret({ token: created.createApiToken.token, name: created.createApiToken.apiToken.name, expiresAt: created.createApiToken.apiToken.expiresAt ?? null });
        setName('');
        setDays('');
      }
    } catch (err) {
      setProblem(staffProblem(err));
    }
  };
  const confirmRevoke = async () => {
    if (!revoking) return;
    setRevokeProblem(null);
    try {
      await revoke({ variables: { tokenId: revoking.id } });
      setMessage(`The token “${revoking.name}” was revoked: scripts using it are refused from now on.`);
      setRevoking(null);
    } catch (err) {
      setRevokeProblem(problemWords(staffProblem(err)));
    }
  };
  const nameProblem = check.name ?? fieldProblem(problem, 'name');
  const daysProblem = check.days ?? fieldProblem(problem, 'expiresInDays');
  const otherProblem = problem && !fieldProblem(problem, 'name') && !fieldProblem(problem, 'expiresInDays') ? problem : null;

  return (
    <section className="staff-card" aria-labelledby="tokens-heading">
      <h2 id="tokens-heading">API tokens</h2>
      <p>
        For scripts: send <code>Authorization: Bearer …</code>. A token acts with your role until it expires or you revoke it.
      </p>
      {secret && (
        <div className="panel panel-notice secret" ref={secretRef} tabIndex={-1} data-testid="new-token">
          <p>
            <strong>Copy the token “{secret.name}” now: it is shown only this once.</strong> DenialMap keeps only a fingerprint of it, so no one can show it to you
            again. Keep it in a password manager or your script&apos;s secret store, never in code.{secret.expiresAt ? ` It expires ${when(secret.expiresAt)}.` : ''}
          </p>
          <CopyField id="new-token-secret" label="Token" value={secret.token} testId="new-token-secret" />
          <button type="button" className="button-quiet" onClick={() => setSecret(null)}>
            I have stored it; hide it
          </button>
        </div>
      )}
      {message && (
        <p className="panel panel-ok" role="status">
          {message}
        </p>
      )}
      <form className="staff-form staff-form-grid" onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label htmlFor="token-name">Name</label>
          <input
            id="token-name"
            maxLength={80}
            autoComplete="off"
            value={name}
            aria-invalid={nameProblem ? true : undefined}
            aria-describedby={nameProblem ? 'token-name-problem' : undefined}
            onChange={(e) => setName(e.target.value)}
          />
          {nameProblem && (
            <p id="token-name-problem" className="field-problem">
              {nameProblem}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor="token-days">
            Expires after (days) <span className="optional">(optional, 1 to 365)</span>
          </label>
          <input
            id="token-days"
            type="number"
            min={1}
            max={365}
            value={days}
            aria-invalid={daysProblem ? true : undefined}
            aria-describedby={daysProblem ? 'token-days-problem' : undefined}
            onChange={(e) => setDays(e.target.value)}
          />
          {daysProblem && (
            <p id="token-days-problem" className="field-problem">
              {daysProblem}
            </p>
          )}
        </div>
        <div className="field field-submit">
          <button type="submit" disabled={creating.loading}>
            {creating.loading ? 'Creating…' : 'Create token'}
          </button>
        </div>
      </form>
      {otherProblem && (
        <p className="field-problem" role="alert">
          The token was not created: {problemWords(otherProblem)}
        </p>
      )}
      {error && !data && <ProblemPanel title="Your API tokens could not be loaded" error={error} onRetry={() => void refetch().catch(() => undefined)} />}
      {!data && !error && <LoadingPanel label="Loading your API tokens…" />}
      {data && data.myApiTokens.length === 0 && <p>You have no API tokens.</p>}
      {data && data.myApiTokens.length > 0 && (
        <div className="table-scroll">
          <table className="staff-table" data-testid="tokens-table">
            <caption className="visually-hidden">Your API tokens</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Starts with</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">Expires</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.myApiTokens.map((t) => (
                <tr key={t.id} className={t.revokedAt ? 'muted-row' : undefined}>
                  <th scope="row" data-label="Name">
                    {t.name}
                  </th>
                  <td data-label="Starts with">
                    <code>{t.prefix}…</code>
                  </td>
                  <td data-label="Created">{when(t.createdAt)}</td>
                  <td data-label="Last used">{when(t.lastUsedAt)}</td>
                  <td data-label="Expires">{when(t.expiresAt, 'no expiry')}</td>
                  <td data-label="Actions">
                    {t.revokedAt ? (
                      `Revoked ${when(t.revokedAt)}`
                    ) : (
                      <button type="button" className="button-quiet" onClick={() => setRevoking(t)}>
                        Revoke<span className="visually-hidden"> {t.name}</span>…
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ConfirmDialog
        open={revoking !== null}
        title={`Revoke the token “${revoking?.name ?? ''}”?`}
        confirmLabel="Yes, revoke"
        busyLabel="Revoking…"
        busy={revokingState.loading}
        danger
        problem={revokeProblem}
        onConfirm={() => void confirmRevoke()}
        onCancel={() => {
          setRevoking(null);
          setRevokeProblem(null);
        }}
      >
        <p>Scripts that use it are refused from then on. This cannot be undone; create a new token if you need one again.</p>
      </ConfirmDialog>
    </section>
  );
}
