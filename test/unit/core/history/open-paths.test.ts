import { mkdirSync, readdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HistoryStore } from '../../../../electron/core/history/index.ts';
import { tempDir } from './factories.ts';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => { tmp = tempDir(); });
afterEach(() => tmp.cleanup());

describe('opening a path that cannot hold a history', () => {
  it('a directory where the database should be is an error value naming it, not an exception', () => {
    const file = tmp.file('history.db');
    mkdirSync(file);
    const opened = HistoryStore.open(file);
    expect(opened.ok).toBe(false);
    if (!opened.ok) expect(opened.message).toContain(file);
    expect(readdirSync(file)).toEqual([]);
  });

  it('a database in a folder that does not exist is an error value naming it', () => {
    const file = tmp.file('missing/history.db');
    const opened = HistoryStore.open(file);
    expect(opened.ok).toBe(false);
    if (!opened.ok) expect(opened.message).toContain(file);
  });
});
