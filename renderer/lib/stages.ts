import type { EventKind, IncidentStatus, MaintenanceStatus } from '../../shared/model/index.ts';

/** Stage words as vendors write them. */
export const STAGE_LABELS: Record<IncidentStatus | MaintenanceStatus, string> = {
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

/** What an event is, in a word or two, for activity lists. */
export const EVENT_KIND_LABELS: Record<EventKind, string> = {
  'incident.opened': 'New incident',
  'incident.updated': 'Update',
  'incident.resolved': 'Resolved',
  'incident.reopened': 'Reopened',
  'incident.postmortem': 'Postmortem',
  'component.status_changed': 'Component',
  'maintenance.scheduled': 'Maintenance scheduled',
  'maintenance.started': 'Maintenance started',
  'maintenance.verifying': 'Maintenance verifying',
  'maintenance.completed': 'Maintenance completed',
  'vendor.unreachable': 'Page unreachable',
  'vendor.recovered': 'Page reachable again',
};
