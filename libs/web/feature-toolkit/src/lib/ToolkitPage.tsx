import { useMutation, useQuery } from '@apollo/client/react';
import { FormEvent, useEffect, useId, useRef, useState } from 'react';
import { describeError, RequestToolkitMutation, ToolkitFieldsFragment, ToolkitOptionsQuery, ToolkitQuery } from '@denialmap/web/data-access';
import { ErrorPanel, LoadingPanel } from '@denialmap/web/ui';
import { fileSize, formField, parseCodeList } from './toolkit-words';

const OWN_CODES = 'own';

/**
 * /toolkit: a visitor picks a specialty preset or types codes and gets a PDF of denial triggers,
 * modifier pitfalls, bundling conflicts and unit limits. The PDF is built by a background job;
 * the page follows its progress and offers the download when it is ready.
 */
export function ToolkitPage() {
  const options = useQuery(ToolkitOptionsQuery);
  const [choice, setChoice] = useState<string>('');
  const [codesText, setCodesText] = useState('');
  const [dateOfService, setDateOfService] = useState(() => new Date().toISOString().slice(0, 10));
  const [email, setEmail] = useState('');
  const [consent, setConsent] = useState(false);
  const [problem, setProblem] = useState<{ field: string | null; message: string } | null>(null);
  const [toolkitId, setToolkitId] = useState<string | null>(null);
  const [request, { loading: sending }] = useMutation(RequestToolkitMutation);
  const problemRef = useRef<HTMLDivElement>(null);
  const id = useId();

  useEffect(() => {
    document.title = 'Revenue Protection Toolkit | DenialMap';
  }, []);
  useEffect(() => {
    if (problem) problemRef.current?.focus();
  }, [problem]);

  if (options.error && !options.data) return <ErrorPanel title="The toolkit page could not load">{describeError(options.error).message}</ErrorPanel>;
  if (!options.data) return <LoadingPanel label="Loading the toolkit…" />;
  const { presets, maxCodes, consentText, downloadHours } = options.data.toolkitOptions;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    if (!choice) return setProblem({ field: 'preset', message: 'Choose a specialty, or "My own codes".' });
    const codes = choice === OWN_CODES ? parseCodeList(codesText) : null;
    if (codes && codes.length === 0) return setProblem({ field: 'codes', message: 'Type at least one CPT/HCPCS code, e.g. 70390.' });
    try {
      const answer = await request({
        variables: { input: { preset: choice === OWN_CODES ? null : choice, codes, dateOfService, email: email.trim() || null, emailConsent: consent } },
      });
      setToolkitId(answer.data?.requestToolkit.id ?? null);
    } catch (error) {
      const described = describeError(error);
      setProblem({ field: formField(described.field), message: described.message });
    }
  };
  const fieldProblem = (field: string) => (problem?.field === field ? problem.message : null);
  const describedBy = (field: string) => (problem?.field === field ? `${id}-problem` : undefined);

  return (
    <article className="toolkit-page">
      <h1>Revenue Protection Toolkit</h1>
      <p className="lede">
        A PDF for your billing team: for each code, the unit limit, modifier and billing pitfalls from the CMS rules and DenialMap editors,
        and the denial triggers other billers reported (where at least 5 have); up front, the NCCI bundling conflicts among your codes.
        Every line names its source and the data release. Free, no account.
      </p>

      {toolkitId ? (
        <ToolkitProgress id={toolkitId} downloadHours={downloadHours} onAgain={() => setToolkitId(null)} />
      ) : (
        <form className="toolkit-form" onSubmit={(e) => void submit(e)} noValidate>
          {problem && (
            <div className="panel panel-error" role="alert" tabIndex={-1} ref={problemRef} id={`${id}-problem`} data-testid="toolkit-problem">
              {problem.message}
            </div>
          )}
          <fieldset aria-describedby={describedBy('preset')}>
            <legend>Which codes?</legend>
            <ul className="preset-list">
              {presets.map((p) => (
                <li key={p.id}>
                  <label>
                    <input type="radio" name="toolkit-codes" value={p.id} checked={choice === p.id} onChange={() => setChoice(p.id)} />
                    <span>
                      <strong>{p.name}</strong> <span className="preset-codes">{p.codes.join(', ')}</span>
                    </span>
                  </label>
                </li>
              ))}
              <li>
                <label>
                  <input type="radio" name="toolkit-codes" value={OWN_CODES} checked={choice === OWN_CODES} onChange={() => setChoice(OWN_CODES)} />
                  <span>
                    <strong>My own codes</strong> <span className="preset-codes">up to {maxCodes}</span>
                  </span>
                </label>
              </li>
            </ul>
            {choice === OWN_CODES && (
              <div className="field">
                <label htmlFor={`${id}-codes`}>CPT/HCPCS codes, separated by spaces, commas or new lines</label>
                <textarea
                  id={`${id}-codes`}
                  rows={3}
                  value={codesText}
                  onChange={(e) => setCodesText(e.target.value)}
                  aria-invalid={fieldProblem('codes') ? true : undefined}
                  aria-describedby={describedBy('codes')}
                  placeholder="70390 70450 G2211"
                />
              </div>
            )}
          </fieldset>

          <div className="field field-narrow">
            <label htmlFor={`${id}-dos`}>Date of service (picks the fee schedule release)</label>
            <input id={`${id}-dos`} type="date" value={dateOfService} onChange={(e) => setDateOfService(e.target.value)} aria-describedby={describedBy('dateOfService')} />
          </div>

          <fieldset className="toolkit-email">
            <legend>Email (optional)</legend>
            <div className="field">
              <label htmlFor={`${id}-email`}>Email address for toolkit updates</label>
              <input id={`${id}-email`} type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} aria-describedby={describedBy('email')} />
            </div>
            <label className="consent">
              <input type="checkbox" checked={consent} onChange={(e) => setConsent(e.target.checked)} aria-describedby={describedBy('emailConsent')} /> {consentText}
            </label>
            <p className="fine-print">You get the PDF at once either way. An address is kept only with this box ticked, and never with a denial report.</p>
          </fieldset>

          <button type="submit" className="primary" disabled={sending}>
            {sending ? 'Starting…' : 'Build my toolkit'}
          </button>
        </form>
      )}
    </article>
  );
}

