import type { IncidentStatus, MaintenanceStatus } from '../../../shared/model/index.ts';
import type { ComponentState } from './script.ts';

/**
 * The Atlassian Statuspage API v2 objects the demo serves, field for field as real pages send
 * them (see the GitHub and Personio captures in the shared fixtures), so the demo exercises the
 * same adapter code paths a real vendor does. Times are UTC ISO-8601 with milliseconds.
 */

export interface StatuspagePage {
  id: string;
  name: string;
  url: string;
  time_zone: string;
  updated_at: string;
}

export interface StatuspageComponent {
  id: string;
  name: string;
  status: ComponentState;
  created_at: string;
  updated_at: string;
  position: number;
  description: string | null;
  showcase: boolean;
  start_date: string | null;
  group_id: string | null;
  page_id: string;
  group: boolean;
  only_show_if_degraded: boolean;
  /** Groups only: their members' ids. */
  components?: string[];
}

export interface StatuspageAffectedComponent {
  code: string;
  name: string;
  old_status: ComponentState;
  new_status: ComponentState;
}

export interface StatuspageUpdate {
  id: string;
  status: IncidentStatus | MaintenanceStatus;
  body: string;
  incident_id: string;
  created_at: string;
  updated_at: string;
  display_at: string;
  affected_components: StatuspageAffectedComponent[];
  deliver_notifications: boolean;
  custom_tweet: null;
  tweet_id: null;
}

export interface StatuspageIncident {
  id: string;
  name: string;
  status: IncidentStatus | MaintenanceStatus;
  created_at: string;
  updated_at: string;
  monitoring_at: string | null;
  resolved_at: string | null;
  impact: 'none' | 'minor' | 'major' | 'critical' | 'maintenance';
  shortlink: string;
  started_at: string;
  page_id: string;
  /** Newest first, as Statuspage serves them. */
  incident_updates: StatuspageUpdate[];
  components: StatuspageComponent[];
  reminder_intervals: string | null;
  /** Incidents only: the published postmortem (markdown), else null. */
  postmortem_body?: string | null;
  postmortem_body_last_updated_at?: string | null;
  postmortem_published_at?: string | null;
  /** Maintenances only. */
  scheduled_for?: string;
  scheduled_until?: string;
  scheduled_remind_prior?: boolean;
  scheduled_reminded_at?: string | null;
  scheduled_auto_in_progress?: boolean;
  scheduled_auto_completed?: boolean;
}

export type StatuspageIndicator = 'none' | 'minor' | 'major' | 'critical' | 'maintenance';

/** `/api/v2/summary.json`: unresolved incidents and upcoming or running maintenances only. */
export interface StatuspageSummary {
  page: StatuspagePage;
  components: StatuspageComponent[];
  incidents: StatuspageIncident[];
  scheduled_maintenances: StatuspageIncident[];
  status: { indicator: StatuspageIndicator; description: string };
}

/** `/api/v2/incidents.json`: every incident, newest first. */
export interface StatuspageIncidents {
  page: StatuspagePage;
  incidents: StatuspageIncident[];
}

/** `/api/v2/scheduled-maintenances.json`: every maintenance, latest window first. */
export interface StatuspageMaintenances {
  page: StatuspagePage;
  scheduled_maintenances: StatuspageIncident[];
}

/** What one demo vendor serves at one instant, by the role endpoints.ts gives each path. */
export interface DemoDocuments {
  summary: StatuspageSummary;
  incidents: StatuspageIncidents;
  maintenances: StatuspageMaintenances;
}
