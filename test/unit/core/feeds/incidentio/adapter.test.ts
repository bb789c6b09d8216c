import { describe, expect, it } from 'vitest';
import { incidentioProxyAdapter, incidentioWidgetAdapter } from '../../../../../electron/core/feeds/incidentio/adapter.ts';
import { ctx, doc, errorKindOf, own, snapshotOf } from '../json-adapter-support.ts';

const SOURCE = 'https://linearstatus.com/';

describe('incident.io widget API', () => {
  const snapshot = snapshotOf(incidentioWidgetAdapter.parse({ main: own('incidentio/widget-summary.json') }, ctx(SOURCE)));

  it('reads the documented widget summary without warnings', () => {
    expect(snapshot.warnings).toEqual([]);
    expect(snapshot.page).toEqual({ name: 'Linear', url: 'https://linearstatus.com/' });
  });

  it('maps full_outage to major outage and degraded_performance to degraded, grouped by group_name', () => {
    expect(snapshot.components.map((c) => [c.name, c.group, c.status])).toEqual([
      ['Sync', 'Application', 'degraded'],
      ['Login', 'Authentication', 'major_outage'],
      ['SSO', 'Authentication', 'partial_outage'],
      ['Search', 'Application', 'maintenance'],
    ]);
    expect(snapshot.status.level).toBe('major_outage');
  });

  it('gives each incident one update: the last message at last_update_at', () => {
    const login = snapshot.incidents.find((i) => i.title === 'Login failing');
    expect(login).toMatchObject({ id: '01J8ZQ4W5M2K7R3T9V6X1Y0DEF', impact: 'critical', status: 'identified', components: ['Login', 'SSO'] });
    expect(login?.updates).toEqual([{ id: null, status: 'identified', label: 'Identified', body: 'We have identified a faulty deploy and are rolling it back.', at: '2026-08-01T11:40:00.000Z' }]);
    expect(snapshot.incidents.find((i) => i.title.startsWith('Sync'))?.impact).toBe('minor');
  });

  it('lists in-progress and scheduled maintenances with their windows', () => {
    expect(snapshot.maintenances.map((m) => [m.title, m.status, m.scheduledFor, m.scheduledUntil])).toEqual([
      ['Search index rebuild', 'in_progress', '2026-08-01T09:00:00.000Z', '2026-08-01T13:00:00.000Z'],
      ['Database failover test', 'scheduled', '2026-08-05T06:00:00.000Z', '2026-08-05T07:00:00.000Z'],
    ]);
  });

  it('says it lists only ongoing incidents, so one that leaves it is resolved rather than kept open', () => {
    expect(snapshot.source.listing).toBe('active');
  });

  it('reads a quiet page with no incidents as operational', () => {
    const quiet = snapshotOf(incidentioWidgetAdapter.parse({ main: doc('{"page_title":"Q","page_url":"https://q.example/","ongoing_incidents":[],"in_progress_maintenances":[],"scheduled_maintenances":[]}') }, ctx(SOURCE)));
    expect(quiet.status.level).toBe('operational');
    expect(quiet.components).toEqual([]);
  });

  it('warns about an unknown impact word instead of guessing a level', () => {
    const odd = snapshotOf(incidentioWidgetAdapter.parse({ main: doc(JSON.stringify({ ongoing_incidents: [{ id: 'x', name: 'X', status: 'investigating', current_worst_impact: 'apocalypse', last_update_at: '2026-08-01T10:00:00Z' }] })) }, ctx(SOURCE)));
    expect(odd.incidents[0]?.impact).toBe('minor');
    expect(odd.warnings).toEqual([expect.objectContaining({ code: 'unknown_status', path: 'ongoing_incidents[0].current_worst_impact' })]);
  });
});

describe('incident.io page proxy JSON', () => {
  const snapshot = snapshotOf(incidentioProxyAdapter.parse({ main: own('incidentio/proxy-summary.json') }, ctx('https://status.acme.dev/')));

  it('lists the full component structure with groups, hiding hidden components', () => {
    expect(snapshot.warnings).toEqual([]);
    expect(snapshot.components.map((c) => [c.name, c.group, c.status])).toEqual([
      ['API', null, 'operational'],
      ['Dashboard', null, 'operational'],
      ['EU region', 'Regions', 'partial_outage'],
      ['US region', 'Regions', 'operational'],
    ]);
    expect(snapshot.page.name).toBe('Acme Cloud');
  });

  it('reads the ongoing incident and derives a partial outage', () => {
    expect(snapshot.incidents.map((i) => [i.title, i.status, i.impact, i.updates.length])).toEqual([['Elevated errors in EU', 'investigating', 'major', 1]]);
    expect(snapshot.status.level).toBe('partial_outage');
  });

  it('keeps the widget and proxy shapes apart', () => {
    expect(errorKindOf(incidentioWidgetAdapter.parse({ main: own('incidentio/proxy-summary.json') }, ctx(SOURCE)))).toBe('wrong_format');
    expect(errorKindOf(incidentioProxyAdapter.parse({ main: own('incidentio/widget-summary.json') }, ctx(SOURCE)))).toBe('wrong_format');
  });
});
