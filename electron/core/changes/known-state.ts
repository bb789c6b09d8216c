import type { Incident, Maintenance, Snapshot } from '../../../shared/model/index.ts';
import { isIncidentClosed } from '../../../shared/model/index.ts';
import { closedAsUnlisted, completeUnlisted, listedAtLastRead, listsOnlyActive, resolveUnlisted } from './active-listing.ts';
import { excerpt } from './text.ts';
import { unionUpdates, type MatchOptions } from './update-keys.ts';

/**
 * What Upstream knows about one vendor, beyond its latest poll. Plain JSON (no Maps, no Dates) so
 * the store can keep it as one TEXT column and read it back unchanged.
 *
 * - `snapshot`: the latest poll, plus every incident/maintenance that has slid out of the feed's
 *   window (kept so it is not "new" when it comes back), with every update ever seen for each
 *   incident. This is the `prev` to give `diff`.
 * - `lastSeen`: when each item was last present in a poll (`incident:<id>` / `maintenance:<id>`),
 *   which drives retention; for an item an active-only feed stopped listing, the poll that closed
 *   it, so the store writes that resolution with the poll.
 * - `missingSince`: unresolved incidents absent from the latest poll → the first poll they were
 *   missing from.
 * - `noLongerReported`: unresolved incidents missing for longer than the grace period. The vendor
 *   stopped listing them without ever saying they were resolved; the UI can say so. On a history
 *   feed we NEVER invent a resolution: the incident keeps its last status, and no event is emitted.
 *   On a feed that lists only what is ongoing (`source.listing === 'active'`), leaving the feed IS
 *   the end: the incident is resolved at that poll with a final "No longer listed by the vendor"
 *   update of ours, and stays in this list while absent (see active-listing.ts for why).
 */
export interface KnownState {
  version: 1;
  snapshot: Snapshot;
  /**
   * The instant of the last poll folded in: an item whose `lastSeen` equals it was listed by that
   * read (active-listing.ts). Absent from states stored before it existed; the snapshot's
   * `fetchedAt`, which the engine sets to the same instant, stands in.
   */
  readAt?: string;
  lastSeen: Record<string, string>;
  missingSince: Record<string, string>;
  noLongerReported: string[];
}

