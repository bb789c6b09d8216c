import type { Component, Incident, Maintenance, Snapshot, StatusLevel } from '../../../../shared/model/index.ts';
import { isIncidentClosed, worstOf } from '../../../../shared/model/index.ts';

/**
 * Overall level when a platform gives none (feeds, GCP, AWS): the worst component, raised by open
 * incidents' impact, and `maintenance` while one is in progress and nothing is worse.
 */
export function deriveLevel(components: Component[], incidents: Incident[], maintenances: Maintenance[]): StatusLevel {
  const levels: StatusLevel[] = components.map((c) => c.status);
  for (const incident of incidents) {
    if (isIncidentClosed(incident.status)) continue;
    levels.push(incident.impact === 'critical' ? 'major_outage' : incident.impact === 'major' ? 'partial_outage' : 'degraded');
  }
  const worst = worstOf(levels);
  if (worst === 'operational' && maintenances.some((m) => m.status === 'in_progress' || m.status === 'verifying')) return 'maintenance';
  return worst;
}

/** Stable ordering every adapter applies, so diffs and tests never depend on feed order. */
export function sortSnapshot(snapshot: Snapshot): Snapshot {
  snapshot.incidents.sort((a, b) => b.startedAt.localeCompare(a.startedAt) || a.id.localeCompare(b.id));
  snapshot.maintenances.sort((a, b) => a.scheduledFor.localeCompare(b.scheduledFor) || a.id.localeCompare(b.id));
  for (const item of [...snapshot.incidents, ...snapshot.maintenances]) {
    (item.updates as { at: string }[]).sort((a, b) => a.at.localeCompare(b.at));
  }
  return snapshot;
}

/** A URL-safe id from a name, for components and feed items that carry none. */
export function slugify(name: string): string {
  return name.toLowerCase().normalize('NFKD').replace(/[^\w]+/g, '-').replace(/^-|-$/g, '').slice(0, 80) || 'item';
}
