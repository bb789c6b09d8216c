import './postmortems.css';
import { useMemo, useState, type ReactNode } from 'react';
import type { IncidentRecord } from '../../../shared/contract/history.ts';
import { hrefs, replaceParams } from '../../app/routes.ts';
import { ImpactBadge } from '../../components/Status.tsx';
import { EmptyState, ErrorNote, Loading } from '../../components/States.tsx';
import { formatDay, formatDuration } from '../../lib/time.ts';
import { useQuery } from '../../lib/use-query.ts';
import { useEngine } from '../../stores/engine.ts';
import { SearchBox, useSticky, useVendorName, VendorSelect } from '../../components/SearchControls.tsx';
import { excerptOf, highlight, searchTerms } from './excerpt.ts';

const BASE = '#/postmortems';
const PAGE = 20;
const MAX = 200;

/**
 * A reading list of how others failed: every postmortem the watched vendors published, newest
 * first, searchable, each with enough of its opening to decide whether to read it.
 */
export function Postmortems({ params }: { params: URLSearchParams }): ReactNode {
  const key = params.toString();
  const { q, vendor } = useMemo(() => {
    const p = new URLSearchParams(key);
    return { q: p.get('q') ?? '', vendor: p.get('vendor') ?? '' };
  }, [key]);
  const status = useEngine((s) => s.status);
  const watched = useEngine((s) => s.vendors.length);
  const vendorName = useVendorName();
  const [paging, setPaging] = useState({ key, limit: PAGE });
  const limit = paging.key === key ? paging.limit : PAGE;
  const request = { ...(q ? { query: q } : {}), ...(vendor ? { vendorId: vendor } : {}), limit, offset: 0 };
  const query = useSticky(useQuery(`postmortems:${JSON.stringify(request)}`, (c) => c.postmortems.list(request)));
  const terms = useMemo(() => searchTerms(q), [q]);

  const update = (next: { q?: string; vendor?: string }): void => {
    const current = new URLSearchParams(window.location.hash.split('?')[1] ?? '');
    replaceParams(BASE, { q: next.q ?? current.get('q') ?? '', vendor: next.vendor ?? current.get('vendor') ?? '' });
  };

  if (status === 'loading') return <Loading what="postmortems" />;
  const records = query.data;
  const narrowed = Boolean(q || vendor);
  return (
    <div className="postmortems">
      <header className="page-head">
        <h1>Postmortems</h1>
        <p className="muted">How others failed, and what they changed: every postmortem your vendors have published, newest first.</p>
      </header>

      <div className="pm-controls">
        <SearchBox id="pm-query" label="Search postmortems" value={q} placeholder="Words from postmortems, such as “certificate” or “rollback”" onCommit={(next) => update({ q: next })} />
        <VendorSelect id="pm-vendor" value={vendor} onChange={(next) => update({ vendor: next })} />
      </div>

      <section className="pm-results" aria-labelledby="pm-results-title">
        <h2 id="pm-results-title" className="visually-hidden">Reading list</h2>
        {query.loading ? <Loading what="postmortems" />
          : !records ? <ErrorNote title="The postmortems could not be read." message={query.error ?? 'Unknown error'} retry={query.reload} />
            : records.length === 0 ? (
              narrowed ? (
                <EmptyState
                  title={q ? `No postmortem mentions “${q}”` : `No postmortems from ${vendorName(vendor)} yet`}
                  action={<button type="button" className="button primary" onClick={() => update({ q: '', vendor: '' })}>{q && vendor ? 'Clear search and vendor' : q ? 'Clear search' : 'Show every vendor'}</button>}
                >
                  {q ? <p>{vendor ? `Searched the postmortems of ${vendorName(vendor)} only. ` : ''}Try other words: the last word also matches its beginnings (“certif” finds “certificate”).</p> : <p>Postmortems appear when a vendor publishes one, usually days after a serious incident.</p>}
                </EmptyState>
              ) : (
                <EmptyState
                  title="No postmortems yet"
                  action={watched === 0 ? <a className="button primary" href={hrefs.settings({ section: 'vendors' })}>Add vendors in Settings</a> : <a href={hrefs.history()}>Browse the incident history</a>}
                >
                  <p>Postmortems appear here when your vendors publish them: usually a few days after a serious incident, as the incident’s last update. Upstream keeps each one with the incident it explains.</p>
                </EmptyState>
              )
            ) : (
              <>
                <p className="pm-summary muted" role="status">
                  {query.updating ? 'Searching…' : `${records.length}${records.length >= limit ? '+' : ''} postmortem${records.length === 1 ? '' : 's'}${q ? ` mentioning “${q}”` : ''}${vendor ? ` from ${vendorName(vendor)}` : ''}`}
                </p>
                <ol className="pm-list" aria-busy={query.updating} aria-labelledby="pm-results-title">
                  {records.map((r) => <PostmortemEntry key={`${r.vendorId}/${r.incident.id}`} record={r} terms={terms} />)}
                </ol>
                {records.length >= limit && limit < MAX ? (
                  <div className="pm-more">
                    <button type="button" className="button" disabled={query.updating} onClick={() => setPaging({ key, limit: Math.min(MAX, limit + PAGE) })}>
                      {query.updating ? 'Loading…' : 'Show more postmortems'}
                    </button>
                  </div>
                ) : null}
              </>
            )}
      </section>
    </div>
  );
}

function PostmortemEntry({ record, terms }: { record: IncidentRecord; terms: readonly string[] }): ReactNode {
  const { incident } = record;
  const href = hrefs.incident(record.vendorId, incident.id);
  const titleId = `pm-${record.vendorId}-${incident.id}`.replace(/[^\w-]/g, '_');
  const excerpt = excerptOf(incident.postmortem ?? '', { terms });
  const duration = incident.resolvedAt ? formatDuration(Date.parse(incident.resolvedAt) - Date.parse(incident.startedAt)) : null;
  return (
    <li>
      <article className="pm-entry" aria-labelledby={titleId}>
        <p className="pm-vendor">{record.vendorName}</p>
        <h3 id={titleId} className="pm-title"><a href={href}>{incident.title}</a></h3>
        <p className="pm-meta">
          <ImpactBadge impact={incident.impact} />
          <span className="muted small">
            <time dateTime={incident.startedAt}>{formatDay(incident.startedAt)}</time>
            {' · '}{duration ? `lasted ${duration}` : 'not marked resolved'}
          </span>
        </p>
        {/* SECURITY: vendor text as React text only (excerpt parts and marks built here). */}
        <p className="pm-excerpt">
          {excerpt.map((part, i) => (
            <span key={i} className={part.heading ? 'pm-runin' : undefined}>
              {i > 0 ? ' ' : ''}
              {highlight(part.text, terms).map((h, j) => (h.match ? <mark key={j}>{h.text}</mark> : h.text))}
            </span>
          ))}
        </p>
        <a className="pm-read" href={href} aria-label={`Read the postmortem: ${incident.title}`}>Read the postmortem <span aria-hidden="true">→</span></a>
      </article>
    </li>
  );
}
