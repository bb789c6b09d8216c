import { describe, expect, it } from 'vitest';
import { cachetV2Adapter, cachetV3Adapter } from '../../../../../electron/core/feeds/cachet/adapter.ts';
import { ctx, doc, errorKindOf, own, shared, snapshotOf } from '../json-adapter-support.ts';

const SOURCE = 'https://status.yoti.com/';

describe('Cachet 2.x — real Yoti capture', () => {
  const snapshot = snapshotOf(cachetV2Adapter.parse({ components: shared('cachet/yoti-cachet2-api-v1-components.json') }, ctx(SOURCE)));

  it('reads all 7 components with their vendor ids and no warning', () => {
    expect(snapshot.warnings).toEqual([]);
    expect(snapshot.components.map((c) => [c.id, c.name, c.status])).toEqual([
      ['1', 'Yoti Website', 'operational'],
      ['2', 'Yoti Age Scan', 'operational'],
      ['3', 'Yoti App', 'operational'],
      ['9', 'Yoti Doc Scan', 'operational'],
      ['6', 'Yoti Doc Scan', 'operational'],
      ['5', 'Yoti Sign', 'operational'],
      ['4', 'Yoti Hub', 'operational'],
    ]);
  });

  it('is operational, named after its host, with no incidents', () => {
    expect(snapshot.status).toEqual({ level: 'operational', description: 'Operational' });
    expect(snapshot.page).toEqual({ name: 'status.yoti.com', url: SOURCE });
    expect(snapshot.incidents).toEqual([]);
    expect(snapshot.source).toMatchObject({ platform: 'cachet', format: 'cachet-v2' });
  });
});

describe('Cachet 2.x — documented components, groups, incidents and schedules', () => {
  const docs = {
    components: own('cachet/v2-components-all-statuses.json'),
    groups: own('cachet/v2-groups.json'),
    incidents: own('cachet/v2-incidents.json'),
    schedules: own('cachet/v2-schedules.json'),
  };
  const snapshot = snapshotOf(cachetV2Adapter.parse(docs, ctx('https://status.example.org/')));

  it('maps component statuses 1–4 (numbers or strings), names groups and hides disabled components', () => {
    expect(snapshot.warnings).toEqual([]);
    expect(snapshot.components.map((c) => [c.name, c.group, c.status])).toEqual([
      ['Website', 'Platform', 'operational'],
      ['API', 'Platform', 'degraded'],
      ['Payments', 'Payments', 'partial_outage'],
      ['Webhooks', 'Payments', 'major_outage'],
    ]);
    expect(snapshot.status.level).toBe('major_outage');
  });

  it('builds a chronological timeline from the incident message and its updates, Watching and Fixed included', () => {
    const slow = snapshot.incidents.find((i) => i.id === '41');
    expect(slow?.updates.map((u) => [u.status, u.label, u.at])).toEqual([
      ['investigating', 'Investigating', '2026-07-20T14:00:00.000Z'],
      ['monitoring', 'Watching', '2026-07-20T15:10:00.000Z'],
      ['resolved', 'Fixed', '2026-07-20T16:00:00.000Z'],
    ]);
    expect(slow).toMatchObject({ status: 'resolved', resolvedAt: '2026-07-20T16:00:00.000Z', components: ['API'], impact: 'minor' });
  });

  it('takes an open incident’s impact from its component and keeps incidents newest first', () => {
    expect(snapshot.incidents.map((i) => [i.id, i.title, i.status, i.impact])).toEqual([
      ['42', 'Webhook deliveries failing', 'identified', 'critical'],
      ['41', 'Slow API responses', 'resolved', 'minor'],
    ]);
  });

  it('turns old-style scheduled incidents (status 0) and schedules into maintenances', () => {
    expect(snapshot.maintenances.map((m) => [m.id, m.title, m.status, m.scheduledFor, m.scheduledUntil, m.components])).toEqual([
      ['6', 'CDN certificate rotation', 'completed', '2026-07-15T01:00:00.000Z', '2026-07-15T01:30:00.000Z', []],
      ['7', 'Payments provider migration', 'in_progress', '2026-08-01T11:00:00.000Z', '2026-08-01T13:00:00.000Z', ['Payments']],
      ['40', 'Planned database maintenance', 'scheduled', '2026-08-10T22:00:00.000Z', null, []],
    ]);
  });

  it('reads zone-less times in the configured time zone', () => {
    const london = snapshotOf(cachetV2Adapter.parse(docs, ctx('https://status.example.org/', { timeZone: 'Europe/London' })));
    expect(london.incidents.find((i) => i.id === '42')?.startedAt).toBe('2026-08-01T08:50:00.000Z');
    expect(london.warnings).toEqual([]);
  });

  it('warns once and falls back to UTC for an unknown configured time zone', () => {
    const bad = snapshotOf(cachetV2Adapter.parse(docs, ctx('https://status.example.org/', { timeZone: 'Mars/Olympus' })));
    expect(bad.warnings).toEqual([expect.objectContaining({ code: 'bad_time_zone' })]);
    expect(bad.incidents.find((i) => i.id === '42')?.startedAt).toBe('2026-08-01T09:50:00.000Z');
  });

  it('warns about an unreadable component status and shows it as unknown', () => {
    const odd = snapshotOf(cachetV2Adapter.parse({ components: doc('{"meta":{"pagination":{"total":1}},"data":[{"id":1,"name":"X","status":"broken"}]}') }, ctx(SOURCE)));
    expect(odd.components[0]?.status).toBe('unknown');
    expect(odd.warnings).toEqual([expect.objectContaining({ code: 'unknown_status', path: 'components[0].status' })]);
  });

  it('keeps the components when an optional document is broken, with one warning', () => {
    const partial = snapshotOf(cachetV2Adapter.parse({ components: docs.components, incidents: doc('{"data":') }, ctx(SOURCE)));
    expect(partial.components).toHaveLength(4);
    expect(partial.warnings).toEqual([expect.objectContaining({ code: 'optional_document', path: 'incidents' })]);
  });
});

