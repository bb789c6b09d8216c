import type { MaintenanceRecord } from '../../../shared/contract/history.ts';
import type { MaintenanceStatus } from '../../../shared/model/index.ts';
import { formatDuration, zoneLabel } from '../../lib/time.ts';
import { endOf } from './dates.ts';

/**
 * A maintenance window as the calendar shows it: "Nov 30, 22:00 – 02:00 UTC+1" in the user's
 * zone, its length in words, and whether it is under way. Times follow renderer/lib/time.ts (en-US
 * digits, 24-hour clock, the zone as a UTC offset).
 */

export function entryKey(r: MaintenanceRecord): string {
  return `${r.vendorId}/${r.maintenance.id}`;
}

/** The vendor says the work is happening now (verifying is still under way). */
export function isUnderWay(status: MaintenanceStatus): boolean {
  return status === 'in_progress' || status === 'verifying';
}

function dayText(d: Date, withYear: boolean): string {
  return new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', ...(withYear ? { year: 'numeric' } : {}) }).format(d);
}

/** "22:00" in the user's zone. */
export function clock(d: Date | number): string {
  return new Intl.DateTimeFormat('en-US', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);
}

/**
 * "Nov 30, 22:00 – 02:00 UTC+1": the end shows only its time when it is less than a day later,
 * its date too when longer; two zone labels when DST changes inside the window; "end not
 * announced" when the vendor gave none.
 */
export function formatWindow(scheduledFor: string, scheduledUntil: string | null, now: number): string {
  const start = new Date(scheduledFor);
  if (Number.isNaN(start.getTime())) return scheduledFor;
  const year = new Date(now).getFullYear();
  const head = `${dayText(start, start.getFullYear() !== year)}, ${clock(start)}`;
  const startZone = zoneLabel(start);
  if (!scheduledUntil) return `${head} ${startZone}, end not announced`;
  const end = new Date(endOf(scheduledFor, scheduledUntil));
  const endZone = zoneLabel(end);
  const long = end.getTime() - start.getTime() >= 86_400_000;
  const tail = long ? `${dayText(end, end.getFullYear() !== start.getFullYear() || end.getFullYear() !== year)}, ${clock(end)}` : clock(end);
  return endZone === startZone ? `${head} – ${tail} ${endZone}` : `${head} ${startZone} – ${tail} ${endZone}`;
}

/** "4 h", or null when the vendor announced no end. */
export function windowDuration(scheduledFor: string, scheduledUntil: string | null): string | null {
  if (!scheduledUntil) return null;
  return formatDuration(endOf(scheduledFor, scheduledUntil) - Date.parse(scheduledFor));
}
