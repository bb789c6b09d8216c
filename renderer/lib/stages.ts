import type { EventKind } from '../../shared/model/index.ts';

/** Stage words as vendors write them (one table for engine and UI). */
export { STAGE_LABELS } from '../../shared/model/index.ts';

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
