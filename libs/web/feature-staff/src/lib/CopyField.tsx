import { useRef, useState } from 'react';

/** A secret or link shown once: read-only, selected on focus, with a Copy button that says whether it worked. */
export function CopyField({ id, label, value, testId }: { id: string; label: string; value: string; testId?: string }) {
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<string>('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('Copied.');
    } catch {
      // No clipboard permission (or not a secure context): select it so Ctrl+C / long-press works.
      input.current?.select();
      setCopied('Selected: press Ctrl+C (or ⌘C) to copy.');
    }
  };
  return (
    <div className="field copy-field">
      <label htmlFor={id}>{label}</label>
      <div className="inline-entry">
        <input id={id} ref={input} readOnly value={value} spellCheck={false} data-testid={testId} onFocus={(e) => e.currentTarget.select()} />
        <button type="button" onClick={() => void copy()}>
          Copy
        </button>
      </div>
      <p className="fine-print" role="status">
        {copied}
      </p>
    </div>
  );
}
