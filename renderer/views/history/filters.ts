import { IMPACTS, type Impact } from '../../../shared/model/index.ts';
import { IMPACT_LABELS } from '../../components/Status.tsx';
import { formatDay } from '../../lib/time.ts';

/**
 * The History view's state, all of it in the hash query so a reload or a shared link shows the
 * same page: `#/history?q=…&vendor=…&impact=major,critical&from=2026-01-01&to=2026-03-31`.
 * Dates are calendar days in the user's zone, as `<input type="date">` gives them.
 */
export interface HistoryFilters {
  q: string;
  vendor: string;
  impacts: Impact[];
  from: string;
  to: string;
}

/** Most severe first: the order a person scans for. */
export const IMPACT_ORDER: readonly Impact[] = ['critical', 'major', 'minor', 'none'];

export function readFilters(params: URLSearchParams): HistoryFilters {
  const wanted = new Set((params.get('impact') ?? '').split(',').map((s) => s.trim()));
  return {
    q: params.get('q') ?? '',
    vendor: params.get('vendor') ?? '',
    impacts: IMPACTS.filter((i) => wanted.has(i)),
    from: isDay(params.get('from')) ? params.get('from')! : '',
    to: isDay(params.get('to')) ? params.get('to')! : '',
  };
}

export function filtersToParams(f: HistoryFilters): Record<string, string> {
  return { q: f.q.trim(), vendor: f.vendor, impact: IMPACT_ORDER.filter((i) => f.impacts.includes(i)).join(','), from: f.from, to: f.to };
}

/** True when any filter other than the words narrows the list. */
export function hasFilters(f: HistoryFilters): boolean {
  return Boolean(f.vendor || f.impacts.length || f.from || f.to);
}

function isDay(value: string | null): boolean {
  return value !== null && localMidnight(value) !== null;
}

/** `2026-01-31` → that day's local midnight, or null when it is not a real calendar day. */
export function localMidnight(day: string, addDays = 0): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // setFullYear, not the Date constructor: that one maps years 0-99 to 1900-1999.
  const date = new Date(2000, 0, 1);
  date.setFullYear(y, mo - 1, d);
  date.setHours(0, 0, 0, 0);
  if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d) return null;
  if (addDays) date.setDate(date.getDate() + addDays);
  return date;
}

/**
 * The date range as the engine wants it: `since` at the start of the first day (inclusive),
 * `until` at the start of the day after the last one (exclusive), both local midnights as UTC
 * instants. A person who picks "to March 31" means the whole of March 31.
 */
export function requestWindow(f: Pick<HistoryFilters, 'from' | 'to'>): { since?: string; until?: string } {
  const since = f.from ? localMidnight(f.from) : null;
  const until = f.to ? localMidnight(f.to, 1) : null;
  return { ...(since ? { since: since.toISOString() } : {}), ...(until ? { until: until.toISOString() } : {}) };
}

/** True when both dates are set and the end comes before the start. */
export function rangeReversed(f: Pick<HistoryFilters, 'from' | 'to'>): boolean {
  return Boolean(f.from && f.to && f.to < f.from);
}

/** "Jan 1, 2026" for a calendar day. */
export function dayLabel(day: string): string {
  const date = localMidnight(day);
  return date ? formatDay(date.toISOString()) : day;
}

/** "Jan 1, 2026 – Mar 31, 2026", "from Jan 1, 2026", "until Mar 31, 2026". */
export function rangeLabel(f: Pick<HistoryFilters, 'from' | 'to'>): string | null {
  if (f.from && f.to) return `${dayLabel(f.from)} – ${dayLabel(f.to)}`;
  if (f.from) return `From ${dayLabel(f.from)}`;
  if (f.to) return `Until ${dayLabel(f.to)}`;
  return null;
}

/** "Major or Critical", "Minor, Major or Critical". */
export function impactsLabel(impacts: readonly Impact[]): string {
  const words = IMPACT_ORDER.filter((i) => impacts.includes(i)).reverse().map((i) => IMPACT_LABELS[i]);
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} or ${words.at(-1)}` : (words[0] ?? '');
}

/** The active filters as short phrases, for the "no results" state and the result summary. */
export function describeFilters(f: HistoryFilters, vendorName: (id: string) => string): string[] {
  const out: string[] = [];
  if (f.vendor) out.push(`Vendor: ${vendorName(f.vendor)}`);
  if (f.impacts.length) out.push(`Impact: ${impactsLabel(f.impacts)}`);
  const range = rangeLabel(f);
  if (range) out.push(`Dates: ${range}`);
  return out;
}
