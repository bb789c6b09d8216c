import type { StatusLevel, VendorEvent } from '../../../shared/model/index.ts';
import { shortHash } from './text.ts';

export type Urgency = 'low' | 'normal' | 'critical';

/** One native notification to show. */
export interface PlannedNotification {
  /** Derived from the covered event ids: planning the same events twice gives the same id. */
  id: string;
  title: string;
  body: string;
  url: string | null;
  eventIds: string[];
  urgency: Urgency;
  /** What a click should open: one subject at one vendor, or null for a summary of several vendors. */
  target: NotificationTarget | null;
}

/** The subject a notification is about, so a click lands on its page. */
export interface NotificationTarget {
  vendorId: string;
  subject: 'incident' | 'maintenance' | 'component' | 'vendor';
  subjectId: string | null;
}

function targetOf(event: VendorEvent): NotificationTarget {
  const subject = event.kind.startsWith('incident.') ? 'incident' : event.kind.startsWith('maintenance.') ? 'maintenance' : event.kind.startsWith('component.') ? 'component' : 'vendor';
  return { vendorId: event.vendorId, subject, subjectId: event.subjectId };
}

/** Events about one subject (an incident, a maintenance, a component, or one vendor event). */
export interface EventGroup {
  vendorId: string;
  events: VendorEvent[];
  /** The event describing the subject's state now: latest `at`, later input order on ties. */
  latest: VendorEvent;
}

/** Group events by subject, keeping the order in which subjects first appear. */
export function groupBySubject(events: readonly VendorEvent[]): EventGroup[] {
  const groups = new Map<string, EventGroup>();
  for (const event of events) {
    const key = `${event.vendorId}\u0000${event.subjectId ?? `\u0000${event.id}`}`;
    const group = groups.get(key);
    if (!group) groups.set(key, { vendorId: event.vendorId, events: [event], latest: event });
    else {
      group.events.push(event);
      if (event.at >= group.latest.at) group.latest = event;
    }
  }
  return [...groups.values()];
}

/** Still going on: the subject's latest state is not back to operational. */
export function isOngoing(group: EventGroup): boolean {
  return group.latest.level !== 'operational';
}

/**
 * How loudly to notify, from the state the subject is in now: a full outage is critical,
 * anything over (resolved, completed, recovered: level operational) or merely planned is low.
 */
export function urgencyOf(level: StatusLevel): Urgency {
  if (level === 'major_outage') return 'critical';
  return level === 'operational' || level === 'maintenance' ? 'low' : 'normal';
}

const URGENCY_RANK: Record<Urgency, number> = { low: 0, normal: 1, critical: 2 };

function loudest(groups: readonly EventGroup[]): Urgency {
  return groups.map((g) => urgencyOf(g.latest.level)).reduce<Urgency>((a, b) => (URGENCY_RANK[b] > URGENCY_RANK[a] ? b : a), 'low');
}

function idsOf(groups: readonly EventGroup[]): string[] {
  return groups.flatMap((g) => g.events.map((e) => e.id));
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * How many changes a group stands for. A new incident's `incident.opened` quotes its first update,
 * which also has its own `incident.updated` (incident-events.ts counts every update): that pair is
 * one change, so a fresh one-update incident does not claim "2 updates".
 */
function changeCount(group: EventGroup): number {
  const echoes = (e: VendorEvent): boolean => e.kind === 'incident.opened'
    && group.events.some((u) => u.kind === 'incident.updated' && u.at === e.at && u.body === e.body);
  return group.events.filter((e) => !echoes(e)).length;
}

/**
 * One subject's notification: title and body of its latest event (the incident resolved since
 * we last looked reads "Resolved — …", not its opening), with how many updates it stands for.
 */
export function groupNotification(group: EventGroup): PlannedNotification {
  const eventIds = idsOf([group]);
  const changes = changeCount(group);
  const more = changes > 1 ? `\n${plural(changes, 'update')} since the last check` : '';
  return {
    id: `notify:${shortHash([...eventIds].sort().join('|'))}`,
    title: group.latest.title,
    body: `${group.latest.body}${more}`,
    url: group.latest.url ?? group.events.find((e) => e.url !== null)?.url ?? null,
    eventIds,
    urgency: urgencyOf(group.latest.level),
    target: targetOf(group.latest),
  };
}

/** Vendor names by number of subjects, most first: "GitHub (2), Stripe". */
function vendorList(groups: readonly EventGroup[], vendorNames: Record<string, string>): { count: number; text: string } {
  const counts = new Map<string, number>();
  for (const g of groups) counts.set(g.vendorId, (counts.get(g.vendorId) ?? 0) + 1);
  const entries = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const text = entries.map(([id, n]) => `${vendorNames[id] ?? id}${n > 1 ? ` (${n})` : ''}`).join(', ');
  return { count: counts.size, text };
}

/**
 * One notification standing for many subjects. `headline` says what they are ("updates",
 * "ongoing"); the body names the vendors, then up to three subjects.
 */
export function summaryNotification(groups: readonly EventGroup[], vendorNames: Record<string, string>, kind: 'updates' | 'ongoing'): PlannedNotification {
  const eventIds = idsOf(groups);
  const vendors = vendorList(groups, vendorNames);
  const title = kind === 'updates'
    ? `${plural(groups.length, 'update')} from ${plural(vendors.count, 'vendor')}`
    : `${groups.length} ongoing ${groups.length === 1 ? 'issue' : 'issues'} at ${plural(vendors.count, 'vendor')}`;
  const lines = groups.slice(0, 3).map((g) => g.latest.title);
  if (groups.length > 3) lines.push(`and ${groups.length - 3} more`);
  return {
    id: `summary:${shortHash([...eventIds].sort().join('|'))}`,
    title,
    body: `${vendors.text}\n${lines.join('\n')}`,
    url: null,
    eventIds,
    urgency: loudest(groups),
    // One vendor's summary opens that vendor; several vendors', the overview.
    target: vendors.count === 1 ? { vendorId: groups[0]!.vendorId, subject: 'vendor', subjectId: null } : null,
  };
}
