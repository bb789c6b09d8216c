import { describe, expect, it } from 'vitest';
import { statusioAdapter } from '../../../../../electron/core/feeds/statusio/adapter.ts';
import { ctx, doc, own, shared, snapshotOf } from '../json-adapter-support.ts';

const SOURCE = 'https://api.status.io/1.0/status/533c6539221ae15e3f000031';

describe('status.io — real Docker capture', () => {
  const snapshot = snapshotOf(statusioAdapter.parse({ main: shared('statusio/docker-statusio-1.0-status-excerpt.json') }, ctx(SOURCE)));

  it('reads the three components with their Mongo ids and no warning', () => {
    expect(snapshot.warnings).toEqual([]);
    expect(snapshot.components).toEqual([
      { id: '5342d1b837768a325c00000b', name: 'Docker Hub Registry', group: null, status: 'operational' },
      { id: '6a343b5a3a468f05c2280134', name: 'Docker AI Governance', group: null, status: 'operational' },
      { id: '6a208a949c2c470603e749fd', name: 'Gordon AI Agent', group: null, status: 'operational' },
    ]);
  });

  it('is operational in the vendor’s own words with nothing open', () => {
    expect(snapshot.status).toEqual({ level: 'operational', description: 'Operational' });
    expect(snapshot.incidents).toEqual([]);
    expect(snapshot.maintenances).toEqual([]);
    expect(snapshot.source).toMatchObject({ platform: 'statusio', format: 'statusio', url: SOURCE });
  });
});

describe('status.io — active incident and maintenances (hand-written)', () => {
  const snapshot = snapshotOf(statusioAdapter.parse({ main: own('statusio/active-incident-and-maintenance.json') }, ctx(SOURCE)));

  it('maps every status_code, a component taking its worst container', () => {
    expect(snapshot.warnings).toEqual([]);
    expect(snapshot.components.map((c) => [c.name, c.status])).toEqual([
      ['Registry', 'partial_outage'],
      ['Builds', 'maintenance'],
      ['Auth', 'major_outage'],
      ['Security', 'major_outage'],
      ['Website', 'operational'],
    ]);
  });

  it('lets a worse component override a milder overall status and says so in our words', () => {
    expect(snapshot.status).toEqual({ level: 'major_outage', description: 'Major outage' });
  });

  it('orders incident messages oldest first with their states', () => {
    const incident = snapshot.incidents[0];
    expect(incident).toMatchObject({ id: '66aa00000000000000000001', title: 'Registry pulls failing', status: 'identified', impact: 'major', startedAt: '2026-08-01T10:30:00.000Z', components: ['Registry'] });
    expect(incident?.updates.map((u) => [u.label, u.at])).toEqual([['Investigating', '2026-08-01T10:30:00.000Z'], ['Identified', '2026-08-01T11:45:00.000Z']]);
  });

  it('reads active maintenance as in progress and upcoming as scheduled, naming components from ids', () => {
    expect(snapshot.maintenances.map((m) => [m.title, m.status, m.scheduledFor, m.scheduledUntil, m.components])).toEqual([
      ['Build cluster upgrade', 'in_progress', '2026-08-01T10:00:00.000Z', '2026-08-01T14:00:00.000Z', ['Builds']],
      ['Website CDN switch', 'scheduled', '2026-08-04T01:00:00.000Z', '2026-08-04T02:00:00.000Z', ['Website']],
    ]);
  });

  it('warns about an unknown status code and shows the component as unknown', () => {
    const odd = snapshotOf(statusioAdapter.parse({ main: doc('{"result":{"status_overall":{"status":"Operational","status_code":100},"status":[{"id":"a","name":"A","status_code":999,"containers":[]}],"incidents":[],"maintenance":{"active":[],"upcoming":[]}}}') }, ctx(SOURCE)));
    expect(odd.components[0]?.status).toBe('unknown');
    expect(odd.warnings).toEqual([expect.objectContaining({ code: 'unknown_status', path: 'status[0].status_code' })]);
  });
});
