import type { DatabaseSync } from 'node:sqlite';
import type { SearchHit, SearchQuery } from '../../../shared/contract/history.ts';
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

/** Full-text search over incident titles, updates and postmortems, best match (bm25) first. */
export function searchHistory(db: DatabaseSync, q: SearchQuery): SearchHit[] {
  const match = ftsQuery(q.query);
  if (!match) return [];
  // Rank first, on the index alone, and only then join and build snippets for the page of hits:
  // snippet() and the joins cost far more than bm25, and a common word matches most of history.
  const rows = stmt(db, `
    WITH top AS (
      SELECT rowid AS hit, bm25(search_index) AS rank FROM search_index
      WHERE search_index MATCH :match
        AND (:vendor IS NULL OR vendor_id = :vendor)
        AND (:since IS NULL OR at >= :since)
        AND (:until IS NULL OR at < :until)
        AND (:impacts IS NULL OR EXISTS (SELECT 1 FROM incidents f WHERE f.vendor_id = search_index.vendor_id
          AND f.id = search_index.incident_id AND f.impact IN (SELECT value FROM json_each(:impacts))))
      ORDER BY rank
      LIMIT :limit
    )
    SELECT s.vendor_id, v.name AS vendor_name, s.incident_id, i.title, i.impact, s.field, s.at, i.url,
           snippet(search_index, 4, '«', '»', '…', 16) AS snippet
    FROM top
    JOIN search_index s ON s.rowid = top.hit
    JOIN incidents i ON i.vendor_id = s.vendor_id AND i.id = s.incident_id
    JOIN vendors v ON v.id = s.vendor_id
    WHERE search_index MATCH :match
    ORDER BY top.rank, s.at DESC`).all({
    match, vendor: q.vendorId ?? null, since: q.since ?? null, until: q.until ?? null,
    impacts: q.impacts?.length ? JSON.stringify(q.impacts) : null, limit: q.limit ?? 25,
  }) as {
    vendor_id: string; vendor_name: string; incident_id: string; title: string; impact: SearchHit['impact']; field: SearchHit['field'];
    at: string; url: string | null; snippet: string;
  }[];
  return rows.map((r) => ({
    vendorId: r.vendor_id, vendorName: r.vendor_name, incidentId: r.incident_id, title: r.title, impact: r.impact, field: r.field,
    snippet: r.snippet, at: r.at, url: r.url,
  }));
}
