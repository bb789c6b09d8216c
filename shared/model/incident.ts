/**
 * Incidents and maintenances as the user sees them: a titled event with a timeline of updates.
 * Every instant is an ISO-8601 UTC string (`2024-01-02T03:04:05.000Z`) so values compare as text,
 * serialise unchanged across IPC/HTTP/SQLite, and render in the user's zone only at the edge.
 */

export const IMPACTS = ['none', 'minor', 'major', 'critical'] as const;
/** How bad the vendor says an incident is. */
export type Impact = (typeof IMPACTS)[number];

export const INCIDENT_STATUSES = [
  'investigating',
  'identified',
  'monitoring',
  'resolved',
  'postmortem',
] as const;
/** Where an incident is in its life. */
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const MAINTENANCE_STATUSES = ['scheduled', 'in_progress', 'verifying', 'completed'] as const;
/** Where a maintenance is in its life. */
export type MaintenanceStatus = (typeof MAINTENANCE_STATUSES)[number];

/**
 * Stage words as status pages print them (Statuspage's labels, which people know): what the
 * engine writes when a vendor gives none, and what every face shows.
 */
export const STAGE_LABELS: Readonly<Record<IncidentStatus | MaintenanceStatus, string>> = {
  investigating: 'Investigating',
  identified: 'Identified',
  monitoring: 'Monitoring',
  resolved: 'Resolved',
  postmortem: 'Postmortem',
  scheduled: 'Scheduled',
  in_progress: 'In progress',
  verifying: 'Verifying',
  completed: 'Completed',
};

/** One entry of a timeline, as the vendor posted it. */
export interface TimelineUpdate<S extends string> {
  /** The vendor's id for the update when it has one (Statuspage JSON does, feeds do not). */
  id: string | null;
  /** Status at the time of this update; an "Update" that changes nothing repeats the status. */
  status: S;
  /** The label exactly as the vendor wrote it ("Update", "In progress", "Watching"…). */
  label: string;
  /** Plain text, HTML stripped and entities decoded; paragraphs separated by blank lines. */
  body: string;
  /** When the vendor says it was posted (UTC ISO). */
  at: string;
}

export type IncidentUpdate = TimelineUpdate<IncidentStatus>;
export type MaintenanceUpdate = TimelineUpdate<MaintenanceStatus>;

export interface Incident {
  /** Stable per vendor; the platform's API id where we can find it (e.g. Statuspage's code). */
  id: string;
  title: string;
  url: string | null;
  impact: Impact;
  status: IncidentStatus;
  startedAt: string;
  resolvedAt: string | null;
  /** Names of affected components, as the vendor names them. */
  components: string[];
  /** Chronological: oldest first. */
  updates: IncidentUpdate[];
  /** The postmortem text, when the vendor published one. */
  postmortem: string | null;
}

export interface Maintenance {
  id: string;
  title: string;
  url: string | null;
  status: MaintenanceStatus;
  scheduledFor: string;
  scheduledUntil: string | null;
  components: string[];
  /** Chronological: oldest first. */
  updates: MaintenanceUpdate[];
}

/** True when the incident is over from the user's point of view. */
export function isIncidentClosed(status: IncidentStatus): boolean {
  return status === 'resolved' || status === 'postmortem';
}
