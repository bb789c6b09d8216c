import { STAGE_LABELS } from '../../../../shared/model/index.ts';
import type { Impact, IncidentStatus, MaintenanceStatus, StatusLevel } from '../../../../shared/model/index.ts';

/**
 * Statuspage's enums and the words its pages show for them. Shared by the JSON adapter and the
 * Atom/RSS reader, since both read the same platform and must agree (the cross-check test holds
 * them to it).
 */

/** Component statuses [F]; `under_maintenance` [D]. */
export const COMPONENT_LEVELS: Readonly<Record<string, StatusLevel>> = {
  operational: 'operational',
  degraded_performance: 'degraded',
  partial_outage: 'partial_outage',
  major_outage: 'major_outage',
  under_maintenance: 'maintenance',
};

/** `status.indicator` [F]; `maintenance` appears while a maintenance runs [C]. */
export const INDICATOR_LEVELS: Readonly<Record<string, StatusLevel>> = {
  none: 'operational',
  minor: 'degraded',
  major: 'partial_outage',
  critical: 'major_outage',
  maintenance: 'maintenance',
};

/** Incident impact [F]; maintenances carry `maintenance`, which is no severity, so `none`. */
export const IMPACTS: Readonly<Record<string, Impact>> = {
  none: 'none',
  minor: 'minor',
  major: 'major',
  critical: 'critical',
  maintenance: 'none',
};

export const INCIDENT_STATUS_SET: ReadonlySet<string> = new Set<IncidentStatus>(['investigating', 'identified', 'monitoring', 'resolved', 'postmortem']);
export const MAINTENANCE_STATUS_SET: ReadonlySet<string> = new Set<MaintenanceStatus>(['scheduled', 'in_progress', 'verifying', 'completed']);

/** The words a Statuspage page prints for a status (the Atom feed's labels). */
export const STATUS_WORDS = STAGE_LABELS;

/**
 * The label the page shows for an update: Statuspage prints "Update" when the status did not
 * change since the previous update [F: every Atom "Update" matches a repeated status in JSON].
 */
export function updateLabel(status: IncidentStatus | MaintenanceStatus, previous: string | undefined): string {
  return status === previous ? 'Update' : STATUS_WORDS[status];
}
