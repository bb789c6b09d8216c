import type { IncidentStatus, MaintenanceStatus, StatusLevel } from '../../../../shared/model/index.ts';

/**
 * Cachet enums are integers (sometimes sent as strings, `"status":"1"`), the same in 2.x and 3.x
 * [D: docs.cachethq.io]. `0` for a component is "Unknown" in some builds [K].
 */
export const CACHET_COMPONENT_LEVELS: Readonly<Record<number, StatusLevel>> = {
  0: 'unknown',
  1: 'operational',
  2: 'degraded',
  3: 'partial_outage',
  4: 'major_outage',
};

/**
 * Incident status 1–4. `0` ("Scheduled") is how Cachet before 2.4 stored maintenances; those
 * become Maintenance objects, not incidents.
 */
export const CACHET_INCIDENT_STATUSES: Readonly<Record<number, { status: IncidentStatus; label: string }>> = {
  1: { status: 'investigating', label: 'Investigating' },
  2: { status: 'identified', label: 'Identified' },
  3: { status: 'monitoring', label: 'Watching' },
  4: { status: 'resolved', label: 'Fixed' },
};

/** Schedules (2.4+, 3.x): 0 upcoming, 1 in progress, 2 complete. */
export const CACHET_SCHEDULE_STATUSES: Readonly<Record<number, { status: MaintenanceStatus; label: string }>> = {
  0: { status: 'scheduled', label: 'Upcoming' },
  1: { status: 'in_progress', label: 'In progress' },
  2: { status: 'completed', label: 'Complete' },
};
