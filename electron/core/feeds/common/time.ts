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
