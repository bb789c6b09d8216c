import type {
  Component, Incident, IncidentStatus, IncidentUpdate, Maintenance, MaintenanceStatus, MaintenanceUpdate,
  NotificationSettings, Snapshot, VendorEvent,
} from '../../../../shared/model/index.ts';

/** Small builders for hand-made snapshots: every field has a plain default, tests override what matters. */

export const GITHUB = { vendorId: 'github', vendorName: 'GitHub' };

export function ctxAt(now: string): { vendorId: string; vendorName: string; now: string } {
  return { ...GITHUB, now };
}

export function update(at: string, label: string, body: string, status: IncidentStatus = 'investigating', id: string | null = null): IncidentUpdate {
  return { id, status, label, body, at };
}

export function mUpdate(at: string, label: string, body: string, status: MaintenanceStatus): MaintenanceUpdate {
  return { id: null, status, label, body, at };
}

/** An incident whose status, start and resolution follow its updates unless overridden. */
export function incident(id: string, updates: IncidentUpdate[], extra: Partial<Incident> = {}): Incident {
  const last = updates.at(-1);
  const status = extra.status ?? last?.status ?? 'investigating';
  const closed = status === 'resolved' || status === 'postmortem';
  return {
    id,
    title: `Incident with ${id}`,
    url: `https://www.githubstatus.com/incidents/${id}`,
    impact: 'major',
    status,
    startedAt: updates[0]?.at ?? '2024-01-01T00:00:00.000Z',
    resolvedAt: closed ? (updates.findLast((u) => u.status === 'resolved')?.at ?? null) : null,
    components: [],
    updates,
    postmortem: null,
    ...extra,
  };
}

export function maintenance(id: string, status: MaintenanceStatus, updates: MaintenanceUpdate[], extra: Partial<Maintenance> = {}): Maintenance {
  return {
    id,
    title: `Maintenance ${id}`,
    url: `https://www.githubstatus.com/incidents/${id}`,
    status,
    scheduledFor: '2024-03-01T10:00:00.000Z',
    scheduledUntil: '2024-03-01T12:00:00.000Z',
    components: [],
    updates,
    ...extra,
  };
}

export function component(id: string, status: Component['status'], name = id.toUpperCase()): Component {
  return { id, name, group: null, status };
}

export function snapshot(parts: Partial<Pick<Snapshot, 'components' | 'incidents' | 'maintenances'>> & { fetchedAt?: string } = {}): Snapshot {
  return {
    source: { url: 'https://www.githubstatus.com/history.atom', platform: 'statuspage', format: 'atom', fetchedAt: parts.fetchedAt ?? '2024-01-01T00:00:00.000Z' },
    page: { name: 'GitHub', url: 'https://www.githubstatus.com' },
    status: { level: 'operational', description: 'All Systems Operational' },
    components: parts.components ?? [],
    incidents: parts.incidents ?? [],
    maintenances: parts.maintenances ?? [],
    warnings: [],
  };
}

export function settings(extra: Partial<NotificationSettings> = {}): NotificationSettings {
  return {
    enabled: true,
    defaults: { threshold: 'all', components: [], kinds: [] },
    perVendor: {},
    quietHours: { enabled: false, start: '22:00', end: '07:00' },
    snoozes: [],
    ...extra,
  };
}

let serial = 0;
/** A ready-made event for rules tests. */
export function event(extra: Partial<VendorEvent> & Pick<VendorEvent, 'kind' | 'vendorId'>): VendorEvent {
  serial += 1;
  const subjectId = extra.subjectId === undefined ? `s${serial}` : extra.subjectId;
  return {
    id: `${extra.vendorId}:${extra.kind}:${subjectId ?? ''}:${serial}`,
    subjectId,
    at: '2024-05-01T12:00:00.000Z',
    detectedAt: '2024-05-01T12:01:00.000Z',
    title: `${extra.vendorId}: Subject ${subjectId ?? ''}`,
    body: 'Investigating — We are investigating.',
    impact: 'major',
    level: 'partial_outage',
    url: null,
    ...extra,
  };
}

/** Count events by kind, for exact-count assertions. */
export function countKinds(events: readonly VendorEvent[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const e of events) counts[e.kind] = (counts[e.kind] ?? 0) + 1;
  return counts;
}
