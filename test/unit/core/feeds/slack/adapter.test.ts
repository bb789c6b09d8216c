import { describe, expect, it } from 'vitest';
import { slackAdapter } from '../../../../../electron/core/feeds/slack/adapter.ts';
import { ctx, doc, errorKindOf, own, snapshotOf } from '../json-adapter-support.ts';

const SOURCE = 'https://slack-status.com/';

describe('Slack status API v2.0.0 (hand-written from docs.slack.dev)', () => {
  const snapshot = snapshotOf(slackAdapter.parse({ current: own('slack/current-active.json'), history: own('slack/history.json') }, ctx(SOURCE)));

  it('reads current and history without warnings, live copies winning over stale history ones', () => {
    expect(snapshot.warnings).toEqual([]);
    expect(snapshot.incidents.map((i) => [i.id, i.title, i.status, i.impact])).toEqual([
      ['1602', 'Delayed notifications on Android', 'investigating', 'minor'],
      ['1601', 'Some users may have trouble loading messages', 'investigating', 'critical'],
      ['1590', 'Huddles failing to connect', 'resolved', 'major'],
    ]);
  });

  it('converts Pacific offsets to UTC and orders notes oldest first', () => {
    const outage = snapshot.incidents.find((i) => i.id === '1601');
    expect(outage?.startedAt).toBe('2026-08-01T09:10:00.000Z');
    expect(outage?.updates.map((u) => [u.at, u.body])).toEqual([
      ['2026-08-01T09:10:00.000Z', "We're investigating reports of messages failing to load."],
      ['2026-08-01T11:05:00.000Z', "We've identified the cause and are deploying a fix.\nMessages may load slowly until then."],
    ]);
  });

  it('marks the last note of a resolved incident as its resolution', () => {
    const huddles = snapshot.incidents.find((i) => i.id === '1590');
    expect(huddles?.updates.map((u) => [u.status, u.label])).toEqual([['investigating', 'Update'], ['resolved', 'Resolved']]);
    expect(huddles?.resolvedAt).toBe('2026-07-28T17:30:00.000Z');
  });

  it('turns services of open incidents into components, levelled by incident type', () => {
    expect(snapshot.components.map((c) => [c.name, c.status])).toEqual([
      ['Connectivity', 'major_outage'],
      ['Messaging', 'major_outage'],
      ['Notifications', 'degraded'],
      ['Workflows', 'maintenance'],
    ]);
    expect(snapshot.status.level).toBe('major_outage');
  });

  it('reads maintenance-type entries as maintenances', () => {
    expect(snapshot.maintenances.map((m) => [m.id, m.status, m.scheduledFor, m.components])).toEqual([
      ['1580', 'completed', '2026-07-21T03:00:00.000Z', ['Messaging', 'Files']],
      ['1603', 'in_progress', '2026-08-01T11:00:00.000Z', ['Workflows']],
    ]);
  });

  it('reads an "ok" answer as operational with nothing open', () => {
    const ok = snapshotOf(slackAdapter.parse({ current: own('slack/current-ok.json') }, ctx(SOURCE)));
    expect(ok.status).toEqual({ level: 'operational', description: 'Operational' });
    expect([ok.incidents, ok.components, ok.warnings]).toEqual([[], [], []]);
  });

  it('keeps current and warns when the optional history is broken', () => {
    const partial = snapshotOf(slackAdapter.parse({ current: own('slack/current-active.json'), history: doc('{"oops":') }, ctx(SOURCE)));
    expect(partial.incidents).toHaveLength(2);
    expect(partial.warnings).toEqual([expect.objectContaining({ code: 'optional_document', path: 'history' })]);
  });

  it('warns about an unreadable note date and an unknown incident type', () => {
    const odd = snapshotOf(slackAdapter.parse({ current: doc(JSON.stringify({ status: 'active', active_incidents: [
      { id: 1, title: 'X', type: 'meltdown', status: 'active', date_created: '2026-08-01T01:00:00-07:00', services: [], notes: [{ date_created: 'yesterday', body: 'b' }] },
    ] })) }, ctx(SOURCE)));
    expect(odd.warnings.map((w) => w.path)).toEqual(['active_incidents[0].notes[0].date_created', 'active_incidents[0].type']);
  });

  it('rejects a JSON document whose status is not ok/active', () => {
    expect(errorKindOf(slackAdapter.parse({ current: doc('{"status":{"indicator":"none"}}') }, ctx(SOURCE)))).toBe('wrong_format');
  });
});
