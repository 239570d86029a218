import { useQuery } from '@apollo/client/react';
import { KeyboardEvent, useId, useState } from 'react';
import { describeError, SearchIcd10Query } from '@denialmap/web/data-access';
import { MAX_REPORT_DIAGNOSES } from '@denialmap/shared/denial-reports';
import { useDebouncedValue } from './useDebouncedValue';

/**
 * Diagnosis codes by search (ARIA combobox over searchIcd10): type a code or words, pick with the
 * arrow keys and Enter or by clicking. Category headers are listed but cannot be picked, because
 * claims carry a billable code under them.
 */
export function Icd10Picker({ id, codes, onChange, describedBy }: { id: string; codes: readonly string[]; onChange: (codes: string[]) => void; describedBy?: string }) {
  const listId = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [descriptions, setDescriptions] = useState<Record<string, string>>({});
  const query = useDebouncedValue(text.trim(), 300);
  const { data, previousData, loading, error } = useQuery(SearchIcd10Query, { variables: { query, first: 8 }, skip: query.length < 2 });
  const hits = query.length < 2 ? [] : ((data ?? previousData)?.searchIcd10.edges.map((e) => e.node) ?? []);
  const showList = open && hits.length > 0;
  const full = codes.length >= MAX_REPORT_DIAGNOSES;

  const pick = (index: number) => {
    const hit = hits[index];
    if (!hit?.billable || codes.includes(hit.code)) return;
    onChange([...codes, hit.code]);
    setDescriptions({ ...descriptions, [hit.code]: hit.description });
    setText('');
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      if (hits.length > 0) setActive((i) => (event.key === 'ArrowDown' ? (i + 1) % hits.length : (i <= 0 ? hits.length : i) - 1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (showList) pick(active >= 0 ? active : 0);
    } else if (event.key === 'Escape') {
      setOpen(false);
      setActive(-1);
    }
  };

  return (
    <div className="icd10-picker">
      <div className="combobox">
        <input
          id={id}
          role="combobox"
          autoComplete="off"
          placeholder={full ? `At most ${MAX_REPORT_DIAGNOSES}` : 'e.g. J32.9 or chronic sinusitis'}
          disabled={full}
          aria-expanded={showList}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={showList && active >= 0 ? `${listId}-${active}` : undefined}
          aria-describedby={describedBy}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
        />
        {showList && (
          <ul id={listId} role="listbox" className="suggestions" aria-label="Matching ICD-10-CM codes">
            {hits.map((hit, i) => (
              <li
                key={hit.code}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                aria-disabled={!hit.billable || codes.includes(hit.code)}
                className={`${i === active ? 'active' : ''}${hit.billable ? '' : ' not-billable'}`}
                onMouseDown={(e) => {
                  e.preventDefault();
                  pick(i);
                }}
              >
                <strong>{hit.code}</strong> {hit.description}
                {!hit.billable && <span className="hint"> (category: pick a code under it)</span>}
              </li>
            ))}
          </ul>
        )}
      </div>
      <p className="search-status" aria-live="polite">
        {loading && query.length >= 2 ? 'Searching…' : query.length >= 2 && data && hits.length === 0 ? `No ICD-10-CM code matches "${query}".` : ''}
      </p>
      {error && <p className="field-problem">{describeError(error).message}</p>}
      {codes.length > 0 && (
        <ul className="chip-list" aria-label="Diagnosis codes added">
          {codes.map((code) => (
            <li key={code} className="chip-item">
              <span className="chip">
                {code}
                <button type="button" className="chip-remove" aria-label={`Remove ${code}`} onClick={() => onChange(codes.filter((c) => c !== code))}>
                  ×
                </button>
              </span>
              {descriptions[code] && <span className="chip-detail">{descriptions[code]}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
