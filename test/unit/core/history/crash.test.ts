import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { CRASH_VENDOR, EVENTS, INCIDENTS, pollAt, REPLAY_RETRIES, UPDATES } from './crash-writer.ts';
import { openStore, tempDir } from './factories.ts';
import { prng } from '../../../support/prng.ts';

const WRITER = fileURLToPath(new URL('./crash-writer.ts', import.meta.url));
const KILLS = 8;


/** Start the writer, wait until it says it is writing, let it write for `ms`, then SIGKILL it. */
function runAndKill(file: string, ms: number): Promise<{ ready: string; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--no-warnings', WRITER, file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!timer && out.includes('\n')) timer = setTimeout(() => child.kill('SIGKILL'), ms);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`writer exited on its own (code ${code}): ${err}`));
      else resolve({ ready: out.split('\n')[0] ?? '', signal });
    });
  });
}

function json<T>(value: unknown): T {
  return JSON.parse((value as { j: string }).j) as T;
}

describe('crash safety: a writer SIGKILLed at random moments', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it(`loses at most the poll in flight and never half a poll, over ${KILLS} kills`, async () => {
    const seed = Date.now() % 100_000;
    const random = prng(seed);
    const file = tmp.file();
    const committed: number[] = [];
    for (let run = 0; run < KILLS; run++) {
      const { ready } = await runAndKill(file, 40 + Math.floor(random() * 260));
      const where = `seed ${seed}, run ${run}`;
      const store = openStore(file);
      try {
        expect(store.get('PRAGMA integrity_check'), where).toEqual({ integrity_check: 'ok' });
        const polls = json<{ i: number; r: number }[]>(store.get("SELECT json_group_array(json_object('i', bytes, 'r', retries)) AS j FROM (SELECT bytes, retries FROM poll_log ORDER BY id)"));
        const firsts = polls.filter((p) => p.r !== REPLAY_RETRIES).map((p) => p.i);
        // Every committed poll once, contiguous from 0: nothing lost before the one in flight.
        expect(firsts, where).toEqual(firsts.map((_, i) => i));
        const resumedAt = Number(/^ready (\d+) replayed-fresh (\d+)$/.exec(ready)?.[1]);
        expect(ready, where).toMatch(/ replayed-fresh 0$/);
        expect(resumedAt, where).toBe(committed.at(-1) ?? 0);
        committed.push(firsts.length);
        const n = firsts.length;

        const perPoll = (sql: string): Record<string, number> =>
          Object.fromEntries(json<[string, number][]>(store.get(`SELECT json_group_array(json_array(at, n)) AS j FROM (${sql})`)));
        const expected = (k: number): Record<string, number> => Object.fromEntries(firsts.map((i) => [pollAt(i), k]));
        expect(perPoll('SELECT first_seen_at AS at, count(*) AS n FROM incidents GROUP BY 1'), where).toEqual(expected(INCIDENTS));
        expect(perPoll(`SELECT i.first_seen_at AS at, count(*) AS n FROM incident_updates u
          JOIN incidents i ON i.vendor_id = u.vendor_id AND i.id = u.incident_id GROUP BY 1`), where).toEqual(expected(INCIDENTS * UPDATES));
        expect(perPoll('SELECT at, count(*) AS n FROM events GROUP BY 1'), where).toEqual(expected(EVENTS));
        expect(store.get('SELECT count(*) AS n FROM incident_updates'), where).toEqual({ n: n * INCIDENTS * UPDATES });
        expect(store.get('SELECT count(*) AS n FROM (SELECT DISTINCT incident_id, body FROM incident_updates)'), where).toEqual({ n: n * INCIDENTS * UPDATES });
        // Titles, updates and one postmortem per poll are indexed, nothing else.
        expect(store.get('SELECT count(*) AS n FROM search_index'), where).toEqual({ n: n * (INCIDENTS * (1 + UPDATES) + 1) });
        expect(store.get("SELECT count(*) AS n FROM component_intervals WHERE to_at IS NULL"), where).toEqual({ n: n > 0 ? 2 : 0 });
        if (n > 0) {
          const last = firsts.at(-1)!;
          expect(store.search({ query: `Postmortem poll ${last}` }).map((h) => [h.incidentId, h.field]), where).toEqual([[`p${last}-0`, 'postmortem']]);
          expect(store.loadVendorState(CRASH_VENDOR.id).reachability?.since, where).toBe(pollAt(last));
        }
      } finally {
        store.close();
      }
    }
    // The writer made progress across restarts, not only in the first run.
    expect(committed.at(-1)!, `seed ${seed}: ${committed.join(',')}`).toBeGreaterThan(committed[0]!);
  }, 25_000);
});
