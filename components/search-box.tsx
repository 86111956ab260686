'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useId, useRef, useState } from 'react';
import { describeMatch, type SearchResponse } from './search-format';
import { useShortcut } from './shortcuts/shortcuts-provider';

// The global search: focus with "/", results as you type (debounced; a new keystroke cancels the
// request in flight), arrow keys and Enter to open a lead.
export function SearchBox() {
  const [text, setText] = useState('');
  const [debounced, setDebounced] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const router = useRouter();
  const listId = useId();

  useEffect(() => {
    const timer = setTimeout(() => setDebounced(text.trim()), 200);
    return () => clearTimeout(timer);
  }, [text]);

  useShortcut('/', () => input.current?.focus());

  const { data, isFetching } = useQuery({
    queryKey: ['search', debounced],
    enabled: debounced.length > 0,
    queryFn: async ({ signal }): Promise<SearchResponse> => {
      const response = await fetch(`/api/search?q=${encodeURIComponent(debounced)}`, { signal });
      if (!response.ok) throw new Error('Search failed');
      return response.json();
    },
  });
  const results = debounced && data ? data.results : [];
  const open = text.trim().length > 0 && debounced.length > 0;

  return (
    <div className="search" role="search">
      <label htmlFor="global-search" className="visually-hidden">Search leads</label>
      <input
        id="global-search"
        ref={input}
        type="search"
        placeholder="Search name, phone, email  ( / )"
        autoComplete="off"
        role="combobox"
        aria-keyshortcuts="/"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={results[active] ? `${listId}-${active}` : undefined}
        value={text}
        onChange={(event) => { setText(event.target.value); setActive(0); }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') { event.preventDefault(); setActive((i) => Math.min(i + 1, results.length - 1)); }
          if (event.key === 'ArrowUp') { event.preventDefault(); setActive((i) => Math.max(i - 1, 0)); }
          if (event.key === 'Enter' && results[active]) { router.push(`/leads/${results[active].leadId}`); setText(''); }
          if (event.key === 'Escape') setText('');
        }}
      />
      {open && (
        <div className="search-results">
          {data?.query.kind === 'too-short' && <p className="muted">{data.query.reason}</p>}
          {data && data.query.kind !== 'too-short' && results.length === 0 && !isFetching && <p className="muted">No lead matches “{debounced}”.</p>}
          <ul id={listId} role="listbox" aria-label="Matching leads">
            {results.map((result, index) => (
              <li key={result.leadId} id={`${listId}-${index}`} role="option" aria-selected={index === active}>
                <Link href={`/leads/${result.leadId}`} onClick={() => setText('')}>
                  <strong>{result.name}</strong> <span className="muted">· {result.status}</span>
                  <span className={result.matched.current ? 'match' : 'match previous'}>{describeMatch(result.matched)}</span>
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
