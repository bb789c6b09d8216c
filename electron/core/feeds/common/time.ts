/**
 * Time parsing for vendor feeds. Everything leaves here as a UTC ISO string or undefined: vendors
 * send local offsets (`-04:00`), epoch seconds as strings, RFC-822 with zone names (PDT), and
 * zone-less timestamps that only make sense against the page's own time zone.
 */

/** Zone abbreviations seen in status feeds → offset in minutes east of UTC. */
export const ZONE_OFFSETS: Readonly<Record<string, number>> = {
  UTC: 0, GMT: 0, Z: 0, UT: 0,
  EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420,
  AKST: -540, AKDT: -480, HST: -600,
  BST: 60, IST: 330, CET: 60, CEST: 120, EET: 120, EEST: 180, WET: 0, WEST: 60,
  JST: 540, KST: 540, AEST: 600, AEDT: 660, ACST: 570, ACDT: 630, AWST: 480, NZST: 720, NZDT: 780,
  SGT: 480, HKT: 480,
};

/**
 * Standard-time abbreviations whose region also keeps a daylight time, with that daylight offset
 * and a representative IANA zone. Old Statuspage pages printed the standard label all year
 * [F: status.parse.com history.rss, 2013: "Oct 28, 14:48 PST" for an update whose `<pubDate>` is
 * 14:48 -0700], so a standard label is only taken at its word when the region was not on daylight
 * time then, or when the entry's own dates say otherwise (Arizona prints MST all summer, and its
 * dates then carry -07:00, never -06:00).
 */
export const DAYLIGHT_TWINS: Readonly<Record<string, { daylight: number; timeZone: string }>> = {
  PST: { daylight: -420, timeZone: 'America/Los_Angeles' },
  MST: { daylight: -360, timeZone: 'America/Denver' },
  CST: { daylight: -300, timeZone: 'America/Chicago' },
  EST: { daylight: -240, timeZone: 'America/New_York' },
  AKST: { daylight: -480, timeZone: 'America/Anchorage' },
  WET: { daylight: 60, timeZone: 'Europe/Lisbon' },
  CET: { daylight: 120, timeZone: 'Europe/Paris' },
  EET: { daylight: 180, timeZone: 'Europe/Helsinki' },
  AEST: { daylight: 660, timeZone: 'Australia/Sydney' },
  ACST: { daylight: 630, timeZone: 'Australia/Adelaide' },
  NZST: { daylight: 780, timeZone: 'Pacific/Auckland' },
};

/**
 * A zone written as an offset, in minutes east of UTC: `+02:00`, `-0700`, and the forms Instatus
 * prints after its stamps [F: Northflank history.rss "GMT+0"; K: `GMT-7`, `GMT+05:30`, `UTC+2`,
 * from the GMT±H labels its pages render]. Undefined for anything else (zone names included).
 */
export function numericZoneOffset(zone: string): number | undefined {
  const m = /^(?:(?:GMT|UTC|UT)\s*)?([+-])\s*(\d{1,2})(?::?(\d{2}))?$/i.exec(zone.trim());
  if (!m) return /^(?:GMT|UTC|UT|Z)$/i.test(zone.trim()) ? 0 : undefined;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? 0);
  // A bare "+5" is only an offset after GMT/UTC; "+0530" and "+05:30" always are.
  if (!/^(?:GMT|UTC|UT)/i.test(zone.trim()) && m[3] === undefined) return undefined;
  if (hours > 14 || minutes > 59) return undefined;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

/** Offset of a zone as printed (`PDT`, `GMT+0`, `-07:00`), or undefined when we do not know it. */
export function zoneOffsetOf(zone: string): number | undefined {
  if (zone.trim() === '') return 0;
  return numericZoneOffset(zone) ?? ZONE_OFFSETS[zone.trim().toUpperCase()];
}

/**
 * The offset a date string was written with (`Tue, 24 Dec 2013 11:21:00 -0800`,
 * `2019-11-23T00:00:02-08:00`, `… PDT`), or undefined when it names none. Used as evidence of the
 * page's own zone when a timeline label is ambiguous (see DAYLIGHT_TWINS).
 */