export interface MergeOptions {
  /** How long an unresolved incident may be missing before it is "no longer reported". Default 24 h. */
  graceMs?: number;
  /** Items absent from the feed are forgotten this long after they were last seen. Default 180 days. */
  keepMs?: number;
  /** At most this many absent items are kept (most recently seen first). Default 400. */
  maxAbsent?: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Fold a poll into the known state.
 *
 * Bounded size: absent items are kept at most `keepMs` after they were last seen and at most
 * `maxAbsent` of them, and they are compacted (update bodies emptied, postmortem cut to a short
 * excerpt) because diff only needs their keys and statuses. Forgetting cannot re-open old news:
 * if a forgotten incident reappears, diff announces it again, but with the very same event ids
 * as the first time (ids derive from vendor, incident and update time/label/text, never from poll
 * order), and the history store ignores an event id it already holds. The defaults outlive
 * Statuspage's 25-entry window many times over (GitHub: ~25 incidents a month).
 */
export function mergeKnown(prevKnown: KnownState | null, next: Snapshot, now: string, opts: MergeOptions = {}): KnownState {
  const graceMs = opts.graceMs ?? DAY;
  const keepMs = opts.keepMs ?? 180 * DAY;
  const maxAbsent = opts.maxAbsent ?? 400;
  const prev = prevKnown?.snapshot;
  const lastSeen: Record<string, string> = {};
  const missingSince: Record<string, string> = {};
  const nowMs = Date.parse(now);

  const active = listsOnlyActive(next);
  const match: MatchOptions = { editsAreNew: active };
  const knownIncidents = new Map((prev?.incidents ?? []).map((i) => [i.id, i]));
  const incidents = new Map<string, Incident>();
  for (const incident of next.incidents) {
    if (incidents.has(incident.id)) continue;
    incidents.set(incident.id, mergeIncident(knownIncidents.get(incident.id), incident, match));
    lastSeen[`incident:${incident.id}`] = now;
  }
  const listed = new Set(incidents.keys());
  const knownMaintenances = new Map((prev?.maintenances ?? []).map((m) => [m.id, m]));
  const maintenances = new Map<string, Maintenance>();
  for (const maintenance of next.maintenances) {
    if (maintenances.has(maintenance.id)) continue;
    const known = knownMaintenances.get(maintenance.id);
    maintenances.set(maintenance.id, known ? { ...maintenance, updates: unionUpdates(known.updates, maintenance.updates, match) } : maintenance);
    lastSeen[`maintenance:${maintenance.id}`] = now;
  }

  // Absent items, most recently seen first, within the retention bounds.
  const absent: { key: string; seen: string; keep: () => void }[] = [];
  for (const [id, incident] of knownIncidents) {
    if (incidents.has(id)) continue;
    const key = `incident:${id}`;
    // Left an active-only feed unresolved: over now, kept whole this once so the store writes it.
    const unlisted = active && !isIncidentClosed(incident.status) && listedAtLastRead(prevKnown, key);
    absent.push({ key, seen: unlisted ? now : prevKnown?.lastSeen[key] ?? now, keep: () => {
      incidents.set(id, unlisted ? resolveUnlisted(incident, now) : compactIncident(incident));
      if (!unlisted && !isIncidentClosed(incident.status)) missingSince[id] = prevKnown?.missingSince[id] ?? now;
    } });
  }
  for (const [id, maintenance] of knownMaintenances) {
    if (maintenances.has(id)) continue;
    const key = `maintenance:${id}`;
    const unlisted = active && maintenance.status !== 'completed' && listedAtLastRead(prevKnown, key);
    absent.push({ key, seen: unlisted ? now : prevKnown?.lastSeen[key] ?? now, keep: () => {
      maintenances.set(id, unlisted ? completeUnlisted(maintenance, now) : compactMaintenance(maintenance));
    } });
  }
  absent
    .filter((item) => nowMs - Date.parse(item.seen) <= keepMs)
    .sort((a, b) => (a.seen > b.seen ? -1 : a.seen < b.seen ? 1 : a.key.localeCompare(b.key)))
    .slice(0, maxAbsent)
    .forEach((item) => {
      lastSeen[item.key] = item.seen;
      item.keep();
    });

  const noLongerReported = [
    ...Object.keys(missingSince).filter((id) => nowMs - Date.parse(missingSince[id] ?? now) > graceMs),
    ...[...incidents.values()].filter((i) => !listed.has(i.id) && closedAsUnlisted(i)).map((i) => i.id),
  ].sort();
  return {
    version: 1,
    readAt: now,
    snapshot: {
      ...next,
      incidents: [...incidents.values()].sort(byStart),
      maintenances: [...maintenances.values()].sort(bySchedule),
    },
    lastSeen,
    missingSince,
    noLongerReported,
  };
}

/**
 * The poll's incident, with every update ever seen. A postmortem the feed no longer shows is
 * kept (its event fired once; a vanishing and returning postmortem must not fire again), and so
 * is a resolution time a closed incident lost.
 */
function mergeIncident(known: Incident | undefined, next: Incident, match: MatchOptions): Incident {
  if (!known) return next;
  const closed = isIncidentClosed(next.status);
  return {
    ...next,
    updates: unionUpdates(known.updates, next.updates, match),
    resolvedAt: next.resolvedAt ?? (closed ? known.resolvedAt : null),
    postmortem: next.postmortem ?? known.postmortem,
  };
}

/**
 * An absent incident, compacted. One already compact is returned as it is: an item that stays
 * absent keeps its identity from poll to poll, which is how the engine knows the absent part of a
 * known state did not change and need not be written again (see `splitKnown`).
 */
function compactIncident(incident: Incident): Incident {
  const postmortem = incident.postmortem === null ? null : excerpt(incident.postmortem, 80);
  if (postmortem === incident.postmortem && incident.updates.every((u) => u.body === '')) return incident;
  return { ...incident, updates: incident.updates.map((u) => ({ ...u, body: '' })), postmortem };
}

function compactMaintenance(maintenance: Maintenance): Maintenance {
  if (maintenance.updates.every((u) => u.body === '')) return maintenance;
  return { ...maintenance, updates: maintenance.updates.map((u) => ({ ...u, body: '' })) };
}

/** Items a known state keeps but its last read did not list: compacted, and rarely changing. */
export interface AbsentItems {
  incidents: Incident[];
  maintenances: Maintenance[];
}

/**
 * A known state as two parts: what the last read listed, and the absent items it remembers
 * (which grow with the feed's history, up to `maxAbsent`: over GitHub's year of replay, 89
 * incidents and 66 of 118 KB of JSON). The store writes the absent part only when it changed, so
 * a poll's write does not grow with the history. Undefined for a state without `readAt` (written
 * before it existed), which is kept whole. `joinKnown` reverses it exactly: mergeKnown orders
 * items totally (by start, then id), and the join orders them the same way.
 */
export function splitKnown(known: KnownState): { listed: KnownState; absent: AbsentItems } | undefined {
  const readAt = known.readAt;
  if (readAt === undefined) return undefined;
  const listedNow = (key: string): boolean => known.lastSeen[key] === readAt;
  const absent: AbsentItems = { incidents: [], maintenances: [] };
  const incidents: Incident[] = [];
  const maintenances: Maintenance[] = [];
  for (const i of known.snapshot.incidents) (listedNow(`incident:${i.id}`) ? incidents : absent.incidents).push(i);
  for (const m of known.snapshot.maintenances) (listedNow(`maintenance:${m.id}`) ? maintenances : absent.maintenances).push(m);
  return { listed: { ...known, snapshot: { ...known.snapshot, incidents, maintenances } }, absent };
}

/** The known state `splitKnown` split. */
export function joinKnown(listed: KnownState, absent: AbsentItems): KnownState {
  return {
    ...listed,
    snapshot: {
      ...listed.snapshot,
      incidents: [...listed.snapshot.incidents, ...absent.incidents].sort(byStart),
      maintenances: [...listed.snapshot.maintenances, ...absent.maintenances].sort(bySchedule),
    },
  };
}

/** True when two known states hold the very same absent items (identity: see compactIncident). */
export function sameAbsent(a: KnownState, b: KnownState): boolean {
  const absentOf = (k: KnownState): unknown[] => {
    const readAt = k.readAt ?? k.snapshot.source.fetchedAt;
    return [
      ...k.snapshot.incidents.filter((i) => k.lastSeen[`incident:${i.id}`] !== readAt),
      ...k.snapshot.maintenances.filter((m) => k.lastSeen[`maintenance:${m.id}`] !== readAt),
    ];
  };
  const x = absentOf(a);
  const y = absentOf(b);
  return x.length === y.length && x.every((item, i) => item === y[i]);
}

function byStart(a: Incident, b: Incident): number {
  return b.startedAt.localeCompare(a.startedAt) || a.id.localeCompare(b.id);
}

function bySchedule(a: Maintenance, b: Maintenance): number {
  return a.scheduledFor.localeCompare(b.scheduledFor) || a.id.localeCompare(b.id);
}
