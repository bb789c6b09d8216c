import { afterAll, describe, expect, it } from 'vitest';
import { count, event, incident, openStore, poll, snapshot, tempDir, update } from './factories.ts';

const POLLS = 100;
const PER_POLL = 100;

describe('history at scale', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it(`stores ${POLLS * PER_POLL} incidents in ${POLLS} polls without slowing down as the file grows`, () => {
    const store = openStore(tmp.file());
    const base = Date.parse('2023-01-01T00:00:00.000Z');
    const iso = (ms: number): string => new Date(base + ms).toISOString();
    const durations: number[] = [];
    const started = performance.now();
    for (let p = 0; p < POLLS; p++) {
      const incidents = Array.from({ length: PER_POLL }, (_, k) => {
        const n = p * PER_POLL + k;
        return incident(`inc${n}`, [
          update(iso(n * 60_000), `Investigating elevated latency on shard ${n} of the ledger service.`),
          update(iso(n * 60_000 + 30_000), `Shard ${n} recovered after a failover.`, 'resolved', 'Resolved'),
        ], { title: `Ledger shard ${n} degraded` });
      });
      const t = performance.now();
      store.applyPoll(poll(iso(p * PER_POLL * 60_000 + 3_600_000), {
        snapshot: snapshot({ incidents }),
        events: incidents.map((i) => event(`github:incident.opened:${i.id}`, { subjectId: i.id, at: i.startedAt })),
      }));
      durations.push(performance.now() - t);
    }
    const total = performance.now() - started;
    expect(total).toBeLessThan(15_000);
    expect(count(store, 'SELECT count(*) AS n FROM incidents')).toBe(POLLS * PER_POLL);
    expect(count(store, 'SELECT count(*) AS n FROM incident_updates')).toBe(2 * POLLS * PER_POLL);
    expect(count(store, 'SELECT count(*) AS n FROM events')).toBe(POLLS * PER_POLL);
    expect(count(store, 'SELECT count(*) AS n FROM search_index')).toBe(3 * POLLS * PER_POLL);
    // Not quadratic: the last polls cost about what the first did (generous bound against noise).
    const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(durations.slice(-10))).toBeLessThan(Math.max(5 * mean(durations.slice(0, 10)), 50));
    // Reads stay indexed too.
    const q = performance.now();
    expect(store.search({ query: 'shard 9876' }).map((h) => h.incidentId)).toEqual(expect.arrayContaining(['inc9876']));
    expect(store.getIncident('github', 'inc4321')?.incident.updates).toHaveLength(2);
    expect(store.listIncidents({ limit: 3 }).map((r) => r.incident.id)).toEqual(['inc9999', 'inc9998', 'inc9997']);
    expect(store.stats({ until: '2024-01-01T00:00:00.000Z' })[0]).toMatchObject({ incidents: 10_000, resolved: 10_000, meanMinutesToResolve: 0.5 });
    expect(performance.now() - q).toBeLessThan(5_000);
    store.close();
  }, 30_000);
});
