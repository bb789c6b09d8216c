import { APP_LOCALE } from '../../lib/time.ts';
/**
 * Calendar arithmetic in the user's zone. Days are local days (a window from 22:00 to 02:00 covers
 * two of them); Date's local setters do the DST work, Intl does the names. Weeks start on Monday.
 */

/** A calendar month: `month` is 0-11, as Date counts them. */
export interface Month {
  year: number;
  month: number;
}

const DAY_MS = 86_400_000;
/** Vendors often leave the end open; an hour is what their own pages assume when they render it. */
export const OPEN_END_MS = 3_600_000;

/** The month a `YYYY-MM` parameter names, or the month holding `now` when it names none. */
export function parseMonth(param: string | null, now: Date): Month {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(param ?? '');
  return match ? { year: Number(match[1]), month: Number(match[2]) - 1 } : { year: now.getFullYear(), month: now.getMonth() };
}

export function monthParam(m: Month): string {
  return `${String(m.year).padStart(4, '0')}-${String(m.month + 1).padStart(2, '0')}`;
}

export function addMonths(m: Month, n: number): Month {
  const d = new Date(m.year, m.month + n, 1);
  return { year: d.getFullYear(), month: d.getMonth() };
}

export function firstOfMonth(m: Month): Date {
  return new Date(m.year, m.month, 1);
}

export function startOfDay(d: Date): Date {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate());
}

/** `n` calendar days later at the same wall-clock time (a DST day is 23 or 25 hours long). */
export function addDays(d: Date, n: number): Date {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + n, d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds());
}

/** "2026-11-30" for the local day holding `d`: a map key, never shown. */
export function dayKey(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Mondays-first weeks covering the month, with the neighbouring months' days filling the edges. */
export function monthWeeks(m: Month): Date[][] {
  const first = firstOfMonth(m);
  const lead = (first.getDay() + 6) % 7; // days since Monday
  const start = addDays(first, -lead);
  const daysInMonth = new Date(m.year, m.month + 1, 0).getDate();
  const weeks = Math.ceil((lead + daysInMonth) / 7);
  return Array.from({ length: weeks }, (_, w) => Array.from({ length: 7 }, (_, d) => addDays(start, w * 7 + d)));
}

/** The instants a list of weeks spans: from the first day's midnight to the midnight after the last. */
export function spanOf(weeks: Date[][]): { from: Date; to: Date } {
  const first = weeks[0]![0]!;
  const last = weeks.at(-1)!.at(-1)!;
  return { from: startOfDay(first), to: addDays(startOfDay(last), 1) };
}

/** Weekday names, Monday first, in the user's language ("Mon"/"Monday"). */
export function weekdayNames(locale: string = APP_LOCALE): { short: string; long: string }[] {
  const short = new Intl.DateTimeFormat(locale, { weekday: 'short' });
  const long = new Intl.DateTimeFormat(locale, { weekday: 'long' });
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) => {
    const d = new Date(2024, 0, 1 + i, 12);
    return { short: short.format(d), long: long.format(d) };
  });
}

/** "November 2026", or "November" alone when `withYear` is false. */
export function monthName(m: Month, withYear = true, locale: string = APP_LOCALE): string {
  return new Intl.DateTimeFormat(locale, { month: 'long', ...(withYear ? { year: 'numeric' } : {}) }).format(new Date(m.year, m.month, 1, 12));
}

/** "Monday, November 30" (with the year when it is not `now`'s). */
export function longDay(d: Date, now: Date, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'long', month: 'long', day: 'numeric', ...(d.getFullYear() === now.getFullYear() ? {} : { year: 'numeric' }) }).format(d);
}

/** When a window ends, for placing it: the announced end, else an hour after the start. */
export function endOf(scheduledFor: string, scheduledUntil: string | null): number {
  const start = Date.parse(scheduledFor);
  const end = scheduledUntil ? Date.parse(scheduledUntil) : Number.NaN;
  return Number.isFinite(end) && end > start ? end : start + (scheduledUntil ? 0 : OPEN_END_MS);
}

/** The local days a window touches. The end is exclusive: a window ending at midnight stays on its day. */
export function daysCovered(startMs: number, endMs: number): Date[] {
  const days: Date[] = [];
  const lastInstant = Math.max(startMs, endMs - 1);
  const lastKey = dayKey(new Date(lastInstant));
  // A vendor typo ("2062" for "2026") must not make a year-long loop: cap at 400 days.
  for (let d = startOfDay(new Date(startMs)), i = 0; i < 400; d = addDays(d, 1), i += 1) {
    days.push(d);
    if (dayKey(d) === lastKey || d.getTime() > lastInstant) break;
  }
  return days;
}

export function isSameDay(a: Date, b: Date): boolean {
  return dayKey(a) === dayKey(b);
}

export function daysBetween(a: Date, b: Date): number {
  return Math.round((startOfDay(b).getTime() - startOfDay(a).getTime()) / DAY_MS);
}
