/**
 * Every real capture in ../shared/fixtures, through the adapter that reads it, compared with
 * what the capture holds as read by a person (corpus-expectations.ts). A regression on any real
 * page fails here; a capture added without a row fails here too.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../../shared/model/index.ts';
import { isIncidentClosed } from '../../../../shared/model/index.ts';
import { adapterFor } from '../../../../electron/core/feeds/registry.ts';
import { SHARED_FIXTURES } from '../../../support/paths.ts';
import { CORPUS, COVERED_ELSEWHERE, HTML_PENDING, NOT_CAPTURES } from './corpus-expectations.ts';
import type { CorpusRow, Figures } from './corpus-expectations.ts';

const FETCHED_AT = '2026-10-01T00:00:00.000Z';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [relative(SHARED_FIXTURES, path).split(sep).join('/')];
  });
}

function figuresOf(s: Snapshot): Figures {
  const ats = [...s.incidents, ...s.maintenances].flatMap((i) => i.updates.map((u) => Date.parse(u.at))).sort((a, b) => a - b);
  const iso = (ms: number | undefined): string | null => (ms === undefined ? null : new Date(ms).toISOString());
  return {
    incidents: s.incidents.length,
    open: s.incidents.filter((i) => !isIncidentClosed(i.status)).length,
    maintenances: s.maintenances.length,
    updates: ats.length,
    postmortems: s.incidents.filter((i) => i.postmortem !== null).length,
    components: s.components.length,
    first: iso(ats[0]),
    last: iso(ats.at(-1)),
    level: s.status.level,
    warnings: s.warnings.map((w) => w.code).sort(),
  };
}

/** The row's figures as the snapshot must show them: instants normalised, `open` only if stated. */
function expected(figures: Figures, pending: Partial<Figures> = {}): Figures {
  const norm = (at: string | null): string | null => (at === null ? null : new Date(at).toISOString());
  const out: Figures = { ...figures, ...pending, first: norm(pending.first ?? figures.first), last: norm(pending.last ?? figures.last), warnings: [...(pending.warnings ?? figures.warnings)].sort() };
  return out;
}

function parse(row: CorpusRow) {
  const adapter = adapterFor(row.adapter);
  if (!adapter) throw new Error(`no adapter "${row.adapter}"`);
  const body = readFileSync(join(SHARED_FIXTURES, row.file));
  return adapter.parse({ [row.role]: { url: `https://capture.invalid/${row.file}`, body, contentType: null } }, { sourceUrl: 'https://capture.invalid/', fetchedAt: FETCHED_AT });
}

describe('corpus: every real capture has a row', () => {
  const files = walk(SHARED_FIXTURES).filter((f) => !NOT_CAPTURES.includes(f));
  const covered = (f: string): boolean => Object.keys(COVERED_ELSEWHERE).some((prefix) => f.startsWith(prefix));

  it('lists every capture outside the cross-checked folders in corpus-expectations.ts', () => {
    const rows = new Set(CORPUS.map((r) => r.file));
    const missing = files.filter((f) => !covered(f) && !rows.has(f));
    expect(missing, `New capture(s) without a row: add one to test/unit/core/feeds/corpus-expectations.ts, with figures read from the capture itself: ${missing.join(', ')}`).toEqual([]);
  });

  it('has no row for a file that is not there, and one row per file', () => {
    const present = new Set(files);
    expect(CORPUS.filter((r) => !present.has(r.file)).map((r) => r.file)).toEqual([]);
    expect(new Set(CORPUS.map((r) => r.file)).size).toBe(CORPUS.length);
  });

  it('still finds the cross-checked folders it leaves to other tests', () => {
    for (const prefix of Object.keys(COVERED_ELSEWHERE)) expect(files.some((f) => f.startsWith(prefix)), prefix).toBe(true);
  });
});

describe('corpus: each capture read whole, as the vendor wrote it', () => {
  for (const row of CORPUS) {
    const registered = adapterFor(row.adapter) !== undefined;
    const test = registered ? it : it.skip;
    const title = registered ? `${row.file} (${row.adapter})` : `${row.file} — ${HTML_PENDING}`;
    test(title, () => {
      const result = parse(row);
      if ('error' in row.expect) {
        expect(result.ok ? 'a snapshot' : result.error.kind, row.read).toBe(row.expect.error);
        return;
      }
      if (!result.ok) throw new Error(`${row.file}: ${result.error.kind}: ${result.error.message}`);
      const got = figuresOf(result.snapshot);
      if (row.expect.open === undefined) delete got.open;
      expect(got, row.read).toEqual(expected(row.expect, row.pending?.figures));
    });
    if (row.pending && registered) {
      it(`${row.file}: the known difference is still there (${row.pending.reason})`, () => {
        const result = parse(row);
        if (!result.ok || 'error' in row.expect) throw new Error('pending differences are for snapshots');
        const got = figuresOf(result.snapshot) as unknown as Record<string, unknown>;
        const honest = expected(row.expect) as unknown as Record<string, unknown>;
        for (const field of Object.keys(row.pending!.figures)) {
          expect(got[field], `${field} now matches the capture: move it out of "pending" in corpus-expectations.ts`).not.toEqual(honest[field]);
        }
      });
    }
  }
});
