import type { IncidentStatus, MaintenanceStatus } from '../../../../shared/model/index.ts';

/**
 * Feed labels → statuses. Statuspage prints human-cased words [F: Investigating, Update,
 * Monitoring, Resolved, Scheduled, In progress, Completed; D: Identified, Verifying, Postmortem].
 * "Update" means "no status change", so it carries the previous status. Instatus maintenances
 * have been described using incident words while scheduled or running and "Completed" at the end
 * [K, no capture]. Inferred reading: inside a maintenance, an incident word on the first update
 * means "scheduled", and a later one means the work has started ("in progress").
 */

export const INCIDENT_LABELS: Readonly<Record<string, IncidentStatus>> = {
  investigating: 'investigating',
  identified: 'identified',
  monitoring: 'monitoring',
  resolved: 'resolved',
  postmortem: 'postmortem',
};

export const MAINTENANCE_LABELS: Readonly<Record<string, MaintenanceStatus>> = {
  scheduled: 'scheduled',
  'in progress': 'in_progress',
  verifying: 'verifying',
  completed: 'completed',
};

/** Labels that mean "same status as before". */
const CONTINUATION = new Set(['update', 'updated']);

/** Label words normalised for lookup ("In Progress", "in_progress" → "in progress"). */
export function labelKey(label: string): string {
  return label.toLowerCase().replace(/[_\s]+/g, ' ').trim();
}

export type LabelMeaning =
  | { kind: 'incident'; status: IncidentStatus }
  | { kind: 'maintenance'; status: MaintenanceStatus }
  | { kind: 'continuation' }
  | { kind: 'unknown' };

export function labelMeaning(label: string): LabelMeaning {
  const key = labelKey(label);
  const incident = INCIDENT_LABELS[key];
  if (incident) return { kind: 'incident', status: incident };
  const maintenance = MAINTENANCE_LABELS[key];
  if (maintenance) return { kind: 'maintenance', status: maintenance };
  if (CONTINUATION.has(key)) return { kind: 'continuation' };
  return { kind: 'unknown' };
}

/** Status of an incident update given its label and the status before it. */
export function incidentStatusFor(meaning: LabelMeaning, previous: IncidentStatus | undefined): IncidentStatus {
  if (meaning.kind === 'incident') return meaning.status;
  if (meaning.kind === 'maintenance' && meaning.status === 'completed') return 'resolved';
  return previous ?? 'investigating';
}

/** Status of a maintenance update given its label and the status before it. */
export function maintenanceStatusFor(meaning: LabelMeaning, previous: MaintenanceStatus | undefined): MaintenanceStatus {
  if (meaning.kind === 'maintenance') return meaning.status;
  if (meaning.kind === 'incident') {
    if (meaning.status === 'resolved' || meaning.status === 'postmortem') return 'completed';
    return previous === undefined ? 'scheduled' : previous === 'scheduled' ? 'in_progress' : previous;
  }
  return previous ?? 'scheduled';
}
