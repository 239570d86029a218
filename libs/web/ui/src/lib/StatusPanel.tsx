import type { ReactNode } from 'react';

/** Loading and error states: always words, never a blank screen. */
export function LoadingPanel({ label }: { label: string }) {
  return (
    <div className="panel panel-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}

export function ErrorPanel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="panel panel-error" role="alert">
      <strong>{title}</strong>
      <div>{children}</div>
    </div>
  );
}

export function NoticePanel({ children }: { children: ReactNode }) {
  return (
    <div className="panel panel-notice" role="note">
      {children}
    </div>
  );
}
