import { useState, type ReactNode } from 'react';
import type { IncidentRecord, SearchHit } from '../../../shared/contract/history.ts';
import { isIncidentClosed } from '../../../shared/model/index.ts';
import { hrefs } from '../../app/routes.ts';
import { ImpactBadge } from '../../components/Status.tsx';
import { EmptyState, ErrorNote, Loading } from '../../components/States.tsx';
import { Time, useNow } from '../../components/Time.tsx';
import { STAGE_LABELS } from '../../lib/stages.ts';
import { formatDuration } from '../../lib/time.ts';
import { useQuery } from '../../lib/use-query.ts';
import { useSticky, useVendorName } from '../../components/SearchControls.tsx';
import { describeFilters, hasFilters, requestWindow, type HistoryFilters } from './filters.ts';
import { Snippet } from './Snippet.tsx';

const SEARCH_PAGE = 25;
const SEARCH_MAX = 200;
const LIST_PAGE = 25;
const LIST_MAX = 500;

export const FIELD_LABELS: Record<SearchHit['field'], string> = { title: 'In the title', update: 'In an update', postmortem: 'In the postmortem' };

interface ResultsProps {
  filters: HistoryFilters;
  onClearFilters: () => void;
  onClearSearch: () => void;
}

/** Full-text matches, one entry per incident with each place its words matched. */
export function SearchResults({ filters, onClearFilters, onClearSearch }: ResultsProps): ReactNode {
  const [limit, setLimit] = usePaging(JSON.stringify(filters), SEARCH_PAGE);
  const request = {
    query: filters.q,
    ...(filters.vendor ? { vendorId: filters.vendor } : {}),
    ...requestWindow(filters),
    ...(filters.impacts.length ? { impacts: filters.impacts } : {}),
    limit,
  };
  const query = useSticky(useQuery(`history-search:${JSON.stringify(request)}`, (c) => c.history.search(request)));
  if (query.loading) return <Loading what="matches" />;
  if (!query.data) return <ErrorNote title="The search failed." message={query.error ?? 'Unknown error'} retry={query.reload} />;
  const hits = query.data;
  if (hits.length === 0) return <NoResults filters={filters} onClearFilters={onClearFilters} onClearSearch={onClearSearch} />;
  const groups = groupByIncident(hits);
  const more = hits.length >= limit && limit < SEARCH_MAX;
  return (
    <>
      <p className="history-summary muted" role="status">
        {query.updating ? 'Searching…' : `${hits.length}${hits.length >= limit ? '+' : ''} match${hits.length === 1 ? '' : 'es'} in ${groups.length} incident${groups.length === 1 ? '' : 's'}, best first`}
      </p>
      <ul className="history-hits" aria-label={`Matches for “${filters.q}”`} aria-busy={query.updating}>
        {groups.map((g) => <HitGroup key={`${g[0]!.vendorId}/${g[0]!.incidentId}`} hits={g} />)}
      </ul>
      {more ? <ShowMore busy={query.updating} onClick={() => setLimit((l) => Math.min(SEARCH_MAX, l * 2))}>Show more matches</ShowMore> : null}
    </>
  );
}

function groupByIncident(hits: readonly SearchHit[]): SearchHit[][] {
  const groups = new Map<string, SearchHit[]>();
  for (const h of hits) {
    const key = `${h.vendorId}\u0000${h.incidentId}`;
    const list = groups.get(key) ?? [];
    list.push(h);
    groups.set(key, list);
  }
  return [...groups.values()];
}

/** How many passages to quote per incident; the rest are counted. */
const QUOTED = 2;

/** "the title and 2 updates", "an update and the postmortem". */
function whereMatched(hits: readonly SearchHit[]): string {
  const updates = hits.filter((h) => h.field === 'update').length;
  const parts = [
    ...(hits.some((h) => h.field === 'title') ? ['the title'] : []),
    ...(updates ? [updates === 1 ? 'an update' : `${updates} updates`] : []),
    ...(hits.some((h) => h.field === 'postmortem') ? ['the postmortem'] : []),
  ];
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : (parts[0] ?? '');
}

function HitGroup({ hits }: { hits: SearchHit[] }): ReactNode {
  const first = hits[0]!;
  const titleHit = hits.find((h) => h.field === 'title');
  // The title's own snippet marks its words; use it only when it is the whole title, not an excerpt.
  const markedTitle = titleHit && titleHit.snippet.replace(/[«»]/g, '') === first.title ? titleHit.snippet : null;
  const passages = hits.filter((h) => h.field !== 'title');
  const quoted = passages.slice(0, QUOTED);
  return (
    <li className="history-hit">
      <div className="history-hit-head">
        <a className="history-hit-title" href={hrefs.incident(first.vendorId, first.incidentId)}>{markedTitle ? <Snippet text={markedTitle} /> : first.title}</a>
        <ImpactBadge impact={first.impact} />
      </div>
      <p className="history-hit-vendor small">
        <strong>{first.vendorName}</strong> · Matched in {whereMatched(hits)}
        {passages.length === 0 && titleHit ? <> · <Time iso={titleHit.at} mode="absolute" /></> : null}
      </p>
      {quoted.length ? (
        <ul className="history-snippets">
          {quoted.map((h, i) => (
            <li key={i}>
              <span className="history-where small">{FIELD_LABELS[h.field]} · <Time iso={h.at} mode="absolute" /></span>
              <p className="history-snippet"><Snippet text={h.snippet} /></p>
            </li>
          ))}
        </ul>
      ) : null}
      {passages.length > QUOTED ? <p className="history-more-passages small">and {passages.length - QUOTED} more matching passage{passages.length - QUOTED === 1 ? '' : 's'} on the incident page</p> : null}
    </li>
  );
}

