import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HistoryStore } from '../../../../electron/core/history/index.ts';
import { incident, maintenance, openStore, poll, snapshot, STRIPE, tempDir, update } from './factories.ts';

let tmp: ReturnType<typeof tempDir>;
let store: HistoryStore;

const closed = (id: string, start: string) => incident(id, [update(start, `${id} began.`), update(start.replace('T10', 'T11'), `${id} fixed.`, 'resolved', 'Resolved')]);
const ongoing = (id: string, start: string) => incident(id, [update(start, `${id} began.`)]);

beforeEach(() => {
  tmp = tempDir();
  store = openStore(tmp.file());
  store.applyPoll(poll('2024-04-01T00:00:00.000Z', {
    snapshot: snapshot({
      incidents: [closed('jan', '2024-01-15T10:00:00.000Z'), closed('feb', '2024-02-15T10:00:00.000Z'), ongoing('mar', '2024-03-15T10:00:00.000Z')],
      maintenances: [
        maintenance('m1', 'completed', '2024-03-01T10:00:00.000Z', '2024-03-01T12:00:00.000Z'),
        maintenance('m2', 'scheduled', '2024-03-10T10:00:00.000Z', null),
        maintenance('m3', 'scheduled', '2024-04-01T00:00:00.000Z', '2024-04-02T00:00:00.000Z'),
      ],
    }),
  }));
  store.applyPoll(poll('2024-04-01T00:00:00.000Z', {
    vendor: STRIPE,
    snapshot: snapshot({ incidents: [ongoing('s-feb', '2024-02-20T10:00:00.000Z')], maintenances: [maintenance('s-m', 'scheduled', '2024-03-05T00:00:00.000Z', '2024-03-05T01:00:00.000Z')] }),
  }));
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

const ids = (records: { incident: { id: string } }[]): string[] => records.map((r) => r.incident.id);

describe('listing incidents', () => {
  it('lists newest first across vendors, with the vendor named', () => {
    const all = store.listIncidents({});
    expect(all.map((r) => [r.vendorName, r.incident.id])).toEqual([['GitHub', 'mar'], ['Stripe', 's-feb'], ['GitHub', 'feb'], ['GitHub', 'jan']]);
  });

  it('filters by vendor, start window and state, and pages with limit and offset', () => {
    expect(ids(store.listIncidents({ vendorId: 'github' }))).toEqual(['mar', 'feb', 'jan']);
    expect(ids(store.listIncidents({ since: '2024-02-01T00:00:00.000Z', until: '2024-03-01T00:00:00.000Z' }))).toEqual(['s-feb', 'feb']);
    expect(ids(store.listIncidents({ state: 'open' }))).toEqual(['mar', 's-feb']);
    expect(ids(store.listIncidents({ state: 'closed' }))).toEqual(['feb', 'jan']);
    expect(ids(store.listIncidents({ limit: 2, offset: 1 }))).toEqual(['s-feb', 'feb']);
  });

  it('returns one incident with its updates oldest first, or null when unknown', () => {
    expect(store.getIncident('github', 'feb')?.incident.updates.map((u) => [u.status, u.body])).toEqual([
      ['investigating', 'feb began.'],
      ['resolved', 'feb fixed.'],
    ]);
    expect(store.getIncident('stripe', 'feb')).toBeNull();
  });
});

describe('listing maintenances', () => {
  it('returns the maintenances overlapping a window, soonest first, with their timeline', () => {
    const march = store.listMaintenances({ from: '2024-03-01T11:00:00.000Z', to: '2024-03-15T00:00:00.000Z' });
    expect(march.map((m) => [m.vendorName, m.maintenance.id])).toEqual([['GitHub', 'm1'], ['Stripe', 's-m'], ['GitHub', 'm2']]);
    expect(march[0]?.maintenance).toMatchObject({ status: 'completed', scheduledUntil: '2024-03-01T12:00:00.000Z', components: ['API'] });
    expect(march[0]?.maintenance.updates.map((u) => u.body)).toEqual(['Maintenance m1 is scheduled.']);

    // m1 ended at 12:00; a window starting after it leaves it out.
    expect(store.listMaintenances({ from: '2024-03-01T12:30:00.000Z', to: '2024-03-02T00:00:00.000Z' }).map((m) => m.maintenance.id)).toEqual([]);
    expect(store.listMaintenances({ from: '2024-03-01T00:00:00.000Z', to: '2024-05-01T00:00:00.000Z', vendorId: 'stripe' }).map((m) => m.maintenance.id)).toEqual(['s-m']);
  });
});

describe('listing vendors', () => {
  it('lists every vendor ever polled, by name, with its last known level', () => {
    expect(store.vendors().map((v) => [v.id, v.name, v.level, v.health])).toEqual([['github', 'GitHub', 'operational', 'ok'], ['stripe', 'Stripe', 'operational', 'ok']]);
  });
});

describe('the poll log', () => {
  it('lists every attempt newest first with its outcome and cost, per vendor and up to the limit', () => {
    store.applyPoll(poll('2024-04-01T00:05:00.000Z', { outcome: 'fetch_error', health: 'unreachable', httpStatus: 503, error: 'HTTP 503', retries: 2, latencyMs: 812.6, bytes: 0 }));
    store.applyPoll(poll('2024-04-01T00:10:00.000Z', { outcome: 'not_modified', httpStatus: 304, bytes: 0 }));
    expect(store.pollLog({ vendorId: 'github', limit: 2 })).toEqual([
      { vendorId: 'github', at: '2024-04-01T00:10:00.000Z', outcome: 'not_modified', latencyMs: 120, bytes: 0, httpStatus: 304, error: null, retries: 0 },
      { vendorId: 'github', at: '2024-04-01T00:05:00.000Z', outcome: 'fetch_error', latencyMs: 813, bytes: 0, httpStatus: 503, error: 'HTTP 503', retries: 2 },
    ]);
    // Same instant: the later write first.
    expect(store.pollLog().map((p) => [p.vendorId, p.at])).toEqual([
      ['github', '2024-04-01T00:10:00.000Z'], ['github', '2024-04-01T00:05:00.000Z'], ['stripe', '2024-04-01T00:00:00.000Z'], ['github', '2024-04-01T00:00:00.000Z'],
    ]);
  });
});