describe('Cachet 3.x (JSON:API)', () => {
  const snapshot = snapshotOf(cachetV3Adapter.parse({
    components: own('cachet/v3-components.json'),
    groups: own('cachet/v3-groups.json'),
    incidents: own('cachet/v3-incidents.json'),
    schedules: own('cachet/v3-schedules.json'),
  }, ctx('https://status.example.net/')));

  it('reads attributes, string ids and {human,value} statuses', () => {
    expect(snapshot.warnings).toEqual([]);
    expect(snapshot.components.map((c) => [c.id, c.name, c.group, c.status])).toEqual([
      ['1', 'Website', 'Core', 'operational'],
      ['2', 'API', 'Core', 'major_outage'],
      ['3', 'Docs', null, 'degraded'],
    ]);
    expect(snapshot.source.format).toBe('cachet-v3');
  });

  it('resolves included updates and related components into the incident timeline', () => {
    expect(snapshot.incidents.map((i) => [i.id, i.title, i.status, i.impact, i.components])).toEqual([['12', 'API unavailable', 'investigating', 'critical', ['API']]]);
    expect(snapshot.incidents[0]?.updates.map((u) => [u.id, u.body, u.at])).toEqual([
      [null, 'The API is returning 503 errors.', '2026-08-01T10:00:00.000Z'],
      ['31', 'Still investigating; a database node is unhealthy.', '2026-08-01T10:50:00.000Z'],
    ]);
  });

  it('reads schedules as maintenances with their components', () => {
    expect(snapshot.maintenances.map((m) => [m.title, m.status, m.scheduledFor, m.components])).toEqual([['Docs hosting move', 'scheduled', '2026-08-09T20:00:00.000Z', ['Docs']]]);
    expect(snapshot.status.level).toBe('major_outage');
  });

  it('does not read a 2.x document, nor 2.x a 3.x one', () => {
    expect(errorKindOf(cachetV3Adapter.parse({ components: shared('cachet/yoti-cachet2-api-v1-components.json') }, ctx(SOURCE)))).toBe('wrong_format');
    expect(errorKindOf(cachetV2Adapter.parse({ components: own('cachet/v3-components.json') }, ctx(SOURCE)))).toBe('wrong_format');
  });
});
