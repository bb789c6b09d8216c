import type { ReactNode } from 'react';
import type { Component } from '../../../shared/model/index.ts';
import { hrefs } from '../../app/routes.ts';
import { Icon } from '../../components/Icons.tsx';
import { healthNote, ImpactBadge, StatusBadge, StatusDot, StatusWord } from '../../components/Status.tsx';
import { EmptyState, Loading } from '../../components/States.tsx';
import { Time } from '../../components/Time.tsx';
import { safeHref } from '../../lib/links.ts';
import { STAGE_LABELS } from '../../lib/stages.ts';
import { formatDuration } from '../../lib/time.ts';
import { useQuery } from '../../lib/use-query.ts';
import { useEngine } from '../../stores/engine.ts';

/** One vendor: its own status, our ability to read it, its components and its recent incidents. */
export function VendorPage({ vendorId }: { vendorId: string }): ReactNode {
  const vendor = useEngine((s) => s.vendors.find((v) => v.source.id === vendorId));
  const status = useEngine((s) => s.status);
  const offline = useEngine((s) => s.state?.connectivity === 'offline');
  const refresh = useEngine((s) => s.client?.vendors.refresh);
  const recent = useQuery(`vendor-incidents:${vendorId}`, (c) => c.incidents.list({ vendorId, limit: 20 }));
  if (status === 'loading') return <Loading what="the vendor" />;
  if (!vendor) return <EmptyState title="This vendor is not on your watchlist" action={<a href={hrefs.settings({ section: 'vendors' })}>Add vendors in Settings</a>} />;
  const note = healthNote(vendor, offline);
  const page = safeHref(vendor.source.url);
  const groups = groupComponents(vendor.components);
  return (
    <article className="vendor-page" aria-labelledby="vendor-title" data-vendor-id={vendorId}>
      <nav className="crumbs" aria-label="Breadcrumb"><a href={hrefs.overview()}>Overview</a></nav>
      <header className="page-head">
        <h1 id="vendor-title">{vendor.source.name}</h1>
        <div className="badges">
          <StatusBadge level={vendor.level}>{vendor.description}</StatusBadge>
          {page ? <a className="button small" href={page} target="_blank" rel="noopener noreferrer external"><Icon name="external" /> Status page</a> : null}
          <button type="button" className="button small" onClick={() => void refresh?.({ vendorId })}><Icon name="refresh" /> Check now</button>
        </div>
        {note ? <p className={`health health-${note.tone}`}>{note.text}{vendor.lastError ? `: ${vendor.lastError}` : ''}</p> : null}
        <p className="muted small">
          {vendor.lastPollAt ? <>Last checked <Time iso={vendor.lastPollAt} /></> : 'Not checked yet'}
          {vendor.lastSuccessAt && vendor.lastSuccessAt !== vendor.lastPollAt ? <> · last successful read <Time iso={vendor.lastSuccessAt} mode="relative" /></> : null}
          {` · every ${formatDuration(vendor.intervalSeconds * 1000)}`}
          {vendor.retriesLastDay ? ` · ${vendor.retriesLastDay} quick retr${vendor.retriesLastDay === 1 ? 'y' : 'ies'} in the last day` : ''}
        </p>
      </header>

      {vendor.warnings.length ? (
        <section className="section" aria-labelledby="warnings-title">
          <h2 id="warnings-title">What could not be read</h2>
          <ul className="warnings">{vendor.warnings.map((w, i) => <li key={i}>{w}</li>)}</ul>
        </section>
      ) : null}

      <section className="section" aria-labelledby="components-title">
        <h2 id="components-title">Components</h2>
        {vendor.components.length === 0 ? <p className="calm">This vendor's page lists no components.</p> : groups.map(([group, list]) => (
          <div key={group ?? ''} className="component-group">
            {group ? <h3>{group}</h3> : null}
            <ul className="component-list">
              {list.map((c) => (
                <li key={c.id}><StatusDot level={c.status} /><span className="truncate">{c.name}</span><StatusWord level={c.status} /></li>
              ))}
            </ul>
          </div>
        ))}
      </section>

      <section className="section" aria-labelledby="vendor-incidents-title">
        <h2 id="vendor-incidents-title">Recent incidents</h2>
        {recent.loading ? <Loading what="incidents" /> : !recent.data?.length ? <p className="calm">No incidents recorded yet.</p> : (
          <ul className="plain-list incident-list">
            {recent.data.map((r) => (
              <li key={r.incident.id}>
                <a href={hrefs.incident(vendorId, r.incident.id)} className="truncate">{r.incident.title}</a>
                <ImpactBadge impact={r.incident.impact} />
                <span className="muted small nowrap">{STAGE_LABELS[r.incident.status]} · <Time iso={r.incident.startedAt} mode="absolute" /></span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}

function groupComponents(components: readonly Component[]): [string | null, Component[]][] {
  const groups = new Map<string | null, Component[]>();
  for (const c of components) {
    const list = groups.get(c.group) ?? [];
    list.push(c);
    groups.set(c.group, list);
  }
  return [...groups.entries()].sort(([a], [b]) => (a === null ? -1 : b === null ? 1 : a.localeCompare(b)));
}
