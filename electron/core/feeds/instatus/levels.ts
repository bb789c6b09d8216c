import type { Impact, IncidentStatus, MaintenanceStatus, StatusLevel } from '../../../../shared/model/index.ts';

/**
 * Instatus writes every enum UPPERCASE without underscores (`DEGRADEDPERFORMANCE`), unlike
 * Statuspage's snake_case. Values come from two independent public clients (stts and an Instatus
 * TypeScript client) and feed-formats.md §2; no raw capture exists.
 */
export const INSTATUS_COMPONENT_LEVELS: Readonly<Record<string, StatusLevel>> = {
  OPERATIONAL: 'operational',
  UNDERMAINTENANCE: 'maintenance',
  DEGRADEDPERFORMANCE: 'degraded',
  PARTIALOUTAGE: 'partial_outage',
  // MINOROUTAGE has no Statuspage twin; Instatus draws it between degraded and major, so it
  // joins partial_outage on our ladder (feed-formats.md cheat-sheet).
  MINOROUTAGE: 'partial_outage',
  MAJOROUTAGE: 'major_outage',
};

/**
 * Page status: the documented trio UP | HASISSUES | UNDERMAINTENANCE, plus the component words
 * some pages have been seen to put there (MAJOROUTAGE...). HASISSUES says nothing about how bad,
 * so it is the floor `degraded` and components/incidents raise it.
 */
export const INSTATUS_PAGE_LEVELS: Readonly<Record<string, StatusLevel>> = {
  UP: 'operational',
  HASISSUES: 'degraded',
  ...INSTATUS_COMPONENT_LEVELS,
};

/** An incident's `impact` uses the component words; mapped so deriveLevel gives them back. */
export const INSTATUS_IMPACTS: Readonly<Record<string, Impact>> = {
  OPERATIONAL: 'none',
  UNDERMAINTENANCE: 'none',
  DEGRADEDPERFORMANCE: 'minor',
  MINOROUTAGE: 'major',
  PARTIALOUTAGE: 'major',
  MAJOROUTAGE: 'critical',
};

/** Incident statuses map one to one onto ours; there is no postmortem state in the summary. */
export const INSTATUS_INCIDENT_STATUSES: Readonly<Record<string, IncidentStatus>> = {
  INVESTIGATING: 'investigating',
  IDENTIFIED: 'identified',
  MONITORING: 'monitoring',
  RESOLVED: 'resolved',
};

/** Instatus has no `verifying` step: a maintenance goes straight from INPROGRESS to COMPLETED. */
export const INSTATUS_MAINTENANCE_STATUSES: Readonly<Record<string, MaintenanceStatus>> = {
  NOTSTARTEDYET: 'scheduled',
  INPROGRESS: 'in_progress',
  COMPLETED: 'completed',
};

/** "NOTSTARTEDYET" → "Not started yet" is not derivable, so labels are spelled out. */
export const INSTATUS_LABELS: Readonly<Record<string, string>> = {
  INVESTIGATING: 'Investigating',
  IDENTIFIED: 'Identified',
  MONITORING: 'Monitoring',
  RESOLVED: 'Resolved',
  NOTSTARTEDYET: 'Not started yet',
  INPROGRESS: 'In progress',
  COMPLETED: 'Completed',
};
