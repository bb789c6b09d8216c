import type { FeedWarning } from '../../../../shared/model/index.ts';
import { isoToUtc, jsDateStringToUtc } from '../common/time.ts';
import { warn } from '../common/warnings.ts';

/**
 * Readers for Instatus's JSON values that warn in the user's words: an unknown word or an
 * unreadable time names the incident, maintenance or component it belongs to, so nothing is
 * dropped silently. Instatus shouts its enums (`DEGRADEDPERFORMANCE`), so words are compared
 * upper-cased.
 */
export class InstatusReader {
  private readonly warnings: FeedWarning[];

  constructor(warnings: FeedWarning[]) {
    this.warnings = warnings;
  }

  /**
   * A time as Instatus writes it: ISO-8601, or JavaScript's `Date.toString()` form that its
   * documented summary.json shows (`Sat Jun 11 2022 18:55:50 GMT+0000 (Coordinated Universal
   * Time)`) [D: instatus.com/help/api/public-data]. Absent is silent; unreadable warns.
   */
  time(value: unknown, subject: string, path: string): string | undefined {
    if (value === undefined || value === null || value === '') return undefined;
    const iso = isoToUtc(value) ?? jsDateStringToUtc(value);
    if (!iso) warn(this.warnings, 'bad_date', `${subject}: unreadable time ${JSON.stringify(value)}.`, path);
    return iso;
  }

  /** A word through a table; absent is silent, unknown warns and gives undefined. */
  word<T>(table: Readonly<Record<string, T>>, value: unknown, what: string, subject: string, path: string): T | undefined {
    if (value === undefined || value === null) return undefined;
    const found = typeof value === 'string' ? table[value.trim().toUpperCase()] : undefined;
    if (found === undefined) warn(this.warnings, 'unknown_status', `${subject}: unknown ${what} ${JSON.stringify(value)}.`, path);
    return found;
  }
}
