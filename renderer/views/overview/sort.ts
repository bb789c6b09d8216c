import type { VendorView } from '../../../shared/contract/vendors.ts';
import { rankOf, type Incident, type Maintenance } from '../../../shared/model/index.ts';

/** Problems first (worst level, then our own trouble reading them), then by name. */
export function vendorsProblemsFirst(vendors: readonly VendorView[]): VendorView[] {
  const trouble = (v: VendorView): number => (v.health === 'feed_broken' || v.health === 'unreachable' ? 1 : 0);
  return [...vendors].sort((a, b) => rankOf(b.level) - rankOf(a.level) || trouble(b) - trouble(a) || a.source.name.localeCompare(b.source.name));
}

export interface ActiveIncident {
  vendor: VendorView;
  incident: Incident;
}

/** Every vendor's unresolved incidents, the most recently updated first. */
export function activeIncidents(vendors: readonly VendorView[]): ActiveIncident[] {
  const lastAt = (i: Incident): string => i.updates.at(-1)?.at ?? i.startedAt;
  return vendors.flatMap((vendor) => vendor.activeIncidents.map((incident) => ({ vendor, incident })))
    .sort((a, b) => lastAt(b.incident).localeCompare(lastAt(a.incident)));
}

export interface UpcomingMaintenance {
  vendor: VendorView;
  maintenance: Maintenance;
}

/** Maintenance in progress now or starting within `days`, soonest first. */
export function upcomingMaintenance(vendors: readonly VendorView[], now: number, days = 7): UpcomingMaintenance[] {
  const horizon = now + days * 86_400_000;
  return vendors.flatMap((vendor) => vendor.maintenances
    .filter((m) => m.status !== 'completed' && (m.status !== 'scheduled' || Date.parse(m.scheduledFor) <= horizon))
    .filter((m) => !m.scheduledUntil || Date.parse(m.scheduledUntil) >= now - 3_600_000 || m.status === 'in_progress' || m.status === 'verifying')
    .map((maintenance) => ({ vendor, maintenance })))
    .sort((a, b) => a.maintenance.scheduledFor.localeCompare(b.maintenance.scheduledFor));
}
