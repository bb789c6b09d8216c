import type { DatabaseSync } from 'node:sqlite';
import type { SearchHit, SearchQuery } from '../../../shared/contract/history.ts';
import { queryTerms, score, snippet, wordCount } from './search-text.ts';
import { stmt } from './statements.ts';

/**
 * User words → an FTS5 query that cannot be a syntax error: every term is quoted (so `AND`,
 * `"foo`, `col:x` and `*` are just words), and terms are ANDed. The last term is a prefix match,
 * so results appear while the user is still typing.
 */
export function ftsQuery(input: string): string | null {
  const terms = input.normalize('NFKC').split(/[^\p{L}\p{N}_]+/u).filter(Boolean).slice(0, 16);
  if (terms.length === 0) return null;
  return terms.map((t, i) => `"${t.replace(/"/g, '""')}"${i === terms.length - 1 ? '*' : ''}`).join(' AND ');
}

/**
 * How many of the newest matches are ranked, on each side of the index (updates; titles and
 * postmortems). A common word matches most of a long history: ranking every match is what made
 * search slow (p99 ≈ 300 ms over 100,000 incidents). People search recent history for what is
 * happening now, so the best of the newest matches is the answer they want.
 */
export const RANKED_WINDOW = 100;

/** The filters every candidate query applies while it scans, so its LIMIT counts only rows that pass. */
const FILTERS = `
  AND (:vendor IS NULL OR vendor_id = :vendor)
  AND (:since IS NULL OR at >= :since)
  AND (:until IS NULL OR at < :until)
  AND (:impacts IS NULL OR EXISTS (SELECT 1 FROM incidents f WHERE f.vendor_id = search_index.vendor_id
    AND f.id = search_index.incident_id AND f.impact IN (SELECT value FROM json_each(:impacts))))`;

interface Candidate { vendor_id: string; incident_id: string; field: SearchHit['field']; at: string; text: string }

/**
 * Full-text search over incident titles, updates and postmortems. The index finds the newest
 * matches of each kind (search rowids follow insertion, see migrations.ts: updates are positive
 * and grow, titles and postmortems are negative and shrink, so "newest" is `rowid DESC` on one side
 * and `rowid ASC` on the other, both walked straight off the index); those are ranked and excerpted
 * from their own text (search-text.ts), and the page of hits joined to its incidents.
 */
export function searchHistory(db: DatabaseSync, q: SearchQuery): SearchHit[] {
  const match = ftsQuery(q.query);
  if (!match) return [];
  const limit = q.limit ?? 25;
  const params = {
    match, vendor: q.vendorId ?? null, since: q.since ?? null, until: q.until ?? null,
    impacts: q.impacts?.length ? JSON.stringify(q.impacts) : null, window: Math.max(RANKED_WINDOW, limit * 2),
  };
  const columns = 'vendor_id, incident_id, field, at, text';
  const candidates = [
    ...stmt(db, `SELECT ${columns} FROM search_index WHERE search_index MATCH :match AND rowid > 0 ${FILTERS} ORDER BY rowid DESC LIMIT :window`).all(params),
    ...stmt(db, `SELECT ${columns} FROM search_index WHERE search_index MATCH :match AND rowid < 0 ${FILTERS} ORDER BY rowid ASC LIMIT :window`).all(params),
  ] as unknown as Candidate[];
  if (candidates.length === 0) return [];
  const terms = queryTerms(q.query);
  const average = candidates.reduce((n, c) => n + wordCount(c.text), 0) / candidates.length;
  const ranked = candidates
    .map((c) => ({ c, s: score(c.text, c.field, terms, average) }))
    .sort((a, b) => b.s - a.s || b.c.at.localeCompare(a.c.at))
    .slice(0, limit);
  const incidentOf = stmt(db, `SELECT v.name AS vendor_name, i.title, i.impact, i.url FROM incidents i JOIN vendors v ON v.id = i.vendor_id
    WHERE i.vendor_id = ? AND i.id = ?`);
  const hits: SearchHit[] = [];
  for (const { c } of ranked) {
    const i = incidentOf.get(c.vendor_id, c.incident_id) as { vendor_name: string; title: string; impact: SearchHit['impact']; url: string | null } | undefined;
    if (!i) continue; // forgotten by retention between the two statements
    hits.push({
      vendorId: c.vendor_id, vendorName: i.vendor_name, incidentId: c.incident_id, title: i.title, impact: i.impact, field: c.field,
      snippet: snippet(c.text, terms), at: c.at, url: i.url,
    });
  }
  return hits;
}
