import { ReactNode, useState } from 'react';
import { addChips } from './chip-codes';

interface ChipsInputProps {
  id: string;
  chips: readonly string[];
  onChange: (chips: string[]) => void;
  max: number;
  normalise: (raw: string) => string | null;
  /** "a modifier": completes "… is not a modifier". */
  what: string;
  placeholder: string;
  /** Names the list of chips for screen readers, e.g. "Modifiers added". */
  listLabel: string;
  describedBy?: string;
  invalid?: boolean;
  /** Words after a chip, e.g. its X12 description. */
  detail?: (chip: string) => ReactNode;
}

/**
 * Codes as removable chips: type one or several (comma or space between) and press Enter or Add;
 * leaving the box adds what was typed too, so nothing typed is silently lost.
 */
export function ChipsInput({ id, chips, onChange, max, normalise, what, placeholder, listLabel, describedBy, invalid, detail }: ChipsInputProps) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const add = () => {
    if (text.trim() === '') return;
    const result = addChips(chips, text, max, normalise, what);
    onChange(result.list);
    setProblem(result.problem);
    setText('');
  };
  return (
    <div className="chips-input">
      <div className="chips-entry">
        <input
          id={id}
          value={text}
          placeholder={placeholder}
          autoComplete="off"
          aria-describedby={[describedBy, problem ? `${id}-chip-problem` : ''].filter(Boolean).join(' ') || undefined}
          aria-invalid={invalid || problem !== null}
          disabled={chips.length >= max}
          onChange={(e) => setText(e.target.value)}
          onBlur={add}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <button type="button" className="secondary" onClick={add} disabled={chips.length >= max}>
          Add
        </button>
      </div>
      {problem && (
        <p id={`${id}-chip-problem`} className="field-problem" role="alert">
          {problem}
        </p>
      )}
      {chips.length > 0 && (
        <ul className="chip-list" aria-label={listLabel}>
          {chips.map((chip) => (
            <li key={chip} className="chip-item">
              <span className="chip">
                {chip}
                <button type="button" className="chip-remove" aria-label={`Remove ${chip}`} onClick={() => onChange(chips.filter((c) => c !== chip))}>
                  ×
                </button>
              </span>
              {detail && <span className="chip-detail">{detail(chip)}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
