import type { ApolloCache } from '@apollo/client';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { FormEvent, useEffect, useRef, useState } from 'react';
import {
  ActivateReferenceReleaseMutation,
  DiscardReferenceReleaseMutation,
  ReferenceReleaseFieldsFragment,
  ReferenceReleasesQuery,
  ReferenceUploadFieldsFragment,
  ReferenceUploadQuery,
  RollBackReferenceDatasetMutation,
  StagedFeeScheduleChangesQuery,
  StartReferenceUploadMutation,
  SubmitReferenceUploadMutation,
  uploadReferenceFile,
  UploadRefused,
} from '@denialmap/web/data-access';
import { releaseSwitchWords } from '@denialmap/shared/fee-schedule';
import { LoadingPanel } from '@denialmap/web/ui';
import { ConfirmDialog } from './ConfirmDialog';
import { ProblemPanel } from './ProblemPanel';
import { problemWords, staffProblem } from './staff-error';
import { datasetName, RELEASE_STATUSES, when } from './words';

const POLL_MS = 1000;
/** Of the first 20 the preview keeps per kind of change: enough to recognise the release. */
const SHOWN_EXAMPLES = 8;

type Pending =
  | { kind: 'activate'; release: ReferenceReleaseFieldsFragment }
  | { kind: 'discard'; release: ReferenceReleaseFieldsFragment }
  | { kind: 'rollBack'; dataset: string; to: ReferenceReleaseFieldsFragment; from: ReferenceReleaseFieldsFragment | undefined };

/**
 * /staff/reference-data (admins): bring CMS data current without a developer. Upload the files
 * as CMS publishes them; the import job stages them (live progress); review the preview; activate
 * (pages switch at once) or discard; roll a table back to the edition before. Every step is audited.
 */
export function ReferenceDataPage() {
  const { data, error, refetch } = useQuery(ReferenceReleasesQuery, { fetchPolicy: 'cache-and-network' });
  const [uploadId, setUploadId] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [done, setDone] = useState<string | null>(null);
  useEffect(() => {
    document.title = 'Reference data | DenialMap staff';
  }, []);
  const refresh = () => refetch().catch(() => undefined);
  /** A new decision: the last one's confirmation goes away. */
  const decide = (next: Pending) => {
    setDone(null);
    setPending(next);
  };

  const releases = data?.referenceReleases ?? [];
  const live = releases.filter((r) => r.status === 'ACTIVE' || r.status === 'PREVIOUS' || r.status === 'STAGED');
  const datasets = [...new Set(live.map((r) => r.dataset))];

  return (
    <section aria-labelledby="reference-heading">
      <h1 id="reference-heading">Reference data</h1>
      <p className="lede-small">
        Load a new CMS release the day it is published: upload the files as CMS ships them (zips are fine), check what would change, then activate it. Nothing goes live
        before you activate, and the edition it replaces stays ready for a roll-back.
      </p>
      <UploadForm
        onStarted={(id) => {
          setDone(null);
          setUploadId(id);
        }}
      />
      {uploadId && <UploadProgress id={uploadId} onFinished={() => void refresh()} onDecide={(kind, release) => decide(kind === 'activate' ? { kind, release } : { kind, release })} />}
      {done && (
        <p className="panel panel-ok" role="status" data-testid="reference-done">
          {done}
        </p>
      )}
      <h2>Editions</h2>
      {error && !data && <ProblemPanel title="The editions could not be loaded" error={error} onRetry={() => void refresh()} />}
      {!data && !error && <LoadingPanel label="Loading the reference editions…" />}
      {data && (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Reference data editions">
          <table className="staff-table" data-testid="reference-editions">
            <caption className="visually-hidden">Reference data editions: staged, live and roll-back targets</caption>
            <thead>
              <tr>
                <th scope="col">Table</th>
                <th scope="col">Edition</th>
                <th scope="col">Status</th>
                <th scope="col">Effective</th>
                <th scope="col">Rows</th>
                <th scope="col">Source file</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {datasets.flatMap((dataset) =>
                live
                  .filter((r) => r.dataset === dataset)
                  .map((r) => {
                    const active = live.find((x) => x.dataset === dataset && x.status === 'ACTIVE');
                    return (
                      <tr key={r.id} data-testid="reference-edition">
                        <th scope="row" data-label="Table">
                          {datasetName(r.dataset)}
                        </th>
                        <td data-label="Edition">{r.id}</td>
                        <td data-label="Status">
                          <span className="status-chip">{RELEASE_STATUSES[r.status]}</span>
                        </td>
                        <td data-label="Effective">{r.effectiveFrom}</td>
                        <td data-label="Rows">{r.rowCount.toLocaleString('en-US')}</td>
                        <td data-label="Source file" className="wrap-anywhere">
                          {r.sourceFile}
                        </td>
                        <td data-label="Actions">
                          {r.status === 'PREVIOUS' && (
                            <button type="button" className="button-quiet" onClick={() => decide({ kind: 'rollBack', dataset, to: r, from: active })}>
                              Roll back<span className="visually-hidden"> to {r.id}</span>
                            </button>
                          )}
                          {r.status === 'STAGED' && (
                            <button type="button" className="button-quiet" onClick={() => decide({ kind: 'activate', release: r })}>
                              Review<span className="visually-hidden"> {r.id}</span>
                            </button>
                          )}
                        </td>
                      </tr>
                    );
                  }),
              )}
            </tbody>
          </table>
        </div>
      )}
      <RecentUploads uploads={data?.referenceUploads ?? []} />
      {pending && (
        <Decision
          pending={pending}
          onClose={(message) => {
            setPending(null);
            if (message) {
              setDone(message);
              void refresh();
            }
          }}
        />
      )}
    </section>
  );
}

