import type { FeedWarning } from '../../../../shared/model/index.ts';
import { detached } from './decode.ts';
import { isoToUtc } from './time.ts';

/**
 * Push a warning; one place so codes stay consistent. The `path` key is left out rather than set
 * to `undefined`, so snapshots compare equal whether or not a reader had a path to give. The
 * message is detached (common/decode.ts): it often quotes the document, and outlives it.
 */
export function warn(warnings: FeedWarning[], code: string, message: string, path?: string): void {
  const text = detached(message);
  warnings.push(path === undefined ? { code, message: text } : { code, message: text, path });
}

/**
 * A reader for the ISO-8601 times JSON status APIs send (Better Stack, GCP, Instatus, Slack,
 * status.io). A missing time is normal (an open incident has no end) and stays silent; a present
 * but unreadable one is vendor drift, so it becomes a `bad_date` warning instead of failing the
 * whole page — one garbled timestamp must not hide every incident on it.
 */
export function isoTimeReader(warnings: FeedWarning[]): (value: unknown, path: string) => string | undefined {
  return (value, path) => {
    if (value === undefined || value === null || value === '') return undefined;
    const iso = isoToUtc(value);
    if (!iso) warnings.push({ code: 'bad_date', message: `Unreadable time ${JSON.stringify(value)}.`, path });
    return iso;
  };
}

/**
 * A reader for a vendor's enum words (states, impacts, statuses) through a lookup table. Absent
 * stays silent; a word the table lacks is a `unknown_status` warning, because vendors add states
 * without notice and the page should still load with the item marked unknown. `normalise` exists
 * since vendors disagree on case (Better Stack's report docs capitalise, Instatus shouts).
 */
export function enumReader(
  warnings: FeedWarning[], what: string, normalise: (word: string) => string = (word) => word,
): <T>(table: Readonly<Record<string, T>>, value: unknown, path: string) => T | undefined {
  return (table, value, path) => {
    if (value === undefined || value === null) return undefined;
    const found = typeof value === 'string' ? table[normalise(value)] : undefined;
    if (found === undefined) warnings.push({ code: 'unknown_status', message: `Unknown ${what} ${JSON.stringify(value)}.`, path });
    return found;
  };
}
