import type { Incident, IncidentStatus, Maintenance, MaintenanceStatus } from '../../../../shared/model/index.ts';
import { isIncidentClosed } from '../../../../shared/model/index.ts';
import type { FeedEntry } from './read-feed.ts';

/** One feed entry in the model: incidents and maintenances share the feed. */
export type FeedItem = { kind: 'incident'; incident: Incident } | { kind: 'maintenance'; maintenance: Maintenance };

/**
 * An incident read from a feed. Feeds carry no impact: every flavour gets `minor` (inferred — a
 * feed entry means something was wrong, and nothing says how badly) and the diff can raise it
 * from the JSON API if both are polled. One place, so the flavours cannot drift apart on it.
 */
export function feedIncident(fields: Omit<Incident, 'impact'>): FeedItem {
  const { id, title, url, status, startedAt, resolvedAt, components, updates, postmortem } = fields;
  return { kind: 'incident', incident: { id, title, url, impact: 'minor', status, startedAt, resolvedAt, components, updates, postmortem } };
}

/** An entry that shows only its current state, with the text that state is shown with. */
export interface CurrentState {
  entry: FeedEntry;
  id: string;
  /** When the state was last set: the entry's `<updated>`, else `<published>`, else the fetch. */
  at: string;
  label: string;
  body: string;
  components: string[];
}

/**
 * Generic and incident.io feeds hold an entry's current state only, no timeline: the item gets
 * one update (the timeline builds up by diffing polls), starts at `<published>` (inferred) and is
 * resolved at its update time once the state is closed.
 */
export function currentIncident(state: CurrentState, status: IncidentStatus): FeedItem {
  const { entry, id, at, label, body, components } = state;
  return feedIncident({
    id, title: entry.title ?? '(untitled)', url: entry.link ?? null, status,
    startedAt: entry.published ?? at,
    resolvedAt: isIncidentClosed(status) ? at : null,
    components,
    updates: [{ id: null, status, label, body, at }],
    postmortem: null,
  });
}

/** As {@link currentIncident}, for a maintenance: scheduled at `<published>`, over once completed. */
export function currentMaintenance(state: CurrentState, status: MaintenanceStatus): FeedItem {
  const { entry, id, at, label, body, components } = state;
  return {
    kind: 'maintenance',
    maintenance: {
      id, title: entry.title ?? '(untitled)', url: entry.link ?? null, status,
      scheduledFor: entry.published ?? at,
      scheduledUntil: status === 'completed' ? at : null,
      components,
      updates: [{ id: null, status, label, body, at }],
    },
  };
}
