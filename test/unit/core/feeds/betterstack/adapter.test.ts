import { describe, expect, it } from 'vitest';
import { betterstackAdapter } from '../../../../../electron/core/feeds/betterstack/adapter.ts';
import type { Snapshot } from '../../../../../shared/model/index.ts';
import { ctx, doc, errorKindOf, own, snapshotOf } from '../json-adapter-support.ts';

const SOURCE = 'https://status.acme.example/';

/** A minimal index.json around the given `included[]` (page aggregate operational unless set). */
function page(included: unknown[], aggregate = 'operational'): Snapshot {
  const body = { data: { id: '1', type: 'status_page', attributes: { company_name: 'X', aggregate_state: aggregate } }, included };
  return snapshotOf(betterstackAdapter.parse({ main: doc(JSON.stringify(body)) }, ctx(SOURCE)));
}
const report = (id: string, extra: Record<string, unknown> = {}, updateIds?: string[]) => ({
  id, type: 'status_report',
  attributes: { title: `Report ${id}`, report_type: 'manual', starts_at: '2026-08-01T09:00:00.000Z', ends_at: null, aggregate_state: 'Degraded', ...extra },
  ...(updateIds ? { relationships: { status_updates: { data: updateIds.map((u) => ({ id: u, type: 'status_update' })) } } } : {}),
});
const statusUpdate = (id: string, at: string, status: string, extra: Record<string, unknown> = {}) => ({
  id, type: 'status_update', attributes: { message: `Update ${id}`, published_at: at, affected_resources: [{ status_page_resource_id: '1', status }], ...extra },
});

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

  it('gives each report the updates its relationships link, even those that do not name their report', () => {
    expect(snapshot.incidents.map((i) => [i.id, i.updates.map((u) => u.id)])).toEqual([
      ['901', ['9011', '9012']],
      ['904', ['9041', '9042']],
      ['900', ['9001', '9002', '9003']],
    ]);
    expect(snapshot.incidents[0]?.updates.map((u) => [u.label, u.at])).toEqual([
      ['Degraded', '2026-08-01T10:40:00.000Z'],
      ['Downtime', '2026-08-01T11:00:00.000Z'],
    ]);
  });

  it('dates a resolution by the update that resolved the report, not by the report\'s end or a later note', () => {
    const done = snapshot.incidents.find((i) => i.id === '900')!;
    expect([done.status, done.resolvedAt]).toEqual(['resolved', '2026-07-20T08:25:00.000Z']);
    expect(done.updates.map((u) => [u.status, u.label])).toEqual([['investigating', 'Downtime'], ['resolved', 'Resolved'], ['resolved', 'Resolved']]);
  });

  it('rates an open report by the platform\'s current aggregate state, and a finished one by the worst it reached', () => {
    expect(snapshot.incidents.map((i) => [i.id, i.status, i.impact, i.components])).toEqual([
      ['901', 'investigating', 'critical', ['API', 'Dashboard']],
      ['904', 'investigating', 'minor', ['Dashboard']],
      ['900', 'resolved', 'critical', ['Dashboard']],
    ]);
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
    expect(page([], state).status.level).toBe(level);
  });

  it('shows the page at the platform\'s own aggregate state, not a level of ours derived from resources', () => {
    const s = page([{ id: '7', type: 'status_page_resource', attributes: { public_name: 'API', status: 'downtime' } }], 'degraded');
    expect([s.components[0]?.status, s.status.level]).toEqual(['major_outage', 'degraded']);
  });

  it('warns about an unknown resource status instead of guessing', () => {
    const s = page([{ id: '7', type: 'status_page_resource', attributes: { public_name: 'API', status: 'on_fire' } }]);
    expect(s.components[0]?.status).toBe('unknown');
    expect(s.warnings).toEqual([expect.objectContaining({ code: 'unknown_status', path: 'included[0].attributes.status' })]);
  });

  it('names a linked update the document lacks, and an update no report links, instead of dropping them silently', () => {
    const s = page([report('1', {}, ['11', '12']), statusUpdate('11', '2026-08-01T09:00:00.000Z', 'degraded'), statusUpdate('99', '2026-08-01T09:05:00.000Z', 'degraded', { status_report_id: 1 })]);
    expect(s.incidents[0]?.updates.map((u) => u.id)).toEqual(['11']);
    expect(s.warnings.map((w) => [w.code, w.path])).toEqual([
      ['missing_update', 'included[0].relationships.status_updates.data[1]'],
      ['orphan_update', 'included[2]'],
    ]);
    expect(s.warnings[0]?.message).toMatch(/report 1 links status update 12/);
  });

  it('falls back on the update\'s status_report_id only for a report without relationships', () => {
    const s = page([report('1'), statusUpdate('11', '2026-08-01T09:00:00.000Z', 'degraded', { status_report_id: 1 })]);
    expect(s.incidents[0]?.updates.map((u) => u.id)).toEqual(['11']);
    expect(s.warnings).toEqual([]);
  });

  it('warns about an update without a publication time', () => {
    const s = page([report('1', {}, ['11']), statusUpdate('11', '', 'degraded')]);
    expect(s.incidents[0]?.updates).toEqual([]);
    expect(s.warnings).toEqual([expect.objectContaining({ code: 'missing_field', path: 'included[1]' })]);
  });

  it('rejects a JSON:API document that is not a status page', () => {
    expect(errorKindOf(betterstackAdapter.parse({ main: doc('{"data":{"id":"1","type":"monitor","attributes":{}}}') }, ctx(SOURCE)))).toBe('wrong_format');
  });
});
