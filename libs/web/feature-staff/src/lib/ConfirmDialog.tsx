import { ReactNode, useEffect, useId, useRef } from 'react';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  /** What will happen, in words (and any last input, e.g. a required reason). */
  children: ReactNode;
  confirmLabel: string;
  busyLabel?: string;
  busy?: boolean;
  /** The server's refusal, shown inside the dialog. */
  problem?: string | null;
  /** A destructive action gets the warning colour. */
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * The confirmation step before a staff action: a native modal <dialog> (focus moves into it and
 * stays there: the first field, else "Go back"; Escape cancels; focus returns to the button that
 * opened it). The confirm button is a form submit (Enter in a field confirms); the caller checks
 * any field inside and says what is wrong in words.
 */
export function ConfirmDialog({ open, title, children, confirmLabel, busyLabel, busy = false, problem, danger = false, onConfirm, onCancel }: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby={`${id}-title`}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onCancel();
      }}
    >
      {open && (
        <form
          method="dialog"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!busy) onConfirm();
          }}
        >
          <h2 id={`${id}-title`}>{title}</h2>
          <div className="confirm-body">{children}</div>
          {problem && (
            <p className="field-problem" role="alert">
              {problem}
            </p>
          )}
          <div className="confirm-actions">
            <button type="button" className="button-quiet" onClick={onCancel} disabled={busy}>
              Go back
            </button>
            <button type="submit" className={danger ? 'button-danger' : undefined} disabled={busy}>
              {busy ? (busyLabel ?? 'Working…') : confirmLabel}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
