/**
 * Times as people read them on status pages: absolute in the user's zone with the zone shown
 * ("Apr 21, 13:36 UTC+2"), relative beside it ("12 min ago"), durations in words ("1 h 42 min").
 * Stored instants are UTC; only here do they meet a zone. Intl does the calendar work.
 */

/** The app's one locale: its words are English, so its dates and weekday names are too. */
export const APP_LOCALE = 'en-US';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "UTC+1", "UTC": the zone as status pages write it. */
export function zoneLabel(date: Date, timeZone?: string): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'shortOffset' }).formatToParts(date).find((p) => p.type === 'timeZoneName');
  const label = (part?.value ?? 'GMT').replace(/^GMT/, 'UTC');
  return label === 'UTC+0' ? 'UTC' : label;
}

/** "Apr 21, 13:36 UTC+2"; the year is added when it is not the current one. */
export function formatAbsolute(iso: string, opts: { timeZone?: string; now?: number; seconds?: boolean } = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const sameYear = new Date(opts.now ?? Date.now()).getUTCFullYear() === date.getUTCFullYear();
  const text = new Intl.DateTimeFormat('en-US', {
    timeZone: opts.timeZone, month: 'short', day: 'numeric', ...(sameYear ? {} : { year: 'numeric' }),
    hour: '2-digit', minute: '2-digit', ...(opts.seconds ? { second: '2-digit' } : {}), hourCycle: 'h23',
  }).format(date);
  return `${text} ${zoneLabel(date, opts.timeZone)}`;
}

/** "Apr 21, 2026" in the user's zone. */
export function formatDay(iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone, month: 'short', day: 'numeric', year: 'numeric' }).format(new Date(iso));
}

/** "13:36" in the user's zone. */
export function formatClock(iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

/** "21 min", "1 h 42 min", "3 d 4 h"; under a minute is "<1 min". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  if (ms < MINUTE) return '<1 min';
  if (ms < HOUR) return `${Math.round(ms / MINUTE)} min`;
  if (ms < DAY) {
    const h = Math.floor(ms / HOUR);
    const m = Math.round((ms - h * HOUR) / MINUTE);
    return m === 60 ? `${h + 1} h` : m === 0 ? `${h} h` : `${h} h ${m} min`;
  }
  const d = Math.floor(ms / DAY);
  const h = Math.round((ms - d * DAY) / HOUR);
  return h === 0 || h === 24 ? `${h === 24 ? d + 1 : d} d` : `${d} d ${h} h`;
}

/** "just now", "12 min ago", "3 h ago", "in 2 d", "4 mo ago", "2 y ago". */
export function formatRelative(iso: string, now = Date.now()): string {
  const delta = Date.parse(iso) - now;
  const abs = Math.abs(delta);
  // A few minutes ahead is clock skew between the vendor and this machine, not the future.
  if (abs < MINUTE || (delta > 0 && delta < 5 * MINUTE)) return 'just now';
  const amount = abs >= 365 * DAY ? `${Math.floor(abs / (365 * DAY))} y` : abs >= 60 * DAY ? `${Math.floor(abs / (30 * DAY))} mo` : formatDuration(abs).replace(/ \d+ (min|h)$/, '');
  return delta < 0 ? `${amount} ago` : `in ${amount}`;
}

/** The user's IANA zone, for labels such as "times in Europe/Berlin". */
export function userTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
