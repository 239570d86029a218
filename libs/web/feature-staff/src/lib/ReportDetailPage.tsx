import { useMutation, useQuery } from '@apollo/client/react';
import { FormEvent, ReactNode, useEffect, useRef, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import {
  ACTIONS_TAKEN,
  appealLevelName,
  DENIAL_CATEGORIES,
  FLAG_REASONS,
  PAYER_TYPES,
  PayerType,
  REPORT_FIXES,
  REPORT_OUTCOMES,
  US_STATES,
} from '@denialmap/shared/denial-reports';
import {
  ApproveReportMutation,
  BlockSubmitterMutation,
  ModerationReportFieldsFragment,
  ModerationReportQuery,
  RedactReportMutation,
  RejectReportMutation,
} from '@denialmap/web/data-access';
import { LoadingPanel, PLACES_OF_SERVICE } from '@denialmap/web/ui';
import { ConfirmDialog } from './ConfirmDialog';
import { ProblemPanel } from './ProblemPanel';
import { fieldProblem, problemWords, StaffProblem, staffProblem } from './staff-error';
import { plural, queueReasonWords, REPORT_STATUS_MEANINGS, REPORT_STATUSES, when } from './words';
import { queueLink } from './queue-return';

type Report = ModerationReportFieldsFragment;
type Action = 'approve' | 'reject' | 'redact' | 'block';

const MARK = '[removed]';
const words = (table: Record<string, string>, key: string | null | undefined) => (key ? (table[key] ?? key) : '—');
const list = (values: readonly string[]) => (values.length ? values.join(', ') : '—');

/** /staff/reports/:id: everything about one report, and the four decisions, each confirmed first. */
export function ReportDetailPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const { data, error, refetch } = useQuery(ModerationReportQuery, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const report = data?.moderationReport;
  const [done, setDone] = useState<string | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  useEffect(() => setDone(null), [id]);
  useEffect(() => {
    document.title = `Report${report ? ` for ${report.code}` : ''} | DenialMap staff`;
  }, [report]);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  return (
    <article className="report-detail" aria-labelledby="report-heading">
      <p>
        <Link to={queueLink(location.state)}>← Back to the queue</Link>
      </p>
      {error && !report && <ProblemPanel title="The report could not be loaded" error={error} onRetry={() => void refetch().catch(() => undefined)} />}
      {!report && !error && <LoadingPanel label="Loading the report…" />}
      {report && (
        <>
          <h1 id="report-heading">
            Report for <span className="code-number">{report.code}</span>{' '}
            <span className={`status-chip status-${report.status.toLowerCase()}`} data-testid="report-status">
              {REPORT_STATUSES[report.status]}
            </span>
          </h1>
          <p className="lede-small">
            {REPORT_STATUSES[report.status]}: {REPORT_STATUS_MEANINGS[report.status]}. Received {when(report.createdAt)}.
          </p>
          {done && (
            <div className="panel panel-ok" role="status" tabIndex={-1} ref={doneRef} data-testid="action-done">
              {done}
            </div>
          )}
          <QueueState report={report} />
          <ReportFacts report={report} />
          <Actions key={report.id} report={report} onDone={setDone} />
        </>
      )}
    </article>
  );
}

function QueueState({ report }: { report: Report }) {
  const reasons = queueReasonWords(report);
  return (
    <section className="staff-card" aria-labelledby="queue-state-heading">
      <h2 id="queue-state-heading">Where it stands</h2>
      {reasons.length > 0 ? (
        <ul data-testid="report-queue-reasons">
          {reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      ) : (
        <p data-testid="report-queue-reasons">Not in the queue: a moderator has dealt with it{report.reviewedAt ? ` (${when(report.reviewedAt)})` : ''}.</p>
      )}
      {report.rejectionReason && (
        <p>
          <strong>Rejected because:</strong> <span data-testid="report-rejection-reason">{report.rejectionReason}</span>
        </p>
      )}
      <h3>Flags from readers</h3>
      {report.flagCount === 0 ? (
        <p>No reader has flagged it.</p>
      ) : (
        <>
          <p>
            {plural(report.flagCount, 'flag')} in all, {report.unseenFlags} since a moderator last decided.
          </p>
          <ul data-testid="report-flag-reasons">
            {report.flagReasons.map((f) => (
              <li key={f.reason}>
                {words(FLAG_REASONS, f.reason)}: {f.count}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}

function ReportFacts({ report }: { report: Report }) {
  const payerType = report.payerType as PayerType;
  return (
    <section className="staff-card" aria-labelledby="facts-heading">
      <h2 id="facts-heading">The report</h2>
      <dl className="facts">
        <Fact label="Code">{report.code}</Fact>
        <Fact label="Modifiers">{list(report.modifiers)}</Fact>
        <Fact label="Service quarter">{report.serviceQuarter}</Fact>
        <Fact label="Payer type">{words(PAYER_TYPES, report.payerType)}</Fact>
        <Fact label="Payer">{report.payerName ?? '—'}</Fact>
        <Fact label="State">{report.state ? `${report.state} (${US_STATES[report.state] ?? 'unknown'})` : '—'}</Fact>
        <Fact label="Place of service">{report.placeOfService ? (PLACES_OF_SERVICE.find((p) => p.code === report.placeOfService)?.label ?? report.placeOfService) : '—'}</Fact>
        <Fact label="Reason code">{`${report.groupCode}-${report.carc}`}</Fact>
        <Fact label="Remark codes">{list(report.rarcs)}</Fact>
        <Fact label="Diagnoses">{list(report.icd10Codes)}</Fact>
        <Fact label="Denial category">{words(DENIAL_CATEGORIES, report.denialCategory)}</Fact>
        <Fact label="Action taken">{words(ACTIONS_TAKEN, report.actionTaken)}</Fact>
        <Fact label="Appeal level">{report.appealLevel ? appealLevelName(report.appealLevel, PAYER_TYPES[payerType] ? payerType : undefined) : '—'}</Fact>
        <Fact label="Outcome">{words(REPORT_OUTCOMES, report.outcome)}</Fact>
        <Fact label="What fixed it">{words(REPORT_FIXES, report.fix)}</Fact>
        <Fact label="Days to resolution">{report.daysToResolution ?? '—'}</Fact>
      </dl>
      <h3>Story</h3>
      {report.narrative ? (
        <blockquote className="report-story" data-testid="report-narrative">
          {report.narrative}
        </blockquote>
      ) : (
        <p data-testid="report-narrative">No story (or it was removed).</p>
      )}
      <h3>Submitter</h3>
      <dl className="facts">
        <Fact label="Anonymous submitter" testId="report-submitter">
          <code>{report.submitterRef}</code>
        </Fact>
        <Fact label="Reports from this submitter">{report.submitterReports}</Fact>
        <Fact label="Paused until" testId="report-blocked-until">
          {report.submitterBlockedUntil ? (
            <>
              {when(report.submitterBlockedUntil)} (<Link to="/staff/blocks">paused submitters</Link>)
            </>
          ) : (
            'Not paused'
          )}
        </Fact>
      </dl>
      <p className="fine-print">The same submitter value means the same connection on the day of the report; it identifies nobody.</p>
    </section>
  );
}

const ACTION_LABELS: Record<Action, string> = { approve: 'Approve', reject: 'Reject', redact: 'Redact the story', block: 'Pause the submitter' };

function Actions({ report, onDone }: { report: Report; onDone: (message: string | null) => void }) {
  const [action, setAction] = useState<Action | null>(null);
  const available: Action[] = [
    ...(report.status !== 'PUBLISHED' || report.queueReasons.length > 0 ? (['approve'] as const) : []),
    ...(report.status !== 'REJECTED' ? (['reject'] as const) : []),
    ...(report.narrative ? (['redact'] as const) : []),
    'block',
  ];
  const open = (a: Action) => {
    onDone(null);
    setAction(action === a ? null : a);
  };
  const finish = (message: string) => {
    setAction(null);
    onDone(message);
  };
  return (
    <section className="staff-card" aria-labelledby="actions-heading">
      <h2 id="actions-heading">Decide</h2>
      <div className="staff-actions" role="group" aria-label="Decisions">
        {available.map((a) => (
          <button key={a} type="button" className={action === a ? undefined : 'button-quiet'} aria-expanded={action === a} aria-controls={action === a ? 'action-panel' : undefined} onClick={() => open(a)}>
            {ACTION_LABELS[a]}
          </button>
        ))}
      </div>
      <div id="action-panel">
        {action === 'approve' && <ApproveForm report={report} onDone={finish} onCancel={() => setAction(null)} />}
        {action === 'reject' && <RejectForm report={report} onDone={finish} onCancel={() => setAction(null)} />}
        {action === 'redact' && <RedactForm report={report} onDone={finish} onCancel={() => setAction(null)} />}
        {action === 'block' && <BlockForm report={report} onDone={finish} onCancel={() => setAction(null)} />}
      </div>
    </section>
  );
}

interface ActionFormProps {
  report: Report;
  onDone: (message: string) => void;
  onCancel: () => void;
}

/**
 * Shared by the four forms: the confirmation step and what the server said. A refusal pinned on a
 * field moves focus to that field (`fieldIds`: API field name to element id) once the dialog has
 * closed and handed focus back.
 */
function useConfirmStep(fieldIds: Record<string, string> = {}) {
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<StaffProblem | null>(null);
  const target = problem?.code === 'BAD_USER_INPUT' && problem.field ? fieldIds[problem.field] : undefined;
  useEffect(() => {
    if (target) document.getElementById(target)?.focus();
  }, [problem, target]);
  return {
    confirming,
    problem,
    ask: () => {
      setProblem(null);
      setConfirming(true);
    },
    cancel: () => setConfirming(false),
    fail: (error: unknown) => {
      setConfirming(false);
      setProblem(staffProblem(error));
    },
  };
}

function FormProblem({ problem, fields }: { problem: StaffProblem | null; fields: string[] }) {
  if (!problem || (problem.code === 'BAD_USER_INPUT' && problem.field && fields.includes(problem.field))) return null;
  return (
    <p className="field-problem" role="alert" data-testid="action-problem">
      {problemWords(problem)}
    </p>
  );
}

function FieldProblem({ id, message }: { id: string; message: string | null }) {
  return message ? (
    <p id={id} className="field-problem" role="alert" data-testid={id}>
      {message}
    </p>
  ) : null;
}

function ApproveForm({ report, onDone, onCancel }: ActionFormProps) {
  const [note, setNote] = useState('');
  const step = useConfirmStep({ reason: 'approve-note' });
  const [approve, { loading }] = useMutation(ApproveReportMutation);
  const confirm = async () => {
    try {
      await approve({ variables: { reportId: report.id, note: note.trim() || null } });
      onDone(`Report approved. It counts in the public stats for ${report.code}, and its flags have left the queue.`);
    } catch (error) {
      step.fail(error);
    }
  };
  const noteProblem = fieldProblem(step.problem, 'reason');
  return (
    <>
      <form
        className="action-form"
        onSubmit={(e) => {
          e.preventDefault();
          step.ask();
        }}
      >
        <h3>Approve</h3>
        <p>The report is published and counts in the stats; the flags so far leave the queue.</p>
        <div className="field">
          <label htmlFor="approve-note">
            Note for the audit log <span className="optional">(optional)</span>
          </label>
          <textarea id="approve-note" rows={2} maxLength={500} value={note} aria-describedby={noteProblem ? 'approve-note-problem' : undefined} onChange={(e) => setNote(e.target.value)} />
          <FieldProblem id="approve-note-problem" message={noteProblem} />
        </div>
        <FormProblem problem={step.problem} fields={['reason']} />
        <div className="staff-actions">
          <button type="submit">Approve…</button>
          <button type="button" className="button-quiet" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
      <ConfirmDialog open={step.confirming} title="Approve this report?" confirmLabel="Yes, approve" busyLabel="Approving…" busy={loading} onConfirm={() => void confirm()} onCancel={step.cancel}>
        <p>It will count in the public stats for {report.code}, and its flags leave the queue.</p>
        {note.trim() && <p>Note: “{note.trim()}”</p>}
      </ConfirmDialog>
    </>
  );
}

function RejectForm({ report, onDone, onCancel }: ActionFormProps) {
  const [reason, setReason] = useState('');
  const [check, setCheck] = useState<string | null>(null);
  const step = useConfirmStep({ reason: 'reject-reason' });
  const [reject, { loading }] = useMutation(RejectReportMutation);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const text = reason.trim();
    const problem = !text ? 'Give a reason: it is required and kept in the audit log.' : text.length < 3 ? 'A reason has at least 3 characters.' : null;
    setCheck(problem);
    if (problem) {
      document.getElementById('reject-reason')?.focus();
      return;
    }
    step.ask();
  };
  const confirm = async () => {
    try {
      await reject({ variables: { reportId: report.id, reason: reason.trim() } });
      onDone(`Report rejected. It no longer counts in the public stats for ${report.code}; the stats are recomputed within seconds.`);
    } catch (error) {
      step.fail(error);
    }
  };
  const reasonProblem = check ?? fieldProblem(step.problem, 'reason');
  return (
    <>
      <form className="action-form" onSubmit={submit} noValidate>
        <h3>Reject</h3>
        <p>The report leaves the public stats for good. Say why: the reason is required and kept in the audit log (no patient details).</p>
        <div className="field">
          <label htmlFor="reject-reason">Reason</label>
          <textarea
            id="reject-reason"
            rows={3}
            required
            maxLength={500}
            value={reason}
            aria-invalid={reasonProblem ? true : undefined}
            aria-describedby={reasonProblem ? 'reject-reason-problem' : undefined}
            onChange={(e) => setReason(e.target.value)}
          />
          <FieldProblem id="reject-reason-problem" message={reasonProblem} />
        </div>
        <FormProblem problem={step.problem} fields={['reason']} />
        <div className="staff-actions">
          <button type="submit">Reject…</button>
          <button type="button" className="button-quiet" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
      <ConfirmDialog open={step.confirming} title="Reject this report?" confirmLabel="Yes, reject" busyLabel="Rejecting…" busy={loading} danger onConfirm={() => void confirm()} onCancel={step.cancel}>
        <p>
          It stops counting in the public stats for <strong>{report.code}</strong> for good.
        </p>
        <p>
          Reason for the audit log: <q data-testid="confirm-reason">{reason.trim()}</q>
        </p>
      </ConfirmDialog>
    </>
  );
}

function RedactForm({ report, onDone, onCancel }: ActionFormProps) {
  const original = report.narrative ?? '';
  const [narrative, setNarrative] = useState(original);
  const [note, setNote] = useState('');
  const [check, setCheck] = useState<string | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const step = useConfirmStep({ narrative: 'redact-narrative', reason: 'redact-note' });
  const [redact, { loading }] = useMutation(RedactReportMutation);
  const markSelection = () => {
    const el = area.current;
    if (!el || el.selectionStart === el.selectionEnd) {
      setCheck(`Select the words to take out in the story first, then press “Replace the selection with ${MARK}”.`);
      el?.focus();
      return;
    }
    const start = el.selectionStart;
    const next = `${narrative.slice(0, start)}${MARK}${narrative.slice(el.selectionEnd)}`;
    setNarrative(next);
    setCheck(null);
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(start + MARK.length, start + MARK.length);
    });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (narrative.trim() === original.trim()) {
      setCheck('Nothing was removed yet: delete the words that must go (you may leave [removed] in their place).');
      area.current?.focus();
      return;
    }
    setCheck(null);
    step.ask();
  };
  const confirm = async () => {
    try {
      await redact({ variables: { reportId: report.id, narrative: narrative.trim() || null, note: note.trim() || null } });
      onDone(narrative.trim() ? 'Story redacted. The removed text is not kept anywhere; the audit log has a fingerprint of both versions.' : 'Story removed. The report itself stays.');
    } catch (error) {
      step.fail(error);
    }
  };
  const narrativeProblem = check ?? fieldProblem(step.problem, 'narrative');
  return (
    <>
      <form className="action-form" onSubmit={submit} noValidate>
        <h3>Redact the story</h3>
        <p id="redact-help">
          You may only <strong>delete</strong> text: nothing can be added or reworded, and the server refuses a story that changes words. Leave{' '}
          <code>{MARK}</code> where you took something out if it helps the reader; an empty story removes it entirely.
        </p>
        <div className="field">
          <label htmlFor="redact-narrative">Story after redaction</label>
          <textarea
            id="redact-narrative"
            ref={area}
            rows={6}
            value={narrative}
            aria-invalid={narrativeProblem ? true : undefined}
            aria-describedby={`redact-help${narrativeProblem ? ' redact-narrative-problem' : ''}`}
            onChange={(e) => setNarrative(e.target.value)}
          />
          <FieldProblem id="redact-narrative-problem" message={narrativeProblem} />
          <div className="staff-actions">
            <button type="button" className="button-quiet" onClick={markSelection}>
              Replace the selection with {MARK}
            </button>
            <button type="button" className="button-quiet" onClick={() => setNarrative(original)}>
              Start again
            </button>
          </div>
        </div>
        <div className="field">
          <label htmlFor="redact-note">
            Note for the audit log <span className="optional">(optional)</span>
          </label>
          <textarea id="redact-note" rows={2} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
          <FieldProblem id="redact-note-problem" message={fieldProblem(step.problem, 'reason')} />
        </div>
        <FormProblem problem={step.problem} fields={['narrative', 'reason']} />
        <div className="staff-actions">
          <button type="submit">Redact…</button>
          <button type="button" className="button-quiet" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
      <ConfirmDialog open={step.confirming} title="Replace the story?" confirmLabel="Yes, replace it" busyLabel="Saving…" busy={loading} danger onConfirm={() => void confirm()} onCancel={step.cancel}>
        <p>The removed text is not kept anywhere, so this cannot be undone. The story will read:</p>
        {narrative.trim() ? <blockquote className="report-story">{narrative.trim()}</blockquote> : <p>(no story at all)</p>}
      </ConfirmDialog>
    </>
  );
}

function BlockForm({ report, onDone, onCancel }: ActionFormProps) {
  const [days, setDays] = useState('30');
  const [reason, setReason] = useState('');
  const [checks, setChecks] = useState<{ days?: string; reason?: string }>({});
  const step = useConfirmStep({ days: 'block-days', reason: 'block-reason' });
  const [block, { loading }] = useMutation(BlockSubmitterMutation, { refetchQueries: ['ModerationReport', 'SubmitterBlocks'], awaitRefetchQueries: true });
  const n = Number(days);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: typeof checks = {};
    if (!Number.isInteger(n) || n < 1 || n > 90) found.days = 'A pause lasts 1 to 90 days.';
    if (reason.trim().length < 3) found.reason = 'Give a reason of at least 3 characters; it is kept in the audit log.';
    setChecks(found);
    if (found.days || found.reason) {
      document.getElementById(found.days ? 'block-days' : 'block-reason')?.focus();
      return;
    }
    step.ask();
  };
  const confirm = async () => {
    try {
      const { data } = await block({ variables: { reportId: report.id, days: n, reason: reason.trim() } });
      onDone(`Submitter ${report.submitterRef} is paused until ${when(data?.blockSubmitter.blockedUntil)}: their new reports are refused until then.`);
    } catch (error) {
      step.fail(error);
    }
  };
  const daysProblem = checks.days ?? fieldProblem(step.problem, 'days');
  const reasonProblem = checks.reason ?? fieldProblem(step.problem, 'reason');
  return (
    <>
      <form className="action-form" onSubmit={submit} noValidate>
        <h3>Pause the submitter</h3>
        <p>New reports from this anonymous submitter ({report.submitterRef}) are refused for a while. Their reports so far stay as they are.</p>
        <div className="field field-narrow">
          <label htmlFor="block-days">Days (1 to 90)</label>
          <input
            id="block-days"
            type="number"
            min={1}
            max={90}
            step={1}
            required
            value={days}
            aria-invalid={daysProblem ? true : undefined}
            aria-describedby={daysProblem ? 'block-days-problem' : undefined}
            onChange={(e) => setDays(e.target.value)}
          />
          <FieldProblem id="block-days-problem" message={daysProblem} />
        </div>
        <div className="field">
          <label htmlFor="block-reason">Reason</label>
          <textarea
            id="block-reason"
            rows={2}
            required
            maxLength={500}
            value={reason}
            aria-invalid={reasonProblem ? true : undefined}
            aria-describedby={reasonProblem ? 'block-reason-problem' : undefined}
            onChange={(e) => setReason(e.target.value)}
          />
          <FieldProblem id="block-reason-problem" message={reasonProblem} />
        </div>
        <FormProblem problem={step.problem} fields={['days', 'reason']} />
        <div className="staff-actions">
          <button type="submit">Pause…</button>
          <button type="button" className="button-quiet" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
      <ConfirmDialog open={step.confirming} title="Pause this submitter?" confirmLabel="Yes, pause" busyLabel="Pausing…" busy={loading} danger onConfirm={() => void confirm()} onCancel={step.cancel}>
        <p>
          New reports from submitter <code>{report.submitterRef}</code> will be refused for {plural(n, 'day')}.
        </p>
        <p>
          Reason for the audit log: <q>{reason.trim()}</q>
        </p>
      </ConfirmDialog>
    </>
  );
}
