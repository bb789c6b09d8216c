import { parseStamp } from './timeline.ts';
import type { Stamp } from './timeline.ts';

/**
 * What the paragraphs before an entry's timeline say. These are metadata, never updates:
 * - Instatus [K, no capture]: `Type: Incident|Maintenance`, `Duration: 1 hour and 42 minutes`,
 *   `Affected Components: A, B, C`.
 * - Statuspage maintenances while upcoming [F: 20 of 373 GitHub snapshots]:
 *   `THIS IS A SCHEDULED EVENT Oct 5, 04:00 - 05:00 UTC` or
 *   `THIS IS A SCHEDULED EVENT Feb 8, 22:00 UTC - Feb 9, 13:00 UTC`.
 */
export interface Prelude {
  type: 'incident' | 'maintenance' | undefined;
  durationMinutes: number | undefined;
  components: string[];
  window: { start: Stamp; end: Stamp | undefined } | undefined;
}

export function readPrelude(lines: readonly string[]): Prelude {
  const prelude: Prelude = { type: undefined, durationMinutes: undefined, components: [], window: undefined };
  for (const line of lines) {
    const field = /^(type|duration|affected components?)\s*:\s*(.*)$/i.exec(line);
    if (field) {
      const key = (field[1] ?? '').toLowerCase();
      const value = (field[2] ?? '').trim();
      if (key === 'type') {
        const type = value.toLowerCase();
        if (type === 'incident' || type === 'maintenance') prelude.type = type;
      } else if (key === 'duration') prelude.durationMinutes = durationMinutes(value);
      else prelude.components.push(...value.split(',').map((c) => c.trim()).filter((c) => c !== ''));
      continue;
    }
    const banner = /^THIS IS A SCHEDULED EVENT\s+(.+)$/i.exec(line);
    if (banner) prelude.window = scheduledWindow(banner[1] ?? '');
  }
  return prelude;
}

/** "1 hour and 42 minutes", "2 days 3 hours", "45 min" → minutes; undefined when none found. */
export function durationMinutes(text: string): number | undefined {
  const factors: Record<string, number> = { d: 1440, h: 60, m: 1, s: 1 / 60 };
  let total = 0;
  let found = false;
  for (const m of text.matchAll(/(\d+(?:\.\d+)?)\s*(d|h|m|s)[a-z]*/gi)) {
    total += Number(m[1]) * (factors[(m[2] ?? '').toLowerCase()] ?? 0);
    found = true;
  }
  return found ? Math.round(total) : undefined;
}

function scheduledWindow(text: string): Prelude['window'] {
  const [from, to] = text.split(/\s+-\s+/);
  if (from === undefined) return undefined;
  let start = parseStamp(from);
  if (!start) return undefined;
  let end = to === undefined ? undefined : parseStamp(to);
  const timeOnly = to === undefined ? null : /^(\d{1,2}):(\d{2})\s*([A-Za-z]{1,5}|[+-]\d{2}:?\d{2})?$/.exec(to.trim());
  if (!end && timeOnly) {
    end = { ...start, hour: Number(timeOnly[1]), minute: Number(timeOnly[2]), second: 0, zone: timeOnly[3] ?? start.zone };
    if (end.hour * 60 + end.minute < start.hour * 60 + start.minute) end = { ...end, day: end.day + 1 };
  }
  if (start.zone === '' && end) start = { ...start, zone: end.zone };
  return { start, end };
}
