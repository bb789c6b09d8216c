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
 * Page status. summary.json documents the trio UP | HASISSUES | UNDERMAINTENANCE
 * [D: instatus.com/help/api/public-data]; Instatus's API and page data also use compound words,
 * a scope (ALL / SOME / ONE component) glued to a component status: ALLUNDERMAINTENANCE …
 * ONEMAJOROUTAGE [C: Instatus API clients and OpenAPI-derived tools; F: Whereby's page data has
 * `"mainStatus":"SOMEDEGRADEDPERFORMANCE"`], and some pages put a bare component word there.
 * The level is the component word's, whatever the scope: the overall level is the worst
 * component's everywhere in Upstream, and "one component in major outage" is a major outage of
 * that component. HASISSUES says nothing about how bad, so it is the floor `degraded` and
 * components/incidents raise it.
 */
export const INSTATUS_PAGE_LEVELS: Readonly<Record<string, StatusLevel>> = {
  UP: 'operational',
  HASISSUES: 'degraded',
  ...INSTATUS_COMPONENT_LEVELS,
  ...scoped('ALL'),
  ...scoped('SOME'),
  ...scoped('ONE'),
};

function scoped(scope: 'ALL' | 'SOME' | 'ONE'): Record<string, StatusLevel> {
  const out: Record<string, StatusLevel> = {};
  for (const [word, level] of Object.entries(INSTATUS_COMPONENT_LEVELS)) if (word !== 'OPERATIONAL') out[scope + word] = level;
  return out;
}

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
