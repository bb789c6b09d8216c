import './history.css';
import { useMemo, useRef, type ReactNode } from 'react';
import { hrefs, parseRoute, replaceParams } from '../../app/routes.ts';
import { IMPACT_LABELS, levelOfImpact, StatusDot } from '../../components/Status.tsx';
import { EmptyState, Loading } from '../../components/States.tsx';
import { useEngine } from '../../stores/engine.ts';
import { SearchBox, useVendorName, VendorSelect } from '../../components/SearchControls.tsx';
import { describeFilters, filtersToParams, hasFilters, IMPACT_ORDER, rangeReversed, readFilters, type HistoryFilters } from './filters.ts';
import { IncidentBrowser, SearchResults } from './Results.tsx';
import { StatsSection } from './Stats.tsx';

const BASE = '#/history';

/** The filters in the address right now (a debounced search may commit after other changes). */
function currentFilters(): HistoryFilters {
  const route = parseRoute(window.location.hash);
  return readFilters(route.name === 'history' ? route.params : new URLSearchParams());
}

/**
 * The look back: "how reliable is this vendor; when did X happen?" Words search every stored
 * title, update and postmortem; without words, every incident is listed newest first. Vendor,
 * impact and dates narrow both, and the reliability figures beside them follow the vendor and dates.
 */
export function History({ params }: { params: URLSearchParams }): ReactNode {
  const key = params.toString();
  const filters = useMemo(() => readFilters(new URLSearchParams(key)), [key]);
  const status = useEngine((s) => s.status);
  const watched = useEngine((s) => s.vendors.length);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const vendorName = useVendorName();

  const update = (patch: Partial<HistoryFilters>): void => replaceParams(BASE, filtersToParams({ ...currentFilters(), ...patch }));
  const clearFilters = (): void => {
    update({ vendor: '', impacts: [], from: '', to: '' });
    resultsHeading.current?.focus();
  };
  const clearSearch = (): void => {
    update({ q: '' });
    resultsHeading.current?.focus();
  };
  const toggleImpact = (impact: HistoryFilters['impacts'][number]): void => {
    const now = currentFilters().impacts;
    update({ impacts: now.includes(impact) ? now.filter((i) => i !== impact) : [...now, impact] });
  };
  const vendorHref = (vendorId: string): string => hrefs.history(filtersToParams({ ...filters, vendor: vendorId }));

  if (status === 'loading') return <Loading what="your history" />;
  const emptyHistory = watched === 0
    ? <EmptyState title="No history yet" action={<a className="button primary" href={hrefs.settings({ section: 'vendors' })}>Add vendors in Settings</a>}>Upstream records the incidents of the vendors you watch, including the recent past their status pages still list.</EmptyState>
    : <EmptyState title="No incidents recorded yet">Upstream keeps every incident your vendors publish, including the recent past their pages still list. They appear here after the first check.</EmptyState>;

  return (
    <div className="history">
      <header className="page-head">
        <h1>History</h1>
        <p className="muted">Every incident Upstream has recorded from your vendors. Search what they said, or look back by vendor, impact and date.</p>
      </header>

      <div className="history-controls">
        <SearchBox id="history-query" label="Search incidents" value={filters.q} placeholder="Words from titles, updates and postmortems" onCommit={(q) => update({ q })} />
        <div className="history-filters" role="group" aria-label="Filters">
          <VendorSelect id="history-vendor" value={filters.vendor} onChange={(vendor) => update({ vendor })} />
          <div className="field">
            <span className="field-label" id="history-impact-label">Impact</span>
            <div className="history-chips" role="group" aria-labelledby="history-impact-label">
              {IMPACT_ORDER.map((i) => (
                <button key={i} type="button" className="chip" aria-pressed={filters.impacts.includes(i)} onClick={() => toggleImpact(i)}>
                  <StatusDot level={levelOfImpact(i)} />{IMPACT_LABELS[i]}
                </button>
              ))}
            </div>
          </div>
          <div className="field">
            <label htmlFor="history-from" className="field-label">From</label>
            <input id="history-from" className="input" type="date" value={filters.from} max={filters.to || undefined} onChange={(e) => update({ from: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor="history-to" className="field-label">To</label>
            <input id="history-to" className="input" type="date" value={filters.to} min={filters.from || undefined} onChange={(e) => update({ to: e.target.value })} />
          </div>
        </div>
        {hasFilters(filters) ? (
          <div className="history-active-line">
            <ul className="history-active" aria-label="Active filters">{describeFilters(filters, vendorName).map((a) => <li key={a}>{a}</li>)}</ul>
            <button type="button" className="button small" onClick={clearFilters}>Clear filters</button>
          </div>
        ) : null}
        {rangeReversed(filters) ? <p className="form-error" role="alert">The “To” date is before the “From” date, so nothing can match.</p> : null}
      </div>

      <div className="history-body">
        <section className="history-results" aria-labelledby="history-results-title">
          <h2 id="history-results-title" ref={resultsHeading} tabIndex={-1}>{filters.q ? 'Matches' : 'Incidents'}</h2>
          {filters.q
            ? <SearchResults filters={filters} onClearFilters={clearFilters} onClearSearch={clearSearch} />
            : <IncidentBrowser filters={filters} onClearFilters={clearFilters} onClearSearch={clearSearch} emptyHistory={emptyHistory} />}
        </section>
        <StatsSection filters={filters} vendorHref={vendorHref} />
      </div>
    </div>
  );
}