/** Without words: every stored incident under the filters, newest first, grouped by month. */
export function IncidentBrowser({ filters, onClearFilters, onClearSearch, emptyHistory }: ResultsProps & { emptyHistory: ReactNode }): ReactNode {
  const [limit, setLimit] = usePaging(JSON.stringify([filters.vendor, filters.impacts, filters.from, filters.to]), LIST_PAGE);
  const request = {
    ...(filters.vendor ? { vendorId: filters.vendor } : {}),
    ...requestWindow(filters),
    ...(filters.impacts.length ? { impacts: filters.impacts } : {}),
    limit,
    offset: 0,
  };
  const query = useSticky(useQuery(`history-list:${JSON.stringify(request)}`, (c) => c.incidents.list(request)));
  if (query.loading) return <Loading what="incidents" />;
  if (!query.data) return <ErrorNote title="The history could not be read." message={query.error ?? 'Unknown error'} retry={query.reload} />;
  const records = query.data;
  if (records.length === 0) {
    return hasFilters(filters) ? <NoResults filters={filters} onClearFilters={onClearFilters} onClearSearch={onClearSearch} /> : emptyHistory;
  }
  const more = records.length >= limit && limit < LIST_MAX;
  return (
    <>
      <p className="history-summary muted" role="status">
        {query.updating ? 'Loading…' : `${records.length >= limit ? `The ${records.length} newest incidents` : `${records.length} incident${records.length === 1 ? '' : 's'}`}, newest first`}
      </p>
      <div aria-busy={query.updating}>
        {byMonth(records).map(([month, list]) => (
          <div key={month} className="history-month">
            <h3 className="history-month-title">{month}</h3>
            <ul className="plain-list history-rows">
              {list.map((r) => <IncidentRow key={`${r.vendorId}/${r.incident.id}`} record={r} />)}
            </ul>
          </div>
        ))}
      </div>
      {more ? <ShowMore busy={query.updating} onClick={() => setLimit((l) => Math.min(LIST_MAX, l + LIST_PAGE))}>Show more incidents</ShowMore> : null}
      {records.length >= LIST_MAX ? <p className="muted small history-cap">Showing the {LIST_MAX} newest. Narrow the dates to see older incidents.</p> : null}
    </>
  );
}

/** How many to ask for: grows with "Show more", back to one page when the filters change. */
function usePaging(key: string, page: number): [number, (grow: (limit: number) => number) => void] {
  const [state, setState] = useState({ key, limit: page });
  const limit = state.key === key ? state.limit : page;
  return [limit, (grow) => setState({ key, limit: grow(limit) })];
}

const monthFormat = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric' });

function byMonth(records: readonly IncidentRecord[]): [string, IncidentRecord[]][] {
  const groups = new Map<string, IncidentRecord[]>();
  for (const r of records) {
    const key = monthFormat.format(new Date(r.incident.startedAt));
    const list = groups.get(key) ?? [];
    list.push(r);
    groups.set(key, list);
  }
  return [...groups.entries()];
}

function IncidentRow({ record }: { record: IncidentRecord }): ReactNode {
  const { incident } = record;
  const now = useNow();
  const closed = isIncidentClosed(incident.status);
  const started = Date.parse(incident.startedAt);
  const lasted = incident.resolvedAt ? `lasted ${formatDuration(Date.parse(incident.resolvedAt) - started)}` : closed ? STAGE_LABELS[incident.status] : `ongoing, ${formatDuration(now - started)} so far`;
  return (
    <li className="history-row">
      <div className="history-row-main">
        <a className="history-row-title" href={hrefs.incident(record.vendorId, incident.id)}>{incident.title}</a>
        <span className="muted small">
          <span className="history-row-vendor">{record.vendorName}</span> · <Time iso={incident.startedAt} mode="absolute" /> · {lasted}
          {incident.postmortem ? ' · postmortem published' : ''}
        </span>
      </div>
      <ImpactBadge impact={incident.impact} />
    </li>
  );
}

function ShowMore({ busy, onClick, children }: { busy: boolean; onClick: () => void; children: ReactNode }): ReactNode {
  return (
    <div className="history-more">
      <button type="button" className="button" onClick={onClick} disabled={busy} aria-disabled={busy}>{busy ? 'Loading…' : children}</button>
    </div>
  );
}

/** Nothing matched: say what narrowed the search and offer to undo it. */
export function NoResults({ filters, onClearFilters, onClearSearch }: ResultsProps): ReactNode {
  const vendorName = useVendorName();
  const active = describeFilters(filters, vendorName);
  const title = filters.q ? `No matches for “${filters.q}”` : 'No incidents match these filters';
  return (
    <EmptyState
      title={title}
      action={(
        <div className="history-empty-actions">
          {active.length ? <button type="button" className="button primary" onClick={onClearFilters}>Clear filters</button> : null}
          {filters.q ? <button type="button" className="button" onClick={onClearSearch}>Clear search</button> : null}
        </div>
      )}
    >
      {active.length ? (
        <>
          <p>Filters in use:</p>
          <ul className="history-active" aria-label="Filters in use">{active.map((a) => <li key={a}>{a}</li>)}</ul>
        </>
      ) : (
        <p>No incident, update or postmortem Upstream has recorded contains these words. Try fewer or different words; the last word also matches its beginnings (“degrad” finds “degraded”).</p>
      )}
    </EmptyState>
  );
}
