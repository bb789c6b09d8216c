import { slugify } from '../common/snapshot.ts';
import type { FeedEntry } from './read-feed.ts';

/**
 * The id of the incident an entry describes. Statuspage's entry `<id>` is an internal number
 * (`Incident/31233568`) while the API id is the code in the link (`/incidents/bhbcjn4n3jzp`), so
 * the link wins: it is what matches feed and JSON. Instatus links to `/<incident-id>` on the page
 * host; otherwise the entry's own id, then its link, then title + date.
 */
export function entryIncidentId(entry: FeedEntry, useLastPathSegment: boolean): string {
  const link = entry.link;
  if (link !== undefined) {
    const code = /\/incidents?\/([^/?#]+)/.exec(link)?.[1];
    if (code) return decodeSafe(code);
    if (useLastPathSegment) {
      const last = pathSegments(link).at(-1);
      if (last) return decodeSafe(last);
    }
  }
  return entry.id ?? link ?? `${slugify(entry.title ?? 'entry')}-${entry.updated ?? entry.published ?? entry.path}`;
}

/**
 * Keeps ids unique within one snapshot. Two entries can share a title and times yet be different
 * records (different entry ids); if they also share a link, the entry id (then a counter) tells
 * them apart instead of silently merging them.
 */
export function uniqueId(id: string, entry: FeedEntry, used: Set<string>): string {
  let candidate = id;
  if (used.has(candidate) && entry.id !== undefined) candidate = entry.id;
  for (let n = 2; used.has(candidate); n++) candidate = `${id}#${n}`;
  used.add(candidate);
  return candidate;
}

function pathSegments(link: string): string[] {
  try {
    return new URL(link).pathname.split('/').filter((s) => s !== '');
  } catch {
    return [];
  }
}

function decodeSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
