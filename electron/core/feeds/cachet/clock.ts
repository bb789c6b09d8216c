import type { FeedWarning } from '../../../../shared/model/index.ts';
import { asRecord } from '../common/json.ts';
import { isoToUtc, wallClockToUtc, zoneOffsetMinutes } from '../common/time.ts';

/**
 * Cachet writes `"2020-02-27 13:22:51"`: wall-clock time in the server's app zone, with no offset
 * [F: Yoti capture]. We read it in `ctx.timeZone` when the user set one and in UTC otherwise.
 * Assuming UTC is the documented default (Cachet's own default `APP_TIMEZONE` is UTC), not a
 * fault of the feed, so it raises no warning; an unknown configured zone does, once.
 * Cachet 3 wraps times as `{"human":"2 hours ago","string":"..."}`; the `string` is read.
 */
export class CachetClock {
  readonly timeZone: string;
  private readonly warnings: FeedWarning[];

  constructor(timeZone: string | undefined, warnings: FeedWarning[]) {
    this.warnings = warnings;
    if (timeZone && zoneOffsetMinutes(Date.UTC(2020, 0, 1), timeZone) === undefined) {
      warnings.push({ code: 'bad_time_zone', message: `Unknown time zone "${timeZone}"; Cachet times were read as UTC.` });
      this.timeZone = 'UTC';
    } else {
      this.timeZone = timeZone ?? 'UTC';
    }
  }

  read(value: unknown, path: string): string | undefined {
    const raw = asRecord(value) ? (asRecord(value)?.string ?? asRecord(value)?.date) : value;
    if (raw === undefined || raw === null || raw === '') return undefined;
    const iso = isoToUtc(raw) ?? wallClockToUtc(raw, this.timeZone);
    if (!iso) this.warnings.push({ code: 'bad_date', message: `Unreadable time ${JSON.stringify(raw)}.`, path });
    return iso;
  }
}
