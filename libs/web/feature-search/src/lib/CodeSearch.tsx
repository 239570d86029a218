import { useQuery } from '@apollo/client/react';
import { FormEvent, KeyboardEvent, useEffect, useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { describeError, SearchCodesQuery } from '@denialmap/web/data-access';
import { directCode, isSearchable, nextIndex } from './search-input';

const DEBOUNCE_MS = 150;

/**
 * Search box with suggestions as you type (ARIA combobox): a code or its first digits, or words of
 * the descriptor. Arrow keys move through suggestions, Enter opens one, Escape closes the list.
 */
export function CodeSearch() {
  const navigate = useNavigate();
  const listId = useId();
  const [input, setInput] = useState('');
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    const timer = setTimeout(() => setQuery(isSearchable(input) ? input.trim() : ''), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [input]);

  const { data, previousData, error, loading } = useQuery(SearchCodesQuery, { variables: { query, first: 8 }, skip: query === '' });
  const hits = query === '' ? [] : ((data ?? previousData)?.searchCodes.edges.map((e) => e.node) ?? []);
  const showList = open && hits.length > 0;

  function go(code: string) {
    setOpen(false);
    navigate(`/codes/${code}`);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (showList && active >= 0) return go(hits[active].code);
    const code = directCode(input);
    if (code) return go(code);
    if (hits.length > 0) return go(hits[0].code);
    setProblem(isSearchable(input) ? `Nothing matches "${input.trim()}". Try a code (70390) or other words.` : 'Type a code or at least two letters of a description.');
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      setActive((current) => nextIndex(current, hits.length, event.key as 'ArrowDown' | 'ArrowUp'));
    } else if (event.key === 'Escape') {
      setOpen(false);
      setActive(-1);
    }
  }

  return (
    <form className="code-search" onSubmit={submit} noValidate role="search">
      <label htmlFor="code">CPT/HCPCS code or description</label>
      <div className="code-search-row">
        <div className="combobox">
          <input
            id="code"
            name="code"
            autoComplete="off"
            placeholder="70390 or salivary duct"
            role="combobox"
            aria-expanded={showList}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={showList && active >= 0 ? `${listId}-${active}` : undefined}
            aria-invalid={problem !== null}
            aria-describedby={problem ? 'code-problem' : undefined}
            value={input}
            onChange={(e) => {
              setInput(e.target.value);
              setOpen(true);
              setActive(-1);
              setProblem(null);
            }}
            onKeyDown={onKeyDown}
            onBlur={() => setTimeout(() => setOpen(false), 150)}
          />
          {showList && (
            <ul id={listId} role="listbox" className="suggestions" aria-label="Matching codes">
              {hits.map((hit, i) => (
                <li
                  key={hit.code}
                  id={`${listId}-${i}`}
                  role="option"
                  aria-selected={i === active}
                  className={i === active ? 'active' : ''}
                  onMouseDown={(e) => {
                    e.preventDefault();
                    go(hit.code);
                  }}
                >
                  <strong>{hit.code}</strong> {hit.shortDescriptor}
                  {hit.statusCode === null && <span className="hint"> (not on the physician fee schedule)</span>}
                </li>
              ))}
            </ul>
          )}
        </div>
        <button type="submit">Look up</button>
      </div>
      <p className="field-hint" aria-live="polite">
        {loading && query ? 'Searching…' : query && data ? `${data.searchCodes.totalCount} matching code${data.searchCodes.totalCount === 1 ? '' : 's'}` : ''}
      </p>
      {error && <p className="field-problem">{describeError(error).message}</p>}
      {problem && (
        <p id="code-problem" className="field-problem" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
