import type { Incident, Maintenance, Snapshot, TimelineUpdate, VendorEvent } from '../../../shared/model/index.ts';
import { isIncidentClosed } from '../../../shared/model/index.ts';
import type { DiffContext } from './event-factory.ts';
import type { KnownState } from './known-state.ts';
import { makeEvent, updateBody } from './event-factory.ts';
import { shortHash } from './text.ts';

/**
 * Feeds that list only what is ongoing (`Snapshot.source.listing === 'active'`: AWS current events,
 * Azure's status RSS). There the vendor never posts a resolution: the item just leaves the feed.
 * Absence from a history feed means nothing (the item slid out of the window); absence from an
 * active feed is the end of the item, so Upstream resolves it at the poll that first misses it.
 *
 * How the model says so, and why this way:
 * - the incident's status becomes `resolved` (a maintenance's `completed`) with `resolvedAt` = that
 *   poll: the vendor no longer shows it, and leaving it open would show an outage for ever — a
 *   false alarm each time the user looks;
 * - one final update is appended, labelled "No longer listed by the vendor", with an id of ours
 *   (`upstream:unlisted@<poll>`), so the timeline shows exactly where the vendor's own words end and
 *   our inference begins. It is never counted as a vendor update (no `incident.updated` for it);
 * - the record's `noLongerReported` flag is set (known-state.ts), the marker the UI already shows
 *   for "the vendor stopped listing this";
 * - one `incident.resolved` (or `maintenance.completed`) event, at that poll, whose body says it.
 * If the vendor lists the item again, diff sees a closed incident reopen and says so, once.
 *
 * Only items the feed listed at the previous read are resolved: an item already missing before
 * (kept from the days the adapter did not yet say `active`) keeps the history rule, its
 * "no longer reported" flag, and is never announced as resolved months late.
 */
export const UNLISTED_LABEL = 'No longer listed by the vendor';

const UNLISTED_ID = 'upstream:unlisted@';
const UNLISTED_BODY = 'This feed lists only what is ongoing, and the vendor stopped listing this item; Upstream takes that as its end. The vendor posted no resolution of its own.';

/** True when the snapshot's feed lists only ongoing items. */
export function listsOnlyActive(snapshot: Snapshot | null | undefined): boolean {
  return snapshot?.source.listing === 'active';
}

/** The update Upstream appends when an active feed stops listing an item. */
export function isUnlistedUpdate(update: TimelineUpdate<string>): boolean {
  return update.id?.startsWith(UNLISTED_ID) ?? false;
}

/** An incident closed by leaving an active feed (and not listed again since). */
export function closedAsUnlisted(incident: Incident): boolean {
  const last = incident.updates.at(-1);
  return isIncidentClosed(incident.status) && last !== undefined && isUnlistedUpdate(last);
}

/** The known, still open incident an active feed no longer lists, resolved at `now`. */
export function resolveUnlisted(incident: Incident, now: string): Incident {
  return {
    ...incident,
    status: 'resolved',
    resolvedAt: now,
    updates: [...incident.updates, { id: `${UNLISTED_ID}${now}`, status: 'resolved', label: UNLISTED_LABEL, body: UNLISTED_BODY, at: now }],
  };
}

/** The known, unfinished maintenance an active feed no longer lists, completed at `now`. */
export function completeUnlisted(maintenance: Maintenance, now: string): Maintenance {
  return {
    ...maintenance,
    status: 'completed',
    scheduledUntil: maintenance.scheduledUntil !== null && maintenance.scheduledUntil < now ? maintenance.scheduledUntil : now,
    updates: [...maintenance.updates, { id: `${UNLISTED_ID}${now}`, status: 'completed', label: UNLISTED_LABEL, body: UNLISTED_BODY, at: now }],
  };
}

/** True when the known state's last read listed the item (`incident:<id>` / `maintenance:<id>`). */
export function listedAtLastRead(known: KnownState | null, key: string): boolean {
  if (!known) return false;
  const seen = known.lastSeen[key];
  return seen !== undefined && seen === (known.readAt ?? known.snapshot.source.fetchedAt);
}

/**
 * Events for the items the known state holds unfinished, listed at the last read, that the active
 * feed `next` no longer lists: one `incident.resolved` or `maintenance.completed` each, at the
 * poll. Ids follow incident-events.ts / maintenance-events.ts (a resolution is keyed by its
 * instant), so a replayed poll re-emits nothing. Empty for a history feed.
 */
export function unlistedEvents(known: KnownState | null, next: Snapshot, ctx: DiffContext): VendorEvent[] {
  const prev = known?.snapshot;
  if (!prev || !listsOnlyActive(next)) return [];
  const events: VendorEvent[] = [];
  const body = updateBody(UNLISTED_LABEL, UNLISTED_BODY);
  const listedIncidents = new Set(next.incidents.map((i) => i.id));
  for (const incident of prev.incidents) {
    if (listedIncidents.has(incident.id) || isIncidentClosed(incident.status) || !listedAtLastRead(known, `incident:${incident.id}`)) continue;
    listedIncidents.add(incident.id);
    events.push(makeEvent(ctx, {
      kind: 'incident.resolved', subjectId: incident.id, suffix: shortHash(ctx.now), at: ctx.now,
      subjectTitle: incident.title, body, impact: incident.impact, level: 'operational', url: incident.url,
    }));
  }
  const listedMaintenances = new Set(next.maintenances.map((m) => m.id));
  for (const maintenance of prev.maintenances) {
    if (listedMaintenances.has(maintenance.id) || maintenance.status === 'completed' || !listedAtLastRead(known, `maintenance:${maintenance.id}`)) continue;
    listedMaintenances.add(maintenance.id);
    events.push(makeEvent(ctx, {
      kind: 'maintenance.completed', subjectId: maintenance.id, at: ctx.now,
      subjectTitle: maintenance.title, body, impact: 'none', level: 'operational', url: maintenance.url,
    }));
  }
  return events;
}
