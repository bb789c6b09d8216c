/** The local history database (node:sqlite, WAL, FTS5). */
export { HistoryStore, type PollLogEntry, type VendorRow } from './store.ts';
export { ftsQuery } from './search.ts';
export { SCHEMA_VERSION } from './migrations.ts';
export type { ComponentStats } from './component-stats.ts';
