import { useMutation, useQuery } from '@apollo/client/react';
import { FormEvent, ReactNode, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { CreateCuratedTipMutation, CuratedTipFieldsFragment, CuratedTipsQuery, RetireCuratedTipMutation, TipTopic, UpdateCuratedTipMutation } from '@denialmap/web/data-access';
import { LoadingPanel } from '@denialmap/web/ui';
import { ConfirmDialog } from './ConfirmDialog';
import { ProblemPanel } from './ProblemPanel';
import { fieldProblem, problemWords, StaffProblem, staffProblem } from './staff-error';
import {
  changesTip,
  codeRangeWords,
  emptyTipDraft,
  firstProblemField,
  isTipTopic,
  looksLikeCode,
  normalCode,
  rangeIncludes,
  readTipDraft,
  TipDraft,
  tipCountWords,
  tipDraftOf,
  TipField,
  tipFieldOf,
  TipProblems,
} from './tip-words';
import { TIP_TOPICS, when } from './words';

type Tip = CuratedTipFieldsFragment;
const TOPICS = Object.keys(TIP_TOPICS) as TipTopic[];
const REFETCH = { refetchQueries: ['CuratedTips'], awaitRefetchQueries: true };

/** "the code page for 71250" or "the code pages for 70010 to 76499". */
const pagesOf = (tip: Tip) => `the code page${tip.codeTo !== tip.codeFrom ? 's' : ''} for ${codeRangeWords(tip)}`;

/**
 * /staff/tips: the tips DenialMap editors write for a code or a range, shown on the code pages
 * beside the rule-derived and community tips. Add, edit and retire, each audited; the filters
 * (code, retired shown) live in the URL like the queue's.
 */
export function TipsPage() {
  const [params, setParams] = useSearchParams();
  const typedCode = normalCode(params.get('code') ?? '');
  const code = looksLikeCode(typedCode) ? typedCode : null;
  const includeRetired = params.get('retired') === '1';
  const [codeDraft, setCodeDraft] = useState(code ?? '');
  const [codeProblem, setCodeProblem] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [retiring, setRetiring] = useState<Tip | null>(null);
  // Adding and retiring take away the control that was used, so focus goes to what happened instead.
  const [done, setDone] = useState<{ text: string; showCode: string | null } | null>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);
  const addButtonRef = useRef<HTMLButtonElement>(null);
  const [focusAddButton, setFocusAddButton] = useState(0);
  const { data, loading, error, refetch } = useQuery(CuratedTipsQuery, { variables: { code, includeRetired }, fetchPolicy: 'cache-and-network', notifyOnNetworkStatusChange: true });
  const tips = data?.curatedTips;

  useEffect(() => {
    document.title = 'Billing tips | DenialMap staff';
  }, []);
  // Back and forward change the URL under the typed code.
  useEffect(() => setCodeDraft(code ?? ''), [code]);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);
  useEffect(() => {
    if (focusAddButton) addButtonRef.current?.focus();
  }, [focusAddButton]);

  const setFilter = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next);
  };
  const applyCode = (e: FormEvent) => {
    e.preventDefault();
    const typed = normalCode(codeDraft);
    if (typed && !looksLikeCode(typed)) {
      setCodeProblem('A code has 5 letters or digits, e.g. 70390.');
      document.getElementById('tips-code')?.focus();
      return;
    }
    setCodeProblem(null);
    setFilter('code', typed || null);
  };
  const added = (tip: Tip) => {
    setAdding(false);
    setDone({
      text: `Tip added for ${codeRangeWords(tip)}: “${tip.title}”. It shows on ${pagesOf(tip)} now.`,
      // The list below may be filtered to other codes; one click shows the new tip.
      showCode: code && !rangeIncludes(tip, code) ? tip.codeFrom : null,
    });
  };

  return (
    <section aria-labelledby="staff-tips-heading">
      <h1 id="staff-tips-heading">Billing tips</h1>
      <p className="lede-small">
        Advice from DenialMap editors for one code or a range, shown in the billing tips of the code pages beside the tips from CMS rules and billers’ reports. Every tip
        names its source; every change goes in the audit log.
      </p>
      <div role="status" data-testid="tips-done">
        {done && (
          <p className="panel panel-ok" tabIndex={-1} ref={doneRef}>
            {done.text}
            {done.showCode && (
              <>
                {' '}
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    setFilter('code', done.showCode);
                    // The button goes once used; the message takes the focus back.
                    setDone({ text: done.text, showCode: null });
                  }}
                >
                  Show the tips for {done.showCode}
                </button>
              </>
            )}
          </p>
        )}
      </div>
      {adding ? (
        <section className="staff-card" aria-labelledby="tip-new-heading">
          <h2 id="tip-new-heading">Add a tip</h2>
          <TipForm
            idPrefix="tip-new"
            initial={emptyTipDraft(code ?? '')}
            onSaved={added}
            onCancel={() => {
              setAdding(false);
              setFocusAddButton((n) => n + 1);
            }}
          />
        </section>
      ) : (
        <p>
          <button
            type="button"
            ref={addButtonRef}
            onClick={() => {
              setDone(null);
              setAdding(true);
            }}
          >
            Add a tip
          </button>
        </p>
      )}

      <h2 id="staff-tips-list-heading">Tips on file</h2>
      <form className="staff-filters staff-tips-filters" onSubmit={applyCode} aria-label="Filter the tips">
        <div className="field">
          <label htmlFor="tips-code">Tips for code</label>
          <div className="inline-entry">
            <input
              id="tips-code"
              autoComplete="off"
              spellCheck={false}
              maxLength={5}
              placeholder="e.g. 70390"
              value={codeDraft}
              aria-invalid={codeProblem ? true : undefined}
              aria-describedby={codeProblem ? 'tips-code-problem' : 'tips-code-help'}
              onChange={(e) => setCodeDraft(e.target.value)}
            />
            <button type="submit" className="button-quiet">
              Show
            </button>
          </div>
          {codeProblem ? (
            <p id="tips-code-problem" className="field-problem">
              {codeProblem}
            </p>
          ) : (
            <p id="tips-code-help" className="field-help">
              Includes the ranges that cover it. Empty: every code.
            </p>
          )}
        </div>
        <div className="field field-checks">
          <label>
            <input type="checkbox" checked={includeRetired} onChange={(e) => setFilter('retired', e.target.checked ? '1' : null)} /> Include retired tips
          </label>
        </div>
      </form>

      {error && !tips && <ProblemPanel title="The tips could not be loaded" error={error} onRetry={() => void refetch().catch(() => undefined)} />}
      {!tips && !error && <LoadingPanel label="Loading the tips…" />}
      {tips && (
        <>
          <p className="queue-count" role="status" data-testid="tips-count">
            {tipCountWords(tips, code, includeRetired)} {loading && <span className="fine-print">Refreshing…</span>}
          </p>
          {tips.length > 0 && (
            <ul className="staff-tip-list" aria-labelledby="staff-tips-list-heading">
              {tips.map((tip) => (
                <TipRow
                  key={tip.id}
                  tip={tip}
                  onRetire={() => {
                    setDone(null);
                    setRetiring(tip);
                  }}
                />
              ))}
            </ul>
          )}
        </>
      )}
      {retiring && (
        <RetireDialog
          key={retiring.id}
          tip={retiring}
          onClose={(message) => {
            setRetiring(null);
            if (message) setDone({ text: message, showCode: null });
          }}
        />
      )}
    </section>
  );
}

