import type { DatabaseSync, StatementSync } from 'node:sqlite';

const caches = new WeakMap<DatabaseSync, Map<string, StatementSync>>();

/**
 * The prepared statement for `sql` on this connection, prepared once and reused. Queries are
 * issued from several small modules (search, stats, retention, listings); keying the cache on
 * the connection keeps each store's statements its own and lets them go when the store does.
 * Only for fixed SQL text: a statement built from user input would grow the cache without end.
 */
export function stmt(db: DatabaseSync, sql: string): StatementSync {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = db.prepare(sql)));
  return statement;
}
