import { readFileSync, writeFileSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HistoryStore, SCHEMA_VERSION } from '../../../../electron/core/history/index.ts';
import { count, openStore, poll, tempDir } from './factories.ts';

describe('opening the history database', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir();
  });
  afterEach(() => tmp.cleanup());

  it('creates a missing file and migrates it to the current schema in WAL mode', () => {
    const store = openStore(tmp.file());
    expect(SCHEMA_VERSION).toBe(2);
    expect(store.get('PRAGMA user_version')).toEqual({ user_version: SCHEMA_VERSION });
    expect(store.get('PRAGMA journal_mode')).toEqual({ journal_mode: 'wal' });
    const tables = ['vendors', 'incidents', 'incident_updates', 'maintenances', 'component_intervals', 'events', 'poll_log', 'search_index'];
    for (const t of tables) expect(count(store, "SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = ?", t), t).toBe(1);
    expect(count(store, 'SELECT count(*) AS n FROM incidents')).toBe(0);
    store.close();
  });

  it('re-opening an up-to-date file changes neither its schema nor its data', () => {
    const first = openStore(tmp.file());
    first.applyPoll(poll('2024-05-01T00:00:00.000Z'));
    const schema = first.get("SELECT group_concat(sql, ';') AS s FROM (SELECT sql FROM sqlite_master ORDER BY name)");
    first.close();
    const again = openStore(tmp.file());
    expect(again.get('PRAGMA user_version')).toEqual({ user_version: SCHEMA_VERSION });
    expect(again.get("SELECT group_concat(sql, ';') AS s FROM (SELECT sql FROM sqlite_master ORDER BY name)")).toEqual(schema);
    expect(count(again, 'SELECT count(*) AS n FROM poll_log')).toBe(1);
    expect(again.vendors().map((v) => v.id)).toEqual(['github']);
    again.close();
  });

  it('refuses a database written by a newer version, names the file, and leaves it byte-identical', () => {
    const file = tmp.file();
    const db = new DatabaseSync(file);
    db.exec(`CREATE TABLE future (x TEXT); INSERT INTO future VALUES ('keep me'); PRAGMA user_version = ${SCHEMA_VERSION + 1};`);
    db.close();
    const before = readFileSync(file);
    const opened = HistoryStore.open(file);
    expect(opened.ok).toBe(false);
    if (opened.ok) return;
    expect(opened.message).toContain(file);
    expect(opened.message).toContain(`schema ${SCHEMA_VERSION + 1}`);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a file that is not SQLite (a JSON file named history.db) and leaves it byte-identical', () => {
    const file = tmp.file();
    writeFileSync(file, '{"vendors":["github"],"note":"not a database"}\n');
    const before = readFileSync(file);
    const opened = HistoryStore.open(file);
    expect(opened.ok).toBe(false);
    if (opened.ok) return;
    expect(opened.message).toContain(file);
    expect(opened.message).toContain('not SQLite');
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a text file shorter than the SQLite header and leaves it as it was', () => {
    const file = tmp.file();
    writeFileSync(file, 'hi');
    const opened = HistoryStore.open(file);
    expect(opened.ok).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe('hi');
  });

  it('accepts an empty 0-byte file as a new database', () => {
    const file = tmp.file();
    writeFileSync(file, '');
    const store = openStore(file);
    expect(store.get('PRAGMA user_version')).toEqual({ user_version: SCHEMA_VERSION });
    expect(store.get('PRAGMA journal_mode')).toEqual({ journal_mode: 'wal' });
    store.close();
  });
});
