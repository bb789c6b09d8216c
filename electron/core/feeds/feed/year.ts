import { DAYLIGHT_TWINS, zoneOffsetMinutes, zoneOffsetOf } from '../common/time.ts';
import type { Stamp } from './timeline.ts';

/**
 * Year and zone resolution for feed timelines, which print "Dec 31, 23:10 PST" with no year.
 *
 * A stamp takes the year that puts it closest to the entry's own dates: the span between its
 * `<published>` and `<updated>` (RSS has one `<pubDate>`, so the span is a point). Closest, not
 * "at or before": RSS dates an entry by its start or its resolution [F: status.parse.com
 * history.rss: pubDate Dec 24, 2013, Postmortem stamped "Dec 26, 10:22 PST"], Instatus by its
 * start [F: Northflank], so an update or postmortem posted days or weeks after the entry's date is
 * normal and must never be pushed a year back for it. Closest still puts "Dec 31" in the previous
 * year for an entry dated January 2. Scheduled windows use the same rule around `<published>`.
 */

/** The instants an entry is known by, in ms; `from` ≤ `to`. */
export interface DateSpan { from: number; to: number }

/** Offset in minutes east of UTC for a printed zone, or undefined when we do not know it. */
export function zoneOffset(zone: string): number | undefined {
  return zoneOffsetOf(zone);
}

/**
 * The offset a stamp was really written in. Its label, except when the label is a standard-time
 * name (PST) printed while its region was on daylight time and the entry's own date was written
 * with that daylight offset: then the page printed one label all year, and the date is right.
 * An unknown zone is read as UTC; the caller warns.
 */
export function stampOffset(stamp: Stamp, approxMs: number, entryOffset: number | undefined): number {
  return offsetFor(stamp.zone, zoneOffset(stamp.zone) ?? 0, approxMs, entryOffset);
}

function offsetFor(zone: string, labelled: number, approxMs: number, entryOffset: number | undefined): number {
  if (entryOffset === undefined || entryOffset === labelled) return labelled;
  const twin = DAYLIGHT_TWINS[zone.toUpperCase()];
  if (twin && entryOffset === twin.daylight && zoneOffsetMinutes(approxMs, twin.timeZone) === twin.daylight) return twin.daylight;
  return labelled;
}

function instant(stamp: Stamp, year: number, offset: number): number {
  return Date.UTC(year, stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second) - offset * 60_000;
}

/** Resolve a stamp to UTC ms against the entry's dates (see the module comment). */
export function resolveStamp(stamp: Stamp, span: DateSpan, entryOffset?: number): number {
  const anchorYear = new Date(span.to).getUTCFullYear();
  const years = stamp.year !== undefined ? [stamp.year] : [anchorYear, anchorYear - 1, anchorYear + 1];
  const labelled = zoneOffset(stamp.zone) ?? 0;
  let best = NaN;
  let bestDistance = Infinity;
  for (const year of years) {
    const approx = instant(stamp, year, labelled);
    const ms = instant(stamp, year, offsetFor(stamp.zone, labelled, approx, entryOffset));
    const distance = ms < span.from ? span.from - ms : ms > span.to ? ms - span.to : 0;
    if (distance < bestDistance) [best, bestDistance] = [ms, distance];
  }
  return best;
}

/** A span from whichever of the given instants are readable; `fallback` when none is. */
export function spanOf(values: readonly (string | undefined)[], fallback: string): DateSpan {
  const ms = values.map((v) => (v === undefined ? NaN : Date.parse(v))).filter((n) => Number.isFinite(n));
  if (ms.length === 0) {
    const f = Date.parse(fallback);
    const at = Number.isFinite(f) ? f : 0;
    return { from: at, to: at };
  }
  return { from: Math.min(...ms), to: Math.max(...ms) };
}
