import { describe, expect, it } from 'vitest';
import { betterstackAdapter } from '../../../../../electron/core/feeds/betterstack/adapter.ts';
import { ctx, doc, errorKindOf, own, snapshotOf } from '../json-adapter-support.ts';

const SOURCE = 'https://status.acme.example/';

describe('Better Stack index.json (hand-written from the JSON API docs)', () => {
  const snapshot = snapshotOf(betterstackAdapter.parse({ main: own('betterstack/index-incident-maintenance.json') }, ctx(SOURCE)));

  it('names the page and groups resources by section', () => {
    expect(snapshot.warnings).toEqual([]);
    expect(snapshot.page).toEqual({ name: 'Acme Hosting', url: 'https://status.acme.example' });
    expect(snapshot.components.map((c) => [c.id, c.name, c.group, c.status])).toEqual([
      ['101', 'API', 'Core', 'major_outage'],
      ['102', 'Dashboard', 'Core', 'degraded'],
      ['103', 'CDN', 'Edge', 'maintenance'],
      ['104', 'DNS', 'Edge', 'operational'],
      ['105', 'Support desk', null, 'operational'],
    ]);
    expect(snapshot.status.level).toBe('major_outage');
  });

  it('reads open and resolved reports as incidents with chronological updates', () => {
    expect(snapshot.incidents.map((i) => [i.id, i.title, i.status, i.impact, i.resolvedAt, i.components])).toEqual([
      ['901', 'API outage', 'investigating', 'critical', null, ['API', 'Dashboard']],
      ['900', 'Dashboard login errors', 'resolved', 'critical', '2026-07-20T08:25:00.000Z', ['Dashboard']],
    ]);
    expect(snapshot.incidents[0]?.updates.map((u) => [u.id, u.label, u.at])).toEqual([
      ['9011', 'Degraded', '2026-08-01T10:40:00.000Z'],
      ['9012', 'Downtime', '2026-08-01T11:00:00.000Z'],
    ]);
    expect(snapshot.incidents[1]?.updates.map((u) => u.status)).toEqual(['investigating', 'resolved']);
  });

  it('reads maintenance reports with their window and phase at fetch time', () => {
    expect(snapshot.maintenances.map((m) => [m.id, m.title, m.status, m.scheduledFor, m.scheduledUntil])).toEqual([
      ['902', 'CDN provider switch', 'in_progress', '2026-08-01T11:30:00.000Z', '2026-08-01T12:30:00.000Z'],
      ['903', 'DNS migration', 'scheduled', '2026-08-06T22:00:00.000Z', '2026-08-06T23:00:00.000Z'],
    ]);
    expect(snapshot.maintenances[0]?.updates.map((u) => u.status)).toEqual(['scheduled', 'in_progress']);
  });

  it.each([
    ['operational', 'operational'],
    ['degraded', 'degraded'],
    ['downtime', 'major_outage'],
    ['maintenance', 'maintenance'],
    ['Downtime', 'major_outage'],
  ])('aggregate_state %s reads as %s', (state, level) => {
    const page = { data: { id: '1', type: 'status_page', attributes: { company_name: 'X', aggregate_state: state } }, included: [] };
    expect(snapshotOf(betterstackAdapter.parse({ main: doc(JSON.stringify(page)) }, ctx(SOURCE))).status.level).toBe(level);
  });

  it('warns about an unknown resource status instead of guessing', () => {
    const page = { data: { id: '1', type: 'status_page', attributes: { company_name: 'X', aggregate_state: 'operational' } },
      included: [{ id: '7', type: 'status_page_resource', attributes: { public_name: 'API', status: 'on_fire' } }] };
    const snapshot = snapshotOf(betterstackAdapter.parse({ main: doc(JSON.stringify(page)) }, ctx(SOURCE)));
    expect(snapshot.components[0]?.status).toBe('unknown');
    expect(snapshot.warnings).toEqual([expect.objectContaining({ code: 'unknown_status', path: 'included[0].attributes.status' })]);
  });

  it('rejects a JSON:API document that is not a status page', () => {
    expect(errorKindOf(betterstackAdapter.parse({ main: doc('{"data":{"id":"1","type":"monitor","attributes":{}}}') }, ctx(SOURCE)))).toBe('wrong_format');
  });
});
