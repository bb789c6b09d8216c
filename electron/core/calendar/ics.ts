import ical, { ICalEventStatus } from 'ical-generator';
import type { MaintenanceRecord } from '../../../shared/contract/history.ts';

/**
 * The maintenance calendar as iCalendar, so a user can subscribe to vendors' planned work in the
 * calendar they already use. Written with ical-generator (escaping, folding and UID rules are easy
 * to get subtly wrong by hand). UIDs are stable per vendor and maintenance, so re-importing the
 * file updates events instead of duplicating them.
 */
export function maintenancesToIcs(records: MaintenanceRecord[], opts: { now: string; calendarName?: string }): string {
  const calendar = ical({ name: opts.calendarName ?? 'Upstream: vendor maintenance', prodId: { company: 'Upstream', product: 'upstream' } });
  for (const { vendorId, vendorName, maintenance: m } of records) {
    const start = new Date(m.scheduledFor);
    // Vendors often leave the end open; an hour is what their own pages assume when they render it.
    const end = m.scheduledUntil ? new Date(m.scheduledUntil) : new Date(start.getTime() + 3_600_000);
    const latest = m.updates.at(-1);
    calendar.createEvent({
      id: `${vendorId}/${m.id}@upstream`,
      start,
      end: end > start ? end : new Date(start.getTime() + 60_000),
      stamp: new Date(opts.now),
      summary: `${vendorName}: ${m.title}`,
      description: [
        m.components.length ? `Affects: ${m.components.join(', ')}` : '',
        latest ? `${latest.label}: ${latest.body}` : '',
      ].filter(Boolean).join('\n\n'),
      url: m.url && /^https?:\/\//.test(m.url) ? m.url : null,
      status: m.status === 'completed' ? ICalEventStatus.CONFIRMED : ICalEventStatus.TENTATIVE,
    });
  }
  return calendar.toString();
}
