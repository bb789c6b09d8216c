import { describe, expect, it } from 'vitest';
import { instatusJsonAdapter } from '../../../../../electron/core/feeds/instatus/adapter.ts';
import { ctx, doc, errorKindOf, own, shared, snapshotOf } from '../json-adapter-support.ts';

const SOURCE = 'https://acme.instatus.com/';
const parse = (docs: Parameters<typeof instatusJsonAdapter.parse>[0]) => instatusJsonAdapter.parse(docs, ctx(SOURCE));
const summaryWith = (page: Record<string, unknown>, extra: Record<string, unknown> = {}) => doc(JSON.stringify({ page: { name: 'Acme', url: SOURCE, ...page }, activeIncidents: [], activeMaintenances: [], ...extra }));

describe('Instatus summary.json + components', () => {
  const snapshot = snapshotOf(parse({ summary: own('instatus/summary-incidents-maintenances.json'), components: own('instatus/components-v2.json') }));

  it('reads the hand-written documented summary without warnings', () => {
    expect(snapshot.warnings).toEqual([]);
    expect(snapshot.page).toEqual({ name: 'Acme', url: 'https://acme.instatus.com' });
    expect(snapshot.source).toMatchObject({ platform: 'instatus', format: 'instatus-json' });
  });

  it('maps every upper-case component status onto the ladder and nests children under their group', () => {
    expect(snapshot.components.map((c) => [c.name, c.group, c.status])).toEqual([
      ['Website', null, 'operational'],
      ['Database', null, 'maintenance'],
      ['Dashboard', null, 'degraded'],
      ['API (EU)', 'API', 'partial_outage'],
      ['API (US)', 'API', 'partial_outage'],
      ['Webhooks', null, 'major_outage'],
    ]);
  });

  it('shows open incidents newest first with their impact, status and localized titles', () => {
    expect(snapshot.incidents.map((i) => [i.id, i.title, i.impact, i.status, i.startedAt])).toEqual([
      ['cl9x1incident02', 'Slow dashboard', 'minor', 'monitoring', '2026-08-01T06:00:00.000Z'],
      ['cl9x1incident01', 'API errors in EU', 'major', 'identified', '2026-07-31T22:05:00.000Z'],
    ]);
    expect(snapshot.incidents[1]?.updates).toEqual([{ id: null, status: 'identified', label: 'Identified', body: '', at: '2026-08-01T09:30:00.000Z' }]);
  });

  it('computes a maintenance window from a duration given as a string or a number of minutes', () => {
    expect(snapshot.maintenances.map((m) => [m.title, m.status, m.scheduledFor, m.scheduledUntil, m.updates[0]?.label])).toEqual([
      ['Database upgrade', 'in_progress', '2026-08-01T11:00:00.000Z', '2026-08-01T12:00:00.000Z', 'In progress'],
      ['Network switch replacement', 'scheduled', '2026-08-03T02:00:00.000Z', '2026-08-03T04:00:00.000Z', 'Not started yet'],
    ]);
  });

  it('raises a HASISSUES page to its worst component', () => {
    expect(snapshot.status).toEqual({ level: 'major_outage', description: 'Major outage' });
  });
});

describe('Instatus page status words', () => {
  it.each([
    ['UP', 'operational'],
    ['HASISSUES', 'degraded'],
    ['UNDERMAINTENANCE', 'maintenance'],
    ['MAJOROUTAGE', 'major_outage'],
    ['PARTIALOUTAGE', 'partial_outage'],
    ['MINOROUTAGE', 'partial_outage'],
    ['DEGRADEDPERFORMANCE', 'degraded'],
  ])('page.status %s reads as %s', (word, level) => {
    expect(snapshotOf(parse({ summary: summaryWith({ status: word }) })).status.level).toBe(level);
  });

  it('warns about an unknown page status and reports unknown rather than guessing', () => {
    const snapshot = snapshotOf(parse({ summary: summaryWith({ status: 'ONFIRE' }) }));
    expect(snapshot.status.level).toBe('unknown');
    expect(snapshot.warnings).toEqual([expect.objectContaining({ code: 'unknown_status', path: 'page.status' })]);
  });

  it('warns about an unreadable start time and a non-numeric duration but keeps the maintenance', () => {
    const snapshot = snapshotOf(parse({ summary: summaryWith({ status: 'UP' }, {
      activeMaintenances: [{ id: 'm1', name: 'Upgrade', start: 'next tuesday', status: 'NOTSTARTEDYET', duration: 'an hour', updatedAt: '2026-07-30T10:00:00Z' }],
    }) }));
    expect(snapshot.maintenances.map((m) => [m.id, m.scheduledFor, m.scheduledUntil])).toEqual([['m1', '2026-07-30T10:00:00.000Z', null]]);
    expect(snapshot.warnings.map((w) => w.path)).toEqual(['activeMaintenances[0].start', 'activeMaintenances[0].duration']);
  });

  it('keeps the summary and warns once when the optional components document is broken', () => {
    const snapshot = snapshotOf(parse({ summary: summaryWith({ status: 'UP' }), components: doc('<html><body>404</body></html>') }));
    expect(snapshot.components).toEqual([]);
    expect(snapshot.warnings).toEqual([expect.objectContaining({ code: 'optional_document', path: 'components' })]);
  });

  it('rejects a Statuspage summary as wrong_format so detection does not take it for Instatus', () => {
    expect(errorKindOf(parse({ summary: shared('statuspage/github-summary-2022-11-25-partial-outage.json') }))).toBe('wrong_format');
  });
});
