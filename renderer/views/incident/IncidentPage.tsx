import type { ReactNode } from 'react';
import type { IncidentRecord } from '../../../shared/contract/history.ts';
import { isIncidentClosed, type IncidentUpdate } from '../../../shared/model/index.ts';
import { hrefs } from '../../app/routes.ts';
import { Icon } from '../../components/Icons.tsx';
import { Markdown } from '../../components/Markdown.tsx';
import { ImpactBadge, StatusBadge, levelOfImpact } from '../../components/Status.tsx';
import { EmptyState, ErrorNote, Loading } from '../../components/States.tsx';
import { Time, useNow } from '../../components/Time.tsx';
import { safeHref } from '../../lib/links.ts';
import { STAGE_LABELS } from '../../lib/stages.ts';
import { formatDuration } from '../../lib/time.ts';
import { useQuery } from '../../lib/use-query.ts';
import { useTimelineOrder } from './order.ts';
import { PostmortemBody } from './Postmortem.tsx';

/** The read: what happened, since when, is it over, what did they say. Re-read live as updates arrive. */
export function IncidentPage({ vendorId, incidentId }: { vendorId: string; incidentId: string }): ReactNode {
  const query = useQuery(`incident:${vendorId}:${incidentId}`, (c) => c.incidents.get({ vendorId, incidentId }));
  if (query.loading) return <Loading what="the incident" />;
  if (!query.data) {
    return query.error && !/No incident/.test(query.error)
      ? <ErrorNote title="The incident could not be read." message={query.error} retry={query.reload} />
      : <EmptyState title="Incident not found" action={<a href={hrefs.vendor(vendorId)}>Back to the vendor</a>}>Upstream has no incident {incidentId} for this vendor. It may have been removed by retention.</EmptyState>;
  }
  return <IncidentView record={query.data} />;
}

/** The incident page for one stored record (exported for component tests). */
export function IncidentView({ record }: { record: IncidentRecord }): ReactNode {
  const { incident, vendorName, vendorId } = record;
  const now = useNow();
  const [order, setOrder] = useTimelineOrder();
  const closed = isIncidentClosed(incident.status);
  const started = Date.parse(incident.startedAt);
  const resolved = incident.resolvedAt ? Date.parse(incident.resolvedAt) : null;
  const detectedLag = Date.parse(record.firstSeenAt) - started;
  const link = safeHref(incident.url);
  const updates = order === 'oldest' ? incident.updates : [...incident.updates].reverse();
  return (
    <article className="incident-page" aria-labelledby="incident-title" data-vendor-id={vendorId} data-incident-id={incident.id}>
      <nav className="crumbs" aria-label="Breadcrumb">
        <a href={hrefs.overview()}>Overview</a> <span aria-hidden="true">/</span> <a href={hrefs.vendor(vendorId)}>{vendorName}</a>
      </nav>
      <header className="page-head">
        <p className="eyebrow">{vendorName} incident</p>
        <h1 id="incident-title">{incident.title}</h1>
        <div className="badges">
          <ImpactBadge impact={incident.impact} />
          <StatusBadge level={closed ? 'operational' : levelOfImpact(incident.impact)}>{STAGE_LABELS[incident.status]}</StatusBadge>
          {link ? <a className="button small" href={link} target="_blank" rel="noopener noreferrer external"><Icon name="external" /> View on {possessive(vendorName)} status page</a> : null}
        </div>
      </header>

      <dl className="facts">
        <div><dt>Started</dt><dd><Time iso={incident.startedAt} /></dd></div>
        <div><dt>Resolved</dt><dd>{incident.resolvedAt ? <Time iso={incident.resolvedAt} /> : <span>Not yet</span>}</dd></div>
        <div><dt>Duration</dt><dd>{resolved !== null ? formatDuration(resolved - started) : `${formatDuration(now - started)} so far`}</dd></div>
        <div>
          <dt>Detected by Upstream</dt>
          <dd>
            <Time iso={record.firstSeenAt} mode="absolute" />
            <span className="muted small block">{record.seenOnFirstRead && detectedLag >= 60_000
              ? `already listed when Upstream started watching ${vendorName}`
              : detectedLag >= 60_000 ? `${formatDuration(detectedLag)} after the vendor's start` : detectedLag > -60_000 ? 'as the vendor posted it' : `${formatDuration(-detectedLag)} before the vendor's stated start`}</span>
          </dd>
        </div>
        <div className="wide">
          <dt>Affected components</dt>
          <dd>{incident.components.length ? <ul className="tags">{incident.components.map((c) => <li key={c}>{c}</li>)}</ul> : <span className="muted">None named by the vendor</span>}</dd>
        </div>
      </dl>
      {record.noLongerReported ? (
        <p className="note" role="note">
          {closed
            ? 'This vendor\'s feed lists only what is ongoing, and it stopped listing this incident: Upstream shows it as over since then. The vendor posted no resolution of its own.'
            : 'The vendor stopped listing this incident without marking it resolved. Upstream shows its last known state; it has not invented a resolution.'}
        </p>
      ) : null}

      <section className="timeline-section" aria-labelledby="timeline-title">
        <div className="section-head">
          <h2 id="timeline-title">Updates <span className="count">{incident.updates.length}</span></h2>
          <div className="segmented" role="group" aria-label="Order of updates">
            <button type="button" aria-pressed={order === 'oldest'} onClick={() => setOrder('oldest')}>Oldest first</button>
            <button type="button" aria-pressed={order === 'newest'} onClick={() => setOrder('newest')}>Newest first</button>
          </div>
        </div>
        {incident.updates.length === 0 ? <p className="calm">The vendor has not posted an update yet.</p> : (
          <ol className="timeline" aria-label={`Updates, ${order} first`}>
            {updates.map((u) => <TimelineItem key={`${u.id ?? ''}${u.at}${u.label}`} update={u} previous={previousOf(incident.updates, u)} />)}
          </ol>
        )}
      </section>

      {incident.postmortem ? (
        <section className="postmortem-section-wrap" aria-labelledby="postmortem-title">
          <h2 id="postmortem-title">Postmortem</h2>
          <PostmortemBody text={incident.postmortem} />
        </section>
      ) : null}
    </article>
  );
}

/** "GitHub's", "Skyline Payments'". */
function possessive(name: string): string {
  return /s$/i.test(name) ? `${name}'` : `${name}'s`;
}

function previousOf(updates: readonly IncidentUpdate[], update: IncidentUpdate): IncidentUpdate | undefined {
  const index = updates.indexOf(update);
  return index > 0 ? updates[index - 1] : undefined;
}

function TimelineItem({ update, previous }: { update: IncidentUpdate; previous: IncidentUpdate | undefined }): ReactNode {
  const gap = previous ? Date.parse(update.at) - Date.parse(previous.at) : null;
  return (
    <li className={`timeline-item stage-${update.status}`}>
      <div className="timeline-meta">
        <span className="stage">{update.label}</span>
        <Time iso={update.at} />
        {gap !== null ? <span className="gap muted small" title={`Time since the previous update (${previous!.label})`}>+{formatDuration(gap)} after {previous!.label}</span> : null}
      </div>
      {update.body ? <Markdown text={update.body} className="timeline-body" /> : <p className="muted">(no text)</p>}
    </li>
  );
}
