import { useEffect, type ReactNode } from 'react';
import type { VendorView } from '../../../shared/contract/vendors.ts';
import { isDisrupted, type VendorEvent } from '../../../shared/model/index.ts';
import { hrefs } from '../../app/routes.ts';
import { healthNote, ImpactBadge, StatusDot, StatusWord } from '../../components/Status.tsx';
import { EmptyState, ErrorNote, Loading } from '../../components/States.tsx';
import { Time, useNow } from '../../components/Time.tsx';
import { EVENT_KIND_LABELS, STAGE_LABELS } from '../../lib/stages.ts';
import { markOnce } from '../../lib/marks.ts';
import { formatAbsolute, formatRelative } from '../../lib/time.ts';
import { useEngine } from '../../stores/engine.ts';
import { FirstRun } from './FirstRun.tsx';
import { activeIncidents, upcomingMaintenance, vendorsProblemsFirst } from './sort.ts';

/**
 * The glance: is anything I depend on broken right now? Active incidents first, then every vendor
 * (problems first, the rest one calm line each), then maintenance in the next 7 days, then what
 * just happened. Everything here is live: the message stream updates the store, and React redraws.
 */
export function Overview({ compact = false }: { compact?: boolean }): ReactNode {
  const status = useEngine((s) => s.status);
  const vendors = useEngine((s) => s.vendors);
  const offline = useEngine((s) => s.state?.connectivity === 'offline');
  const loadError = useEngine((s) => s.loadError);
  const reload = useEngine((s) => s.reload);
  const now = useNow();
  useEffect(() => {
    if (status === 'ready') markOnce('upstream:overview-rendered');
  }, [status]);
  if (status === 'loading') return <Loading what="your vendors" />;
  if (status === 'failed') return <ErrorNote title="Upstream could not be read." message={loadError ?? 'Unknown error'} retry={() => void reload()} />;
  const incidents = activeIncidents(vendors);
  const maintenance = upcomingMaintenance(vendors, now);
  const troubled = vendors.filter((v) => isDisrupted(v.level)).length;
  return (
    <div className={compact ? 'overview compact' : 'overview'}>
      {compact ? null : (
        <header className="page-head">
          <h1>Overview</h1>
          <p className="muted">
            {vendors.length === 0 ? 'No vendors watched yet.' : troubled === 0 ? `All ${vendors.length} vendors operational.` : `${troubled} of ${vendors.length} vendors report a problem.`}
          </p>
        </header>
      )}
      {vendors.length === 0 ? <FirstRun /> : (
        <>
          <section aria-labelledby="active-title" className="section">
            <h2 id="active-title">Active incidents {incidents.length ? <span className="count">{incidents.length}</span> : null}</h2>
            {incidents.length === 0 ? (
              <p className="calm">No active incidents at your vendors.</p>
            ) : (
              <ul className="incident-cards">
                {incidents.map(({ vendor, incident }) => {
                  const latest = incident.updates.at(-1);
                  return (
                    <li key={`${vendor.source.id}/${incident.id}`} className="incident-card">
                      <div className="incident-card-head">
                        <span className="vendor-name truncate"><StatusDot level={vendor.level} /> {vendor.source.name}</span>
                        <ImpactBadge impact={incident.impact} />
                      </div>
                      <a className="incident-title" href={hrefs.incident(vendor.source.id, incident.id)}>{incident.title}</a>
                      <p className="incident-latest">
                        <strong>{latest?.label ?? STAGE_LABELS[incident.status]}</strong>
                        {latest?.body ? <> — <span className="clamp">{latest.body}</span></> : <span className="muted"> — no updates yet</span>}
                      </p>
                      <p className="muted small">
                        Started {formatRelative(incident.startedAt, now)} · {latest ? <>updated <Time iso={latest.at} mode="relative" /></> : 'no update yet'}
                      </p>
                    </li>
                  );
                })}
              </ul>
            )}
          </section>

          <section aria-labelledby="vendors-title" className="section">
            <h2 id="vendors-title">Vendors</h2>
            <ul className="vendor-rows">
              {vendorsProblemsFirst(vendors).map((vendor) => <VendorRow key={vendor.source.id} vendor={vendor} offline={offline} />)}
            </ul>
          </section>

          <section aria-labelledby="maintenance-title" className="section">
            <h2 id="maintenance-title">Maintenance in the next 7 days</h2>
            {maintenance.length === 0 ? <p className="calm">No maintenance scheduled.</p> : (
              <ul className="plain-list">
                {maintenance.map(({ vendor, maintenance: m }) => (
                  <li key={`${vendor.source.id}/${m.id}`} className={m.status === 'in_progress' || m.status === 'verifying' ? 'maint-row now' : 'maint-row'}>
                    <StatusDot level="maintenance" />
                    <span className="truncate"><strong>{vendor.source.name}</strong>: {m.title}</span>
                    <span className="muted small nowrap">{m.status === 'scheduled' ? formatAbsolute(m.scheduledFor, { now }) : STAGE_LABELS[m.status]}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>

          {compact ? null : <RecentActivity vendors={vendors} />}
        </>
      )}
    </div>
  );
}

function VendorRow({ vendor, offline }: { vendor: VendorView; offline: boolean }): ReactNode {
  const note = healthNote(vendor, offline);
  const dimmed = vendor.stale || offline;
  return (
    <li className={dimmed ? 'vendor-row stale' : 'vendor-row'}>
      <a href={hrefs.vendor(vendor.source.id)} className="vendor-link">
        <StatusDot level={vendor.level} />
        <span className="vendor-name truncate">{vendor.source.name}</span>
      </a>
      <span className="vendor-status">
        <StatusWord level={vendor.level}>{vendor.health === 'pending' && vendor.level === 'unknown' ? 'Not checked yet' : undefined}</StatusWord>
        {note && vendor.health !== 'pending' ? <span className={`health health-${note.tone}`}>{note.text}</span> : null}
      </span>
      <span className="muted small nowrap vendor-checked">
        {vendor.lastPollAt ? <>Checked <Time iso={vendor.lastPollAt} mode="relative" /></> : 'Not checked yet'}
      </span>
    </li>
  );
}

const RECENT = 8;

function RecentActivity({ vendors }: { vendors: readonly VendorView[] }): ReactNode {
  const events = useEngine((s) => s.events);
  const names = new Map(vendors.map((v) => [v.source.id, v.source.name]));
  const shown = groupRepeats(events.filter((e) => names.has(e.vendorId))).slice(0, RECENT);
  return (
    <section aria-labelledby="recent-title" className="section">
      <h2 id="recent-title">Recent activity</h2>
      {shown.length === 0 ? <EmptyState title="Nothing has happened yet">New incidents, updates and maintenance appear here as Upstream notices them.</EmptyState> : (
        <ul className="activity" aria-live="polite">
          {shown.map(({ event, count }) => <ActivityRow key={event.id} event={event} count={count} />)}
        </ul>
      )}
    </section>
  );
}

/**
 * Consecutive events of one kind about one subject (a first read's backlog of updates) read as one
 * line with a count: the newest of them, "Update ×7".
 */
function groupRepeats(events: readonly VendorEvent[]): { event: VendorEvent; count: number }[] {
  const groups: { event: VendorEvent; count: number }[] = [];
  for (const event of events) {
    const last = groups.at(-1);
    if (last && last.event.kind === event.kind && last.event.vendorId === event.vendorId && last.event.subjectId === event.subjectId) last.count++;
    else groups.push({ event, count: 1 });
  }
  return groups;
}

function ActivityRow({ event, count }: { event: VendorEvent; count: number }): ReactNode {
  const href = event.subjectId && event.kind.startsWith('incident.') ? hrefs.incident(event.vendorId, event.subjectId) : hrefs.vendor(event.vendorId);
  return (
    <li className="activity-row">
      <StatusDot level={event.level} />
      <span className="activity-kind">{EVENT_KIND_LABELS[event.kind]}{count > 1 ? ` ×${count}` : ''}</span>
      <a href={href} className="truncate">{event.title}</a>
      <span className="muted small nowrap"><Time iso={event.at} mode="relative" /></span>
    </li>
  );
}
