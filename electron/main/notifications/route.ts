import type { PlannedNotification } from '../../core/changes/notification-text.ts';

/**
 * Where clicking a notification lands: the incident's page for an incident, the maintenance
 * calendar for a maintenance, the vendor's page for a vendor's own news, the overview for a
 * summary of several vendors.
 */
export function routeForNotification(n: Pick<PlannedNotification, 'target'>): string {
  const t = n.target;
  if (!t) return '#/';
  const vendor = `#/vendor/${encodeURIComponent(t.vendorId)}`;
  if (t.subject === 'incident' && t.subjectId) return `${vendor}/incident/${encodeURIComponent(t.subjectId)}`;
  if (t.subject === 'maintenance') return '#/calendar?view=agenda';
  return vendor;
}
