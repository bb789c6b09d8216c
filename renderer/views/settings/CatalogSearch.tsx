import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import type { ResponseOf } from '../../../shared/contract/api.ts';
import { PLATFORM_LABELS } from '../../../shared/model/index.ts';
import { Icon } from '../../components/Icons.tsx';
import { useEngine } from '../../stores/engine.ts';
import { OutcomeNote, useOutcome } from './outcome.tsx';

type CatalogEntry = ResponseOf<'catalog.search'>[number];

/** How long typing pauses before the catalogue is asked: one query per word, not per letter. */
const SEARCH_DELAY_MS = 120;

/**
 * Search-as-you-type over the catalogue, as an ARIA combobox (the APG "list autocomplete"
 * pattern): focus stays in the field, Up/Down move the active option, Enter adds it, Escape
 * closes. Vendors already watched are listed, marked, and cannot be added twice.
 */
export function CatalogSearch({ watched, inputRef }: { watched: ReadonlySet<string>; inputRef?: RefObject<HTMLInputElement | null> }): ReactNode {
  const client = useEngine((s) => s.client);
  const base = useId().replace(/[^A-Za-z0-9_-]/g, '');
  const listId = `${base}-catalog`;
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [results, setResults] = useState<CatalogEntry[] | null>(null);
  const [active, setActive] = useState(-1);
  const [adding, setAdding] = useState(false);
  const { outcome, run, show } = useOutcome();
  const seq = useRef(0);
  const listRef = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (!open || !client) return;
    const mine = ++seq.current;
    const timer = setTimeout(() => {
      void client.catalog.search({ query: query.trim(), limit: 20 }).then((answer) => {
        if (seq.current !== mine) return;
        setResults(answer.ok ? answer.value : []);
        setActive(-1);
      });
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [client, open, query]);

  useEffect(() => {
    if (active < 0) return;
    listRef.current?.querySelector(`#${CSS.escape(`${listId}-${active}`)}`)?.scrollIntoView?.({ block: 'nearest' });
  }, [active, listId]);

  const shown = open && results !== null;
  const expanded = shown && results.length > 0;
  const close = (): void => {
    setOpen(false);
    setActive(-1);
  };

  const add = async (entry: CatalogEntry): Promise<void> => {
    if (!client || adding) return;
    if (watched.has(entry.id)) {
      show({ state: 'error', text: `${entry.name} is already on your watchlist.` });
      return;
    }
    setAdding(true);
    const result = await run(() => client.vendors.add({ idOrUrl: entry.id }), (v) => `Added ${v.name}. Its first check runs in a moment.`, `Adding ${entry.name}…`);
    setAdding(false);
    if (result?.ok) {
      setQuery('');
      close();
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>): void => {
    const count = results?.length ?? 0;
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!open) setOpen(true);
        else if (count) setActive((i) => (i + 1) % count);
        break;
      case 'ArrowUp':
        e.preventDefault();
        if (!open) setOpen(true);
        else if (count) setActive((i) => (i <= 0 ? count - 1 : i - 1));
        break;
      case 'Home':
      case 'End':
        if (expanded && active >= 0) {
          e.preventDefault();
          setActive(e.key === 'Home' ? 0 : count - 1);
        }
        break;
      case 'Enter': {
        const entry = expanded && active >= 0 ? results[active] : undefined;
        if (entry) {
          e.preventDefault();
          void add(entry);
        }
        break;
      }
      case 'Escape':
        if (open) {
          e.preventDefault();
          close();
        } else if (query) {
          e.preventDefault();
          setQuery('');
        }
        break;
      default:
        break;
    }
  };

  return (
    <div className="settings-catalog">
      <label className="field-label" htmlFor={`${base}-input`}>From the catalogue</label>
      <div className="settings-combo">
        <span className="settings-combo-icon" aria-hidden="true"><Icon name="search" /></span>
        <input
          id={`${base}-input`}
          ref={inputRef}
          className="input settings-combo-input"
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
          aria-describedby={`${base}-hint`}
          autoComplete="off"
          spellCheck={false}
          placeholder="GitHub, Stripe, AWS, OpenAI…"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setOpen(true);
          }}
          onFocus={() => query && setOpen(true)}
          onBlur={close}
          onKeyDown={onKeyDown}
        />
        <ul id={listId} ref={listRef} role="listbox" aria-label="Vendors in the catalogue" className="settings-listbox" hidden={!expanded}>
          {(expanded ? results : []).map((entry, i) => {
            const isWatched = watched.has(entry.id);
            return (
              <li
                key={entry.id}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                aria-disabled={isWatched || undefined}
                className={`settings-option${i === active ? ' active' : ''}${isWatched ? ' watched' : ''}`}
                onMouseDown={(e) => e.preventDefault()}
                onMouseMove={() => setActive(i)}
                onClick={() => void add(entry)}
              >
                <span className="settings-option-name truncate">{entry.name}</span>
                <span className="settings-option-meta muted small truncate">{entry.category} · {PLATFORM_LABELS[entry.platform]}</span>
                {isWatched ? <span className="settings-tag">Watching</span> : <span className="settings-option-add" aria-hidden="true">Add</span>}
              </li>
            );
          })}
        </ul>
        {shown && results.length === 0 ? (
          <p className="settings-nomatch">No vendor in the catalogue matches “{query.trim()}”. Paste its status page URL below instead.</p>
        ) : null}
      </div>
      <p id={`${base}-hint`} className="muted small settings-hint">Type a name, then pick with ↑ ↓ and Enter.</p>
      <span className="visually-hidden" role="status" aria-live="polite">
        {shown ? (results.length === 0 ? 'No matches' : `${results.length} vendor${results.length === 1 ? '' : 's'} found`) : ''}
      </span>
      <OutcomeNote outcome={outcome} />
    </div>
  );
}