function UploadForm({ onStarted }: { onStarted: (uploadId: string) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [start] = useMutation(StartReferenceUploadMutation);
  const [submit] = useMutation(SubmitReferenceUploadMutation);

  const send = async (e: FormEvent) => {
    e.preventDefault();
    if (files.length === 0) {
      setProblem('Choose the CMS files first (for NCCI PTP, all four parts f1–f4 together).');
      input.current?.focus();
      return;
    }
    setProblem(null);
    try {
      setBusy('Starting the upload…');
      const { data } = await start();
      const id = data?.startReferenceUpload.id;
      if (!id) throw new Error('The upload could not be started.');
      for (const [i, file] of files.entries()) {
        setBusy(`Sending ${file.name} (${i + 1} of ${files.length}, ${megabytes(file.size)})…`);
        await uploadReferenceFile(id, file);
      }
      setBusy('Queueing the import…');
      await submit({ variables: { id } });
      onStarted(id);
      setFiles([]);
      if (input.current) input.current.value = '';
    } catch (error) {
      setProblem(error instanceof UploadRefused ? error.message : problemWords(staffProblem(error)));
    } finally {
      setBusy(null);
    }
  };

  return (
    <form className="staff-card staff-form" onSubmit={(e) => void send(e)} aria-labelledby="upload-heading" noValidate>
      <h2 id="upload-heading">Upload CMS files</h2>
      <div className="field">
        <label htmlFor="reference-files">Files</label>
        <p className="field-help" id="reference-files-help">
          As downloaded from CMS: NCCI PTP parts (ccipra-v###r#-f1…f4.TXT), the MUE table (MCR_MUE_…_Eff_MM-DD-YYYY.csv), the RVU zip or its PPRRVU, GPCI, LOCCO, ANES
          and OPPSCAP files, HCPCS Level II, or the ICD-10-CM order file. The kind of file is read from its content; the edition from its name.
        </p>
        <input
          ref={input}
          id="reference-files"
          type="file"
          multiple
          aria-describedby="reference-files-help"
          aria-invalid={problem ? true : undefined}
          onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
        />
      </div>
      {files.length > 0 && (
        <ul className="fine-print" data-testid="chosen-files">
          {files.map((f) => (
            <li key={f.name}>
              {f.name} ({megabytes(f.size)})
            </li>
          ))}
        </ul>
      )}
      {problem && (
        <p className="field-problem" role="alert">
          {problem}
        </p>
      )}
      <div className="staff-actions">
        <button type="submit" disabled={busy !== null}>
          {busy ? 'Uploading…' : 'Upload and stage'}
        </button>
        {busy && (
          <span className="fine-print" role="status">
            {busy}
          </span>
        )}
      </div>
    </form>
  );
}

/** The import job, polled every second until it has staged the files or refused one. */
function UploadProgress({ id, onFinished, onDecide }: { id: string; onFinished: () => void; onDecide: (kind: 'activate' | 'discard', release: ReferenceReleaseFieldsFragment) => void }) {
  const { data, error, stopPolling, refetch } = useQuery(ReferenceUploadQuery, { variables: { id }, pollInterval: POLL_MS, fetchPolicy: 'network-only', notifyOnNetworkStatusChange: false });
  const upload = data?.referenceUpload;
  const finished = upload?.status === 'STAGED' || upload?.status === 'FAILED';
  useEffect(() => {
    if (finished) {
      stopPolling();
      onFinished();
    }
  }, [finished, stopPolling]); // onFinished is a fresh closure each render; the finish is what matters.
  if (error && !data) return <ProblemPanel title="The upload's progress could not be loaded" error={error} onRetry={() => void refetch().catch(() => undefined)} />;
  if (!upload) return <LoadingPanel label="Waiting for the import job…" />;
  return (
    <div className="staff-card" data-testid="upload-progress" aria-live="polite">
      <h2>Upload of {upload.files.map((f) => f.fileName).join(', ')}</h2>
      {!finished && (
        <>
          <label htmlFor={`progress-${id}`}>{upload.status === 'QUEUED' ? 'Waiting for a worker…' : (upload.message ?? 'Importing…')}</label>
          <progress id={`progress-${id}`} max={100} value={upload.progress}>
            {upload.progress}%
          </progress>
          <p className="fine-print">
            {upload.progress}% · {upload.progressRows.toLocaleString('en-US')} rows read
          </p>
        </>
      )}
      {upload.status === 'FAILED' && <FailedUpload upload={upload} />}
      {upload.status === 'STAGED' && (
        <>
          <p className="panel panel-ok" role="status">
            {upload.message}
          </p>
          {upload.releases.map((r) => (
            <StagedRelease key={r.id} release={r} onDecide={onDecide} />
          ))}
        </>
      )}
    </div>
  );
}

function FailedUpload({ upload }: { upload: ReferenceUploadFieldsFragment }) {
  const p = upload.problem;
  return (
    <div className="panel panel-error" role="alert" data-testid="upload-refused">
      <p>
        <strong>{upload.message}</strong>
      </p>
      {p && (
        <p>
          {p.file}, line {p.line}
          {p.column !== null && p.column !== undefined ? `, column ${p.column}` : ''}: {p.problem}
        </p>
      )}
    </div>
  );
}

function StagedRelease({ release, onDecide }: { release: ReferenceReleaseFieldsFragment; onDecide: (kind: 'activate' | 'discard', release: ReferenceReleaseFieldsFragment) => void }) {
  const p = release.preview;
  const decided = release.status !== 'STAGED';
  return (
    <article className="staff-card" data-testid="staged-release" aria-labelledby={`staged-${release.id}`}>
      <h3 id={`staged-${release.id}`}>
        {datasetName(release.dataset)}: {release.id} <span className="status-chip">{RELEASE_STATUSES[release.status]}</span>
      </h3>
      <p className="fine-print">
        {release.label} · from {release.sourceFile}
      </p>
      {p && (
        <>
          <p>
            {p.againstId ? (
              <>
                Compared with the live edition <strong>{p.againstId}</strong>, on {p.comparedOn}:{' '}
              </>
            ) : (
              'Nothing is live for this table yet. '
            )}
            {p.rowsBefore.toLocaleString('en-US')} rows now, {p.rowsAfter.toLocaleString('en-US')} after activation.
          </p>
          {p.notes.length > 0 && (
            <ul className="fine-print" data-testid="preview-notes">
              {p.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          )}
          {p.warnings.map((w) => (
            <p key={w} className="panel panel-notice" data-testid="preview-warning">
              <strong>Before you activate:</strong> {w}
            </p>
          ))}
          <dl className="facts preview-facts" data-testid="preview-changes">
            <Changes label="Added" changes={p.added} />
            <Changes label="No longer in force" changes={p.removed} />
            <Changes label={release.dataset.startsWith('FEE_SCHEDULE_') ? 'Changed (largest RVU changes first)' : 'Changed'} changes={p.changed} />
            <Changes label="National payment changes (biggest first)" changes={p.paymentChanges} />
          </dl>
          {release.dataset.startsWith('FEE_SCHEDULE_') && !decided && <CodeChanges releaseId={release.id} />}
        </>
      )}
      {!decided && (
        <div className="staff-actions">
          <button type="button" onClick={() => onDecide('activate', release)}>
            Activate {release.id}
          </button>
          <button type="button" className="button-quiet" onClick={() => onDecide('discard', release)}>
            Discard
          </button>
        </div>
      )}
    </article>
  );
}

/** A biller's own codes in a staged fee schedule, every row that changes. */
function CodeChanges({ releaseId }: { releaseId: string }) {
  const client = useApolloClient();
  const [codes, setCodes] = useState('');
  const [lines, setLines] = useState<string[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const check = async (e: FormEvent) => {
    e.preventDefault();
    const wanted = codes.split(/[\s,]+/).filter(Boolean);
    try {
      setProblem(null);
      const { data } = await client.query({ query: StagedFeeScheduleChangesQuery, variables: { id: releaseId, codes: wanted }, fetchPolicy: 'network-only' });
      setLines(data?.stagedFeeScheduleChanges ?? []);
    } catch (error) {
      setLines(null);
      setProblem(problemWords(staffProblem(error)));
    }
  };
  return (
    <form className="staff-form code-changes" onSubmit={check} data-testid="code-changes">
      <label htmlFor={`codes-${releaseId}`}>Check your own codes (up to 100, separated by spaces or commas)</label>
      <div className="inline-field">
        <input id={`codes-${releaseId}`} value={codes} onChange={(e) => setCodes(e.target.value)} placeholder="70390 99213 99214" autoComplete="off" />
        <button type="submit">Compare</button>
      </div>
      {problem && <p role="alert">{problem}</p>}
      {lines && (
        <ul aria-live="polite">
          {lines.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      )}
    </form>
  );
}

function Changes({ label, changes }: { label: string; changes: { count: number; examples: string[] } | null | undefined }) {
  if (!changes) return null;
  return (
    <div>
      <dt>
        {label}: {changes.count.toLocaleString('en-US')}
      </dt>
      <dd>
        {changes.count === 0 ? (
          'none'
        ) : (
          <ul>
            {changes.examples.slice(0, SHOWN_EXAMPLES).map((e) => (
              <li key={e}>{e}</li>
            ))}
            {changes.count > SHOWN_EXAMPLES && <li className="fine-print">…and {(changes.count - SHOWN_EXAMPLES).toLocaleString('en-US')} more</li>}
          </ul>
        )}
      </dd>
    </div>
  );
}

function Decision({ pending, onClose }: { pending: Pending; onClose: (doneMessage: string | null) => void }) {
  const client = useApolloClient();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [activate, activating] = useMutation(ActivateReferenceReleaseMutation);
  const [discard, discarding] = useMutation(DiscardReferenceReleaseMutation);
  const [rollBack, rollingBack] = useMutation(RollBackReferenceDatasetMutation);
  const busy = activating.loading || discarding.loading || rollingBack.loading;
  const note = reason.trim() || null;

  const confirm = async () => {
    setProblem(null);
    try {
      let message: string;
      if (pending.kind === 'activate') {
        const { data } = await activate({ variables: { id: pending.release.id, reason: note } });
        message = data ? releaseSwitchWords(data.activateReferenceRelease, 'activated') : '';
      } else if (pending.kind === 'discard') {
        await discard({ variables: { id: pending.release.id, reason: note } });
        message = `${pending.release.id} was discarded; nothing live changed.`;
      } else {
        const { data } = await rollBack({ variables: { dataset: pending.dataset, reason: note } });
        message = data ? releaseSwitchWords(data.rollBackReferenceDataset, 'rolled back') : '';
      }
      forgetReferenceAnswers(client.cache);
      onClose(message);
    } catch (error) {
      setProblem(problemWords(staffProblem(error)));
    }
  };

  const title =
    pending.kind === 'activate' ? `Activate ${pending.release.id}?` : pending.kind === 'discard' ? `Discard ${pending.release.id}?` : `Roll ${datasetName(pending.dataset)} back to ${pending.to.id}?`;
  return (
    <ConfirmDialog
      open
      title={title}
      confirmLabel={pending.kind === 'activate' ? 'Activate now' : pending.kind === 'discard' ? 'Discard' : 'Roll back'}
      busyLabel="Working…"
      busy={busy}
      danger={pending.kind !== 'activate'}
      problem={problem}
      onConfirm={() => void confirm()}
      onCancel={() => onClose(null)}
    >
      <p>
        {pending.kind === 'activate' &&
          `Every page and claim check uses ${pending.release.id} (${pending.release.rowCount.toLocaleString('en-US')} rows) from the moment you confirm. The edition live now is kept, so you can roll back.`}
        {pending.kind === 'discard' && `The staged rows of ${pending.release.id} are dropped. Nothing live changes.`}
        {pending.kind === 'rollBack' &&
          `${pending.to.id} (${pending.to.rowCount.toLocaleString('en-US')} rows, effective ${pending.to.effectiveFrom}) goes live again at once${pending.from ? `; ${pending.from.id} becomes the roll-back target` : ''}.`}
      </p>
      {pending.kind === 'activate' && pending.release.preview?.warnings.map((w) => <p key={w} className="panel panel-notice">{w}</p>)}
      <div className="field">
        <label htmlFor="decision-reason">
          Note for the audit log <span className="optional">(optional)</span>
        </label>
        <input id="decision-reason" value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
      </div>
    </ConfirmDialog>
  );
}

/**
 * Answers cached from the reference tables (code pages, claim checks) must not outlive the edition
 * they came from. Evicting the cached query fields (not resetting the whole store, which would
 * unmount the signed-in staff area while `me` reloads) makes those pages ask again.
 */
function forgetReferenceAnswers(cache: ApolloCache): void {
  const root = (cache.extract() as Record<string, Record<string, unknown> | undefined>)['ROOT_QUERY'] ?? {};
  for (const key of Object.keys(root)) {
    const fieldName = key.split(/[(:]/)[0];
    if (fieldName !== '__typename' && fieldName !== 'me') cache.evict({ id: 'ROOT_QUERY', fieldName });
  }
  cache.gc();
}

function RecentUploads({ uploads }: { uploads: ReferenceUploadFieldsFragment[] }) {
  if (uploads.length === 0) return null;
  return (
    <>
      <h2>Recent uploads</h2>
      <ul className="staff-list" data-testid="recent-uploads">
        {uploads.map((u) => (
          <li key={u.id}>
            <strong>{when(u.createdAt)}</strong> · {u.files.map((f) => f.fileName).join(', ')} · <span className="status-chip">{u.status.toLowerCase()}</span>
            {u.message && <span className="fine-print"> {u.message}</span>}
          </li>
        ))}
      </ul>
    </>
  );
}

function megabytes(bytes: number): string {
  return bytes < 1 << 20 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / (1 << 20)).toFixed(1)} MB`;
}
