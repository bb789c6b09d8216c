import { asArray, asRecord, asString, readJson } from '../common/json.ts';
import { statuspageJsonAdapter } from '../statuspage/adapter.ts';
import type { FeedAdapter, FeedDocuments, ParseContext, ParseResult } from '../types.ts';

/**
 * incident.io's Statuspage-compatible API (`/api/v2/summary.json` and friends on an incident.io
 * page): Statuspage's shape, so Statuspage's reader reads it, but the page runs on incident.io and
 * is reported so.
 *
 * How we tell it from a real Statuspage answer: by the ids in the response. incident.io names every
 * object with a ULID — 26 characters of Crockford base 32, e.g. page `01H0FX8N7BG3M9PMMX0J0HENJF`
 * and components `01H0FX8N7BQQ0RCMXSG3YPD5WW` [F: status.aiven.io's page data,
 * ../shared/fixtures/incidentio/html] — while Statuspage uses 12-character lower-case codes
 * (`kctbh9vrtdwd`) [F: every Statuspage capture]. The response alone is enough, so a pasted API URL
 * is named right without reading the page; page hints only make detection try this reader first.
 */
export const incidentioCompatAdapter: FeedAdapter = { id: 'incidentio-compat', platform: 'incidentio', parse: parseCompat };

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** True when the summary's page id, or most of its component ids, are ULIDs. */
export function hasIncidentioIds(root: Record<string, unknown>): boolean {
  const pageId = asString(asRecord(root.page)?.id);
  if (pageId !== undefined) return ULID.test(pageId);
  const ids = asArray(root.components).map((c) => asString(asRecord(c)?.id)).filter((id): id is string => id !== undefined);
  return ids.length > 0 && ids.filter((id) => ULID.test(id)).length * 2 > ids.length;
}

function parseCompat(docs: FeedDocuments, ctx: ParseContext): ParseResult {
  const read = readJson(docs.summary, 'incident.io summary');
  if (!read.ok) return read;
  const root = asRecord(read.value);
  if (!root || !hasIncidentioIds(root)) {
    return { ok: false, error: { kind: 'wrong_format', message: 'A Statuspage-shaped summary without incident.io ids (ULIDs): read it as Statuspage.' } };
  }
  const parsed = statuspageJsonAdapter.parse(docs, ctx);
  if (!parsed.ok) return parsed;
  parsed.snapshot.source = { ...parsed.snapshot.source, platform: 'incidentio', format: 'incidentio-compat' };
  return parsed;
}