function TipRow({ tip, onRetire }: { tip: Tip; onRetire: () => void }) {
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const editRef = useRef<HTMLButtonElement>(null);
  const [focusEdit, setFocusEdit] = useState(0);
  useEffect(() => {
    if (focusEdit) editRef.current?.focus();
  }, [focusEdit]);
  const retired = tip.status === 'RETIRED';
  const close = (message: string | null) => {
    setEditing(false);
    setSaved(message);
    setFocusEdit((n) => n + 1);
  };

  return (
    <li className={`staff-tip${retired ? ' staff-tip-retired' : ''}`} data-testid="tip-row" data-tip-id={tip.id}>
      <div className="staff-tip-head">
        <h3>{tip.title}</h3>
        <span className={`status-chip status-${retired ? 'retired' : 'active'}`} data-testid="tip-status">
          {retired ? 'Retired' : 'Active'}
        </span>
        {tip.shipped && <span className="status-chip">Shipped with DenialMap</span>}
      </div>
      <p className="staff-tip-meta">
        <span>
          {tip.codeTo !== tip.codeFrom ? 'Codes' : 'Code'} <strong className="code-number">{codeRangeWords(tip)}</strong>
        </span>
        <span>Topic: {TIP_TOPICS[tip.topic] ?? tip.topic}</span>
      </p>
      {editing ? (
        <TipForm idPrefix={`tip-${tip.id}`} tip={tip} initial={tipDraftOf(tip)} onSaved={(saved) => close(`Saved: ${pagesOf(saved)} shows this version now.`)} onCancel={() => close(null)} />
      ) : (
        <>
          <p className="staff-tip-advice">{tip.advice}</p>
          <dl className="staff-tip-facts">
            <dt>Source</dt>
            <dd>{tip.source}</dd>
            {tip.impactStatement && (
              <>
                <dt>Impact</dt>
                <dd>
                  {tip.impactStatement}
                  {tip.impactBasis && <span className="staff-tip-basis">Basis: {tip.impactBasis}</span>}
                </dd>
              </>
            )}
            <dt>Last updated</dt>
            <dd>{when(tip.updatedAt)}</dd>
            {retired && (
              <>
                <dt>Retired</dt>
                <dd>{when(tip.retiredAt)}</dd>
              </>
            )}
          </dl>
          {!retired && (
            <div className="staff-actions">
              <button
                type="button"
                className="button-quiet"
                ref={editRef}
                onClick={() => {
                  setSaved(null);
                  setEditing(true);
                }}
              >
                Edit<span className="visually-hidden"> “{tip.title}”</span>
              </button>
              <button type="button" className="button-quiet" onClick={onRetire}>
                Retire<span className="visually-hidden"> “{tip.title}”</span>…
              </button>
            </div>
          )}
        </>
      )}
      <div role="status">
        {saved && (
          <p className="panel panel-ok" data-testid="tip-saved">
            {saved}
          </p>
        )}
      </div>
    </li>
  );
}

