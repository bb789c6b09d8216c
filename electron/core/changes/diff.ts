import type { Snapshot, VendorEvent } from '../../../shared/model/index.ts';
import { listsOnlyActive, unlistedEvents } from './active-listing.ts';
import type { KnownState } from './known-state.ts';
import { componentEvents } from './component-events.ts';
import type { DiffContext } from './event-factory.ts';
import { incidentEvents } from './incident-events.ts';
import { maintenanceEvents } from './maintenance-events.ts';

export type { DiffContext } from './event-factory.ts';

/**
 * Events between what we knew and the latest poll. Pure and deterministic: same inputs, same
 * events with the same ids, in chronological order (by `at`, then incident lifecycle order).
 *
 * Give it the KNOWN state (`KnownState.snapshot` from known-state.ts), not the literal previous
 * poll: feeds show a sliding window (Statuspage's history.atom keeps the 25 latest entries), so
 * an incident that slid out and comes back when the vendor edits it (a postmortem added) must be
 * recognised, not announced as new. Items of `prev` missing from `next` produce nothing: absence
 * from a window is not a resolution. On a feed that lists only what is ongoing
 * (`next.source.listing === 'active'`, see active-listing.ts) an update edited in place is a new
 * update, and an unfinished item that leaves the feed is resolved at this poll: that needs to know
 * what the last read listed, so the engine calls `diffKnown`, which adds those resolutions.
 *
 * `prev` null (the very first poll of a vendor) makes everything in `next` new; rules.ts in
 * `first_run` mode turns that into at most one summary instead of replaying old news.
 *
 * See incident-events.ts, component-events.ts and maintenance-events.ts for what each kind
 * counts and how its id is built.
 */
export function diff(prev: Snapshot | null, next: Snapshot, ctx: DiffContext): VendorEvent[] {
  const events: VendorEvent[] = [];
  events.push(...componentEvents(prev?.components ?? [], next.components, next.page.url || null, ctx));

  const match = { editsAreNew: listsOnlyActive(next) };
  const knownIncidents = new Map((prev?.incidents ?? []).map((i) => [i.id, i]));
  const doneIncidents = new Set<string>();
  for (const incident of next.incidents) {
    if (doneIncidents.has(incident.id)) continue;
    doneIncidents.add(incident.id);
    events.push(...incidentEvents(knownIncidents.get(incident.id), incident, ctx, match));
  }

  const knownMaintenances = new Map((prev?.maintenances ?? []).map((m) => [m.id, m]));
  const doneMaintenances = new Set<string>();
  for (const maintenance of next.maintenances) {
    if (doneMaintenances.has(maintenance.id)) continue;
    doneMaintenances.add(maintenance.id);
    events.push(...maintenanceEvents(knownMaintenances.get(maintenance.id), maintenance, ctx));
  }
  // Array.prototype.sort is stable: same-instant events keep their lifecycle order.
  return events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

/**
 * What the engine calls: `diff` against the known state's snapshot, plus the resolutions of items
 * an active-only feed stopped listing since the last read (active-listing.ts). Pure as `diff` is.
 */
export function diffKnown(known: KnownState | null, next: Snapshot, ctx: DiffContext): VendorEvent[] {
  const events = [...diff(known?.snapshot ?? null, next, ctx), ...unlistedEvents(known, next, ctx)];
  return events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}
