import { ZONE_OFFSETS } from '../common/time.ts';
import type { Stamp } from './timeline.ts';

/**
 * Year and zone resolution for feed timelines, which print "Dec 31, 23:10 PST" with no year.
 * Updates are anchored on the entry's own `<updated>` date: an update cannot be posted after the
 * entry was last updated, so we take the latest year that puts it at or before the anchor (with a
 * day of slack for zone and clock skew). That is what makes a December update in an entry updated
 * on January 2nd land in the previous year. Scheduled windows are in the future, so they take the
 * year nearest their anchor instead.
 */

const DAY_MS = 86_400_000;

/** Offset in minutes east of UTC for a printed zone, or undefined when we do not know it. */
export function zoneOffset(zone: string): number | undefined {
  if (zone === '') return 0;
  const numeric = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (numeric) return (numeric[1] === '-' ? -1 : 1) * (Number(numeric[2]) * 60 + Number(numeric[3]));
  return ZONE_OFFSETS[zone.toUpperCase()];
}

function instant(stamp: Stamp, year: number, offset: number): number {
  return Date.UTC(year, stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second) - offset * 60_000;
}

/**
 * Resolve a stamp to UTC ms. `notAfter`: the latest candidate not after anchor + 1 day (updates);
 * `nearest`: the candidate closest to the anchor (scheduled windows). An unknown zone is read as
 * UTC; the caller warns.
 */
export function resolveStamp(stamp: Stamp, anchorMs: number, mode: 'notAfter' | 'nearest'): number {
  const offset = zoneOffset(stamp.zone) ?? 0;
  if (stamp.year !== undefined) return instant(stamp, stamp.year, offset);
  const anchorYear = new Date(anchorMs).getUTCFullYear();
  const candidates = [anchorYear + 1, anchorYear, anchorYear - 1].map((y) => instant(stamp, y, offset));
  if (mode === 'notAfter') {
    const fit = candidates.find((ms) => ms <= anchorMs + DAY_MS);
    if (fit !== undefined) return fit;
  }
  let best = candidates[1] ?? anchorMs;
  for (const ms of candidates) if (Math.abs(ms - anchorMs) < Math.abs(best - anchorMs)) best = ms;
  return best;
}
