import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Icon } from './Icons.tsx';
import type { Query } from '../lib/use-query.ts';
import { useEngine } from '../stores/engine.ts';

/** How long typing pauses before the words are searched: long enough not to search every key. */
export const SEARCH_DEBOUNCE_MS = 200;

/**
 * A search box that searches as you type (after a short pause) and at once on Enter. `value` is
 * the committed query (from the hash): when it changes from elsewhere (a "Clear" button, a link),
 * the box follows; while the person types, the box keeps their text, spaces and all.
 */
export function SearchBox({ id, label, value, placeholder, onCommit }: {
  id: string;
  label: string;
  value: string;
  placeholder?: string;
  onCommit: (query: string) => void;
}): ReactNode {
  const [text, setText] = useState(value);
  const committed = useRef(value);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const commitRef = useRef(onCommit);
  commitRef.current = onCommit;

  useEffect(() => {
    if (value !== committed.current) {
      committed.current = value;
      setText(value);
    }
  }, [value]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const commit = (raw: string): void => {
    clearTimeout(timer.current);
    const next = raw.trim();
    if (next === committed.current) return;
    committed.current = next;
    commitRef.current(next);
  };

  return (
    <form role="search" aria-label={label} className="search-box" onSubmit={(e) => { e.preventDefault(); commit(text); }}>
      <label htmlFor={id} className="field-label">{label}</label>
      <div className="search-box-input">
        <Icon name="search" />
        <input
          id={id}
          className="input"
          type="search"
          value={text}
          placeholder={placeholder}
          maxLength={500}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => {
            const next = e.target.value;
            setText(next);
            clearTimeout(timer.current);
            timer.current = setTimeout(() => commit(next), SEARCH_DEBOUNCE_MS);
          }}
        />
      </div>
    </form>
  );
}

/** The watched vendors plus "All vendors"; a vendor from a link that is no longer watched stays selectable. */
export function VendorSelect({ id, value, onChange }: { id: string; value: string; onChange: (vendorId: string) => void }): ReactNode {
  const vendors = useEngine((s) => s.vendors);
  const known = vendors.some((v) => v.source.id === value);
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">Vendor</label>
      <select id={id} className="select" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">All vendors</option>
        {vendors.map((v) => <option key={v.source.id} value={v.source.id}>{v.source.name}</option>)}
        {value && !known ? <option value={value}>{value}</option> : null}
      </select>
    </div>
  );
}

/** A vendor's display name from the watchlist, or its id when it is not watched any more. */
export function useVendorName(): (id: string) => string {
  const vendors = useEngine((s) => s.vendors);
  return (id) => vendors.find((v) => v.source.id === id)?.source.name ?? id;
}

export interface StickyQuery<T> extends Query<T> {
  /** True while a newer answer is on its way and the previous one is still shown. */
  updating: boolean;
}

/**
 * Keep the previous answer on screen while the next one loads (a new word typed, "Show more"):
 * results that blink to a spinner on every key are hard to read.
 */
export function useSticky<T>(query: Query<T>): StickyQuery<T> {
  const [last, setLast] = useState<T | undefined>(query.data);
  if (query.data !== undefined && query.data !== last) setLast(query.data);
  const data = query.data ?? last;
  return { ...query, data, loading: query.loading && data === undefined, updating: query.loading && data !== undefined };
}