export function writtenOffset(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const trimmed = text.trim();
  const numeric = /([+-]\d{2}):?(\d{2})$/.exec(trimmed);
  if (numeric && /\d[T ]?\d{2}:\d{2}/.test(trimmed)) return numericZoneOffset(`${numeric[1]}:${numeric[2]}`);
  if (/Z$/i.test(trimmed) && /\d/.test(trimmed)) return 0;
  const name = /\s([A-Za-z]{2,5})$/.exec(trimmed)?.[1];
  return name === undefined ? undefined : ZONE_OFFSETS[name.toUpperCase()];
}

/**
 * JavaScript's `Date.prototype.toString()` form, which Instatus's documented summary.json sends
 * for `started`/`start`: `Sat Jun 11 2022 18:55:50 GMT+0000 (Coordinated Universal Time)`
 * [D: instatus.com/help/api/public-data]. The parenthesised zone name is decoration.
 */
export function jsDateStringToUtc(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^(?:[A-Za-z]{3}\s+)?([A-Za-z]{3})\s+(\d{1,2})\s+(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s+(?:GMT|UTC)([+-]\d{2}:?\d{2})(?:\s*\([^()]*\))?$/.exec(value.trim());
  if (!m) return undefined;
  const month = (MONTHS as readonly string[]).indexOf((m[1] ?? '').toLowerCase());
  const offset = numericZoneOffset(m[7] ?? '');
  if (month < 0 || offset === undefined) return undefined;
  const ms = Date.UTC(Number(m[3]), month, Number(m[2]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0)) - offset * 60_000;
  return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
}

/** Parse an ISO-8601 instant with an explicit zone, or a date-only string, into UTC ISO. */
export function isoToUtc(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/i.test(text)) return undefined;
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(text) || text.length === 10;
  if (!hasZone) return undefined;
  const ms = Date.parse(text.length === 10 ? `${text}T00:00:00Z` : text.replace(' ', 'T'));
  return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
}

/** Epoch seconds (number or numeric string) → UTC ISO. */
export function epochSecondsToUtc(value: unknown): string | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isFinite(n) || n <= 0) return undefined;
  return new Date(n * 1000).toISOString();
}

/** RFC-822/1123 dates as RSS carries them, including zone names (`PDT`) and a literal `Z`. */
export function rfc822ToUtc(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^(?:[A-Za-z]{3},?\s+)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([A-Za-z]+|[+-]\d{4})?$/.exec(value.trim());
  if (!m) return isoToUtc(value);
  const month = (MONTHS as readonly string[]).indexOf((m[2] ?? '').toLowerCase());
  if (month < 0) return undefined;
  let year = Number(m[3]);
  if (year < 100) year += year < 70 ? 2000 : 1900;
  const zone = m[7] ?? 'GMT';
  const offset = /^[+-]\d{4}$/.test(zone)
    ? (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3)))
    : ZONE_OFFSETS[zone.toUpperCase()];
  if (offset === undefined) return undefined;
  const ms = Date.UTC(year, month, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0)) - offset * 60_000;
  return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
}

/**
 * A zone-less wall-clock time (`2020-02-27 13:22:51`, Cachet) in an IANA zone → UTC ISO.
 * Uses Intl to find the zone's offset at that moment, so DST is right without a date library.
 */
export function wallClockToUtc(value: unknown, timeZone: string): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?/.exec(value.trim());
  if (!m) return undefined;
  const asUtc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
  const offset = zoneOffsetMinutes(asUtc, timeZone);
  if (offset === undefined) return undefined;
  // Second pass corrects the rare case where the guess crosses a DST boundary.
  const offset2 = zoneOffsetMinutes(asUtc - offset * 60_000, timeZone) ?? offset;
  return new Date(asUtc - offset2 * 60_000).toISOString();
}

/** Offset of `timeZone` from UTC in minutes at the instant `ms`, or undefined for an unknown zone. */
export function zoneOffsetMinutes(ms: number, timeZone: string): number | undefined {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    }).formatToParts(new Date(ms));
  } catch {
    return undefined;
  }
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? NaN);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Number.isFinite(wall) ? Math.round((wall - Math.floor(ms / 1000) * 1000) / 60_000) : undefined;
}

export const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;
