import type { ReactNode } from 'react';
import { FIELD_LABELS } from './field-labels';
import type { ReportFormState } from './report-form-state';

/** What each group of report fields gets from the form. */
export interface ReportFieldsProps {
  form: ReportFormState;
  update: (change: Partial<ReportFormState>) => void;
  problems: Record<string, string[]>;
}

/** Element id of a report field, so the problem summary can link to it. */
export const fieldId = (field: keyof ReportFormState) => `report-${field}`;

interface FormFieldProps {
  field: keyof ReportFormState;
  hint?: ReactNode;
  optional?: boolean;
  problems?: readonly string[];
  className?: string;
  /** Renders the control with the ids that describe it and whether it is in error. */
  children: (control: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
}

/** A labelled control with its hint and, beside it, every problem the checks or the API named. */
export function FormField({ field, hint, optional, problems = [], className, children }: FormFieldProps) {
  const id = fieldId(field);
  const describedBy = [hint ? `${id}-hint` : '', problems.length > 0 ? `${id}-problem` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>
        {FIELD_LABELS[field]}
        {optional && <span className="optional"> (optional)</span>}
      </label>
      {children({ id, describedBy, invalid: problems.length > 0 })}
      {hint && (
        <div id={`${id}-hint`} className="field-help">
          {hint}
        </div>
      )}
      {problems.length > 0 && (
        <div id={`${id}-problem`} className="field-problem" data-testid={`problem-${field}`}>
          {problems.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </div>
      )}
    </div>
  );
}