interface TipFormProps {
  /** Prefix of the field ids: several forms can be open on the page at once. */
  idPrefix: string;
  initial: TipDraft;
  /** The tip being edited; none when adding. */
  tip?: Tip;
  onSaved: (tip: Tip) => void;
  onCancel: () => void;
}

/**
 * Adding and editing share the form. What is missing is said before anything is sent; everything
 * else is the server's to judge, and a refusal it pins on a field (input.source...) is shown
 * beside that field, which gets the focus.
 */
function TipForm({ idPrefix, initial, tip, onSaved, onCancel }: TipFormProps) {
  const [draft, setDraft] = useState<TipDraft>(initial);
  const [note, setNote] = useState('');
  const [checks, setChecks] = useState<TipProblems>({});
  const [problem, setProblem] = useState<StaffProblem | null>(null);
  const [unchanged, setUnchanged] = useState(false);
  // A new object each time, so the same field is focused again after a second refusal.
  const [focusTarget, setFocusTarget] = useState<{ id: string } | null>(null);
  const [create, creating] = useMutation(CreateCuratedTipMutation, REFETCH);
  const [update, updating] = useMutation(UpdateCuratedTipMutation, REFETCH);
  const busy = creating.loading || updating.loading;
  const firstRef = useRef<HTMLInputElement>(null);
  const fieldId = (name: TipField | 'note') => `${idPrefix}-${name}`;
  useEffect(() => {
    if (focusTarget) document.getElementById(focusTarget.id)?.focus();
  }, [focusTarget]);
  // The form takes the focus from the button that opened it.
  useEffect(() => firstRef.current?.focus(), []);

  const set = (name: keyof TipDraft, value: string) => setDraft((d) => ({ ...d, [name]: value }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    setUnchanged(false);
    const { problems, input } = readTipDraft(draft);
    setChecks(problems);
    const first = firstProblemField(problems);
    if (!input) {
      if (first) setFocusTarget({ id: fieldId(first) });
      return;
    }
    if (tip && !changesTip(tip, input)) {
      setUnchanged(true);
      setFocusTarget({ id: fieldId('title') });
      return;
    }
    try {
      if (tip) {
        const { data } = await update({ variables: { id: tip.id, input, note: note.trim() || null } });
        if (data) onSaved(data.updateCuratedTip);
      } else {
        const { data } = await create({ variables: { input } });
        if (data) onSaved(data.createCuratedTip);
      }
    } catch (error) {
      const found = staffProblem(error);
      setProblem(found);
      const field = found.code === 'BAD_USER_INPUT' ? (tipFieldOf(found.field) ?? (tip && found.field === 'note' ? 'note' : null)) : null;
      if (field) setFocusTarget({ id: fieldId(field) });
    }
  };

  const problemOf = (name: TipField): string | null => checks[name] ?? fieldProblem(problem, `input.${name}`);
  const noteProblem = tip ? fieldProblem(problem, 'note') : null;
  const pinned = problem?.code === 'BAD_USER_INPUT' && (tipFieldOf(problem.field) !== null || (tip !== undefined && problem.field === 'note'));
  const formProblem = problem && !pinned ? problemWords(problem) : null;
  const text = (name: Exclude<TipField, 'topic'>) => ({ value: draft[name], onChange: (e: { target: { value: string } }) => set(name, e.target.value) });

  return (
    <form className="staff-form staff-tip-form" onSubmit={(e) => void submit(e)} noValidate data-testid="tip-form" aria-label={tip ? `Edit “${tip.title}”` : 'New tip'}>
      <div className="staff-tip-codes">
        <FormField prefix={idPrefix} name="codeFrom" label="Code" help="5 characters, e.g. 70390. For a range, its first code." problem={problemOf('codeFrom')}>
          {(a11y) => <input {...a11y} {...text('codeFrom')} ref={firstRef} required autoComplete="off" spellCheck={false} maxLength={5} />}
        </FormField>
        <FormField
          prefix={idPrefix}
          name="codeTo"
          label={
            <>
              Last code of a range <span className="optional">(optional)</span>
            </>
          }
          help="For a range only, e.g. 76499: the tip shows on every code from the first to this one."
          problem={problemOf('codeTo')}
        >
          {(a11y) => <input {...a11y} {...text('codeTo')} autoComplete="off" spellCheck={false} maxLength={5} />}
        </FormField>
        <FormField prefix={idPrefix} name="topic" className="staff-tip-topic" label="Topic" problem={problemOf('topic')}>
          {(a11y) => (
            <select {...a11y} required value={draft.topic} onChange={(e) => set('topic', isTipTopic(e.target.value) ? e.target.value : '')}>
              <option value="">Choose a topic</option>
              {TOPICS.map((t) => (
                <option key={t} value={t}>
                  {TIP_TOPICS[t]}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <FormField prefix={idPrefix} name="title" label="Title" help="5 to 120 characters: what to do, in a few words." problem={problemOf('title')}>
        {(a11y) => <input {...a11y} {...text('title')} required autoComplete="off" maxLength={120} />}
      </FormField>
      <FormField prefix={idPrefix} name="advice" label="Advice" help="20 to 1,500 characters: what to do and why, for a biller reading the code page. No patient information." problem={problemOf('advice')}>
        {(a11y) => <textarea {...a11y} {...text('advice')} required rows={5} maxLength={1500} />}
      </FormField>
      <FormField prefix={idPrefix} name="source" label="Source" help="Where the advice comes from: manual and section, MAC article, CPT guideline, file and field (5 to 500 characters)." problem={problemOf('source')}>
        {(a11y) => <textarea {...a11y} {...text('source')} required rows={2} maxLength={500} />}
      </FormField>
      <fieldset className="staff-tip-impact" aria-describedby={`${idPrefix}-impact-help`}>
        <legend>
          What is at stake <span className="optional">(optional)</span>
        </legend>
        <p id={`${idPrefix}-impact-help`} className="field-help staff-tip-impact-help">
          Money or an outcome a biller can check: a statement only with its basis, so both or neither.
        </p>
        <FormField prefix={idPrefix} name="impactStatement" label="Impact statement" help="5 to 300 characters, e.g. “A global claim for a hospital patient is cut from $109.65 to $17.47”." problem={problemOf('impactStatement')}>
          {(a11y) => <textarea {...a11y} {...text('impactStatement')} rows={2} maxLength={300} />}
        </FormField>
        <FormField prefix={idPrefix} name="impactBasis" label="Basis" help="5 to 500 characters: the figures, file or rule it rests on, e.g. “CMS MPFS RVU25D national amounts, CF 32.3465”." problem={problemOf('impactBasis')}>
          {(a11y) => <textarea {...a11y} {...text('impactBasis')} rows={2} maxLength={500} />}
        </FormField>
      </fieldset>
      {tip && (
        <FormField
          prefix={idPrefix}
          name="note"
          label={
            <>
              Note for the audit log <span className="optional">(optional)</span>
            </>
          }
          help="Why it changed, for whoever reads the log later. No patient information."
          problem={noteProblem}
        >
          {(a11y) => <textarea {...a11y} value={note} onChange={(e) => setNote(e.target.value)} rows={2} maxLength={500} />}
        </FormField>
      )}
      {unchanged && (
        <p className="field-problem" role="alert">
          Nothing has changed yet: edit the tip, or cancel.
        </p>
      )}
      {formProblem && (
        <p className="field-problem" role="alert" data-testid="tip-form-problem">
          The tip was not saved: {formProblem}
        </p>
      )}
      <div className="staff-actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Saving…' : tip ? 'Save changes' : 'Add the tip'}
        </button>
        <button type="button" className="button-quiet" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}

interface A11yProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

interface FormFieldProps {
  prefix: string;
  name: TipField | 'note';
  label: ReactNode;
  help?: string;
  problem: string | null;
  className?: string;
  children: (a11y: A11yProps) => ReactNode;
}

/** A labelled field with its help, and the problem (when there is one) said beside it. */
function FormField({ prefix, name, label, help, problem, className, children }: FormFieldProps) {
  const id = `${prefix}-${name}`;
  const describedBy = [help ? `${id}-help` : null, problem ? `${id}-problem` : null].filter(Boolean).join(' ');
  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': problem ? true : undefined, 'aria-describedby': describedBy || undefined })}
      {help && (
        <p id={`${id}-help`} className="field-help">
          {help}
        </p>
      )}
      {problem && (
        <p id={`${id}-problem`} className="field-problem" data-testid={`tip-${name}-problem`}>
          {problem}
        </p>
      )}
    </div>
  );
}

function RetireDialog({ tip, onClose }: { tip: Tip; onClose: (message: string | null) => void }) {
  const [reason, setReason] = useState('');
  const [check, setCheck] = useState<string | null>(null);
  const [problem, setProblem] = useState<StaffProblem | null>(null);
  const [retire, { loading }] = useMutation(RetireCuratedTipMutation, REFETCH);
  const confirm = async () => {
    setProblem(null);
    if (reason.trim().length < 3) {
      setCheck('Say why (at least 3 characters); it goes in the audit log.');
      document.getElementById('retire-reason')?.focus();
      return;
    }
    setCheck(null);
    try {
      await retire({ variables: { id: tip.id, reason: reason.trim() } });
      onClose(`“${tip.title}” is retired: it no longer shows on ${pagesOf(tip)}. The reason is in the audit log.`);
    } catch (error) {
      setProblem(staffProblem(error));
      document.getElementById('retire-reason')?.focus();
    }
  };
  const reasonProblem = check ?? fieldProblem(problem, 'reason');
  return (
    <ConfirmDialog
      open
      title={`Retire “${tip.title}”?`}
      confirmLabel="Yes, retire it"
      busyLabel="Retiring…"
      busy={loading}
      danger
      problem={problem && !fieldProblem(problem, 'reason') ? problemWords(problem) : null}
      onConfirm={() => void confirm()}
      onCancel={() => onClose(null)}
    >
      <p>
        It stops showing on {pagesOf(tip)} at once. It stays listed here under “Include retired tips” but cannot be brought back; add it again if it is needed later.
      </p>
      <div className="field">
        <label htmlFor="retire-reason">Reason (kept in the audit log)</label>
        <textarea
          id="retire-reason"
          rows={2}
          required
          maxLength={500}
          value={reason}
          aria-invalid={reasonProblem ? true : undefined}
          aria-describedby={reasonProblem ? 'retire-reason-problem' : undefined}
          onChange={(e) => setReason(e.target.value)}
        />
        {reasonProblem && (
          <p id="retire-reason-problem" className="field-problem" data-testid="retire-reason-problem">
            {reasonProblem}
          </p>
        )}
      </div>
    </ConfirmDialog>
  );
}
