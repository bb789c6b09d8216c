import type { QuietHours } from '../../../shared/model/index.ts';

/** Minutes since local midnight of an "HH:MM" setting, or undefined when unreadable. */
function minutesOf(text: string): number | undefined {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h <= 23 && min <= 59 ? h * 60 + min : undefined;
}

/**
 * Wall-clock minutes since midnight of an instant in an IANA zone. Intl does the zone arithmetic
 * (DST included), so "22:00" means 22:00 on the user's clock in winter and summer alike. An
 * unknown zone falls back to UTC rather than throwing: a typo in settings must not stop polling.
 */
export function localMinutes(instant: string, timeZone: string): number {
  const date = new Date(instant);
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(date);
  } catch {
    return date.getUTCHours() * 60 + date.getUTCMinutes();
  }
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return (get('hour') % 24) * 60 + get('minute');
}

/**
 * True when `instant` falls inside the quiet window on the user's clock. The window includes its
 * start and excludes its end; start after end spans midnight ("22:00"–"07:00"); start equal to end
 * is an empty window (not "all day": muting everything is what the `muted` threshold is for).
 * Unreadable times disable the window rather than silence notifications by accident.
 */
export function inQuietHours(quiet: QuietHours, instant: string, timeZone: string): boolean {
  if (!quiet.enabled) return false;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === undefined || end === undefined || start === end) return false;
  const t = localMinutes(instant, timeZone);
  return start < end ? t >= start && t < end : t >= start || t < end;
}
