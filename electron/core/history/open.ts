import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { migrate, newerThanKnown } from './migrations.ts';

const SQLITE_MAGIC = 'SQLite format 3\u0000';

/**
 * Open (creating if needed) and migrate a history database. A file that is not SQLite, or was
 * written by a newer version, is refused with a message naming it, and never overwritten: the
 * history is the user's, and a wrong guess here would destroy it.
 *
 * WAL with synchronous=NORMAL: a crash of the process (even kill -9) loses nothing committed; a
 * power cut may lose the last transaction but never corrupts the file. busy_timeout lets the tray
 * app and a CLI query share the file.
 */
export function openDatabase(file: string): { ok: true; db: DatabaseSync } | { ok: false; message: string } {
  let sqlite: boolean;
  try {
    sqlite = !existsSync(file) || looksLikeSqlite(file);
  } catch (err) {
    // A directory, or a file we may not read: say so instead of throwing out of the boundary.
    return { ok: false, message: `${file} could not be read as a history database: ${err instanceof Error ? err.message : String(err)}` };
  }
  if (!sqlite) {
    return { ok: false, message: `${file} is not an Upstream history database (not SQLite); it was left untouched. Move it aside to start a new history.` };
  }
  let db: DatabaseSync | undefined;
  try {
    db = new DatabaseSync(file);
    // Connection-only settings first; the version check must come before `journal_mode = WAL`,
    // which rewrites the header of a file we are about to refuse.
    db.exec('PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;');
    const newer = newerThanKnown(db);
    if (newer) {
      db.close();
      return { ok: false, message: `${file} ${newer}` };
    }
    db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;');
    const migrated = migrate(db);
    if (!migrated.ok) {
      db.close();
      return { ok: false, message: `${file} ${migrated.message}` };
    }
  } catch (err) {
    if (db?.isOpen) db.close();
    return { ok: false, message: `${file} could not be opened as a history database: ${err instanceof Error ? err.message : String(err)}` };
  }
  return { ok: true, db };
}

function looksLikeSqlite(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(16);
    const n = readSync(fd, head, 0, 16, 0);
    return n === 0 || head.toString('latin1') === SQLITE_MAGIC;
  } finally {
    closeSync(fd);
  }
}