/** Follows the build (a poll every half second) and offers the download when it is ready. */
function ToolkitProgress({ id, downloadHours, onAgain }: { id: string; downloadHours: number; onAgain: () => void }) {
  const { data, error, startPolling, stopPolling } = useQuery(ToolkitQuery, { variables: { id }, fetchPolicy: 'network-only' });
  const toolkit: ToolkitFieldsFragment | undefined = data?.toolkit;
  const finished = toolkit?.status === 'READY' || toolkit?.status === 'FAILED';
  const downloadRef = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    if (finished) stopPolling();
    else startPolling(500);
    return () => stopPolling();
  }, [finished, startPolling, stopPolling]);
  useEffect(() => {
    if (toolkit?.status === 'READY') downloadRef.current?.focus();
  }, [toolkit?.status]);

  if (error && !toolkit) return <ErrorPanel title="The toolkit's progress could not be read">{describeError(error).message}</ErrorPanel>;
  if (!toolkit) return <LoadingPanel label="Starting your toolkit…" />;
  if (toolkit.status === 'FAILED') {
    return (
      <ErrorPanel title="The toolkit could not be built">
        {toolkit.error ?? 'Something went wrong while building it.'}{' '}
        <button type="button" className="link-button" onClick={onAgain}>
          Try again
        </button>
      </ErrorPanel>
    );
  }
  const expires = new Date(toolkit.expiresAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section className="toolkit-progress" aria-labelledby="toolkit-progress-heading" data-testid="toolkit-progress">
      <h2 id="toolkit-progress-heading">{toolkit.status === 'READY' ? 'Your toolkit is ready' : 'Building your toolkit…'}</h2>
      <p>
        {toolkit.codes.length} code{toolkit.codes.length === 1 ? '' : 's'}: {toolkit.codes.join(', ')}; dates of service around {toolkit.dateOfService}.
      </p>
      <progress max={100} value={toolkit.progress} aria-label="Toolkit progress" data-testid="toolkit-progressbar">
        {toolkit.progress}%
      </progress>
      <p role="status" data-testid="toolkit-status">
        {toolkit.status === 'READY' ? `Done: ${toolkit.pages} pages, ${fileSize(toolkit.bytes ?? 0)}.` : `${toolkit.progress}% done`}
      </p>
      {toolkit.status === 'READY' && toolkit.downloadPath && (
        <>
          <a className="button primary" href={toolkit.downloadPath} download ref={downloadRef} data-testid="toolkit-download">
            Download the PDF
          </a>
          <p className="fine-print">
            The link works until {expires} ({downloadHours} hours), then the file is deleted.{' '}
            <button type="button" className="link-button" onClick={onAgain}>
              Build another
            </button>
          </p>
        </>
      )}
    </section>
  );
}
