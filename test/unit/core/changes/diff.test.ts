import { describe, expect, it } from 'vitest';
import { diff } from '../../../../electron/core/changes/diff.ts';
import { component, countKinds, ctxAt, incident, maintenance, mUpdate, snapshot, update } from './factories.ts';

const T0 = '2024-05-01T10:00:00.000Z';
const T1 = '2024-05-01T10:20:00.000Z';
const T2 = '2024-05-01T11:05:00.000Z';
const NOW = '2024-05-01T11:10:00.000Z';

const investigating = update(T0, 'Investigating', 'We are investigating reports of degraded performance for Actions.');
const ongoing = update(T1, 'Update', 'We have identified the cause and are deploying a fix.');
const resolved = update(T2, 'Resolved', 'This incident has been resolved.', 'resolved');

describe('diff: incidents', () => {
  it('announces a new incident once, titled with the vendor name, at its first update, which also counts as an update', () => {
    const events = diff(snapshot(), snapshot({ incidents: [incident('actions', [investigating])] }), ctxAt(NOW));
    expect(events).toHaveLength(2);
    expect(events.map((e) => e.kind)).toEqual(['incident.opened', 'incident.updated']);
    expect(events[0]).toMatchObject({
      id: 'github:incident.opened:actions',
      kind: 'incident.opened',
      vendorId: 'github',
      subjectId: 'actions',
      at: T0,
      detectedAt: NOW,
      title: 'GitHub: Incident with actions',
      body: 'Investigating — We are investigating reports of degraded performance for Actions.',
      impact: 'major',
      level: 'partial_outage',
      url: 'https://www.githubstatus.com/incidents/actions',
    });
    expect(events[1]).toMatchObject({
      kind: 'incident.updated',
      subjectId: 'actions',
      at: T0,
      detectedAt: NOW,
      title: 'GitHub: Incident with actions',
      body: 'Investigating — We are investigating reports of degraded performance for Actions.',
      impact: 'major',
      level: 'partial_outage',
    });
    expect(events[1]?.id).toMatch(/^github:incident\.updated:actions:h[0-9a-z]{7}$/);
  });

  it('emits one incident.updated per new update, with the update text as body', () => {
    const prev = snapshot({ incidents: [incident('actions', [investigating])] });
    const events = diff(prev, snapshot({ incidents: [incident('actions', [investigating, ongoing])] }), ctxAt(NOW));
    expect(events.map((e) => e.kind)).toEqual(['incident.updated']);
    expect(events[0]?.at).toBe(T1);
    expect(events[0]?.body).toBe('Update — We have identified the cause and are deploying a fix.');
    expect(events[0]?.id).toMatch(/^github:incident\.updated:actions:h[0-9a-z]{7}$/);
  });

  it('a first sighting of a resolved incident gives opened, one updated per update, and resolved', () => {
    const events = diff(null, snapshot({ incidents: [incident('actions', [investigating, ongoing, resolved])] }), ctxAt(NOW));
    expect(events.map((e) => e.kind)).toEqual(['incident.opened', 'incident.updated', 'incident.updated', 'incident.updated', 'incident.resolved']);
    expect(events.filter((e) => e.kind === 'incident.updated').map((e) => e.at)).toEqual([T0, T1, T2]);
    const done = events[4];
    expect(done).toMatchObject({ at: T2, level: 'operational', impact: 'major', body: 'Resolved — This incident has been resolved.' });
  });

  it('resolution of a known incident emits incident.resolved at resolvedAt', () => {
    const prev = snapshot({ incidents: [incident('actions', [investigating, ongoing])] });
    const next = snapshot({ incidents: [incident('actions', [investigating, ongoing, resolved])] });
    const events = diff(prev, next, ctxAt(NOW));
    expect(countKinds(events)).toEqual({ 'incident.updated': 1, 'incident.resolved': 1 });
    expect(events.find((e) => e.kind === 'incident.resolved')?.at).toBe(T2);
  });

  it('a closed incident that gets a new investigating update is reopened once', () => {
    const reopen = update('2024-05-01T12:00:00.000Z', 'Investigating', 'We are seeing errors again.');
    const prev = snapshot({ incidents: [incident('actions', [investigating, resolved])] });
    const next = snapshot({ incidents: [incident('actions', [investigating, resolved, reopen])] });
    const events = diff(prev, next, ctxAt(NOW));
    expect(countKinds(events)).toEqual({ 'incident.updated': 1, 'incident.reopened': 1 });
    const reopened = events.find((e) => e.kind === 'incident.reopened');
    expect(reopened).toMatchObject({ at: '2024-05-01T12:00:00.000Z', level: 'partial_outage', body: 'Investigating — We are seeing errors again.' });
    // Resolving it again is a second resolution, with a different id.
    const again = update('2024-05-01T13:00:00.000Z', 'Resolved', 'Resolved again.', 'resolved');
    const later = diff(next, snapshot({ incidents: [incident('actions', [investigating, resolved, reopen, again])] }), ctxAt(NOW));
    const secondResolution = later.find((e) => e.kind === 'incident.resolved');
    expect(secondResolution?.at).toBe('2024-05-01T13:00:00.000Z');
    expect(secondResolution?.id).not.toBe(diff(null, prev, ctxAt(NOW)).find((e) => e.kind === 'incident.resolved')?.id);
  });

  it('a postmortem appearing on a resolved incident emits incident.postmortem once', () => {
    const prev = snapshot({ incidents: [incident('actions', [investigating, resolved])] });
    const withPm = snapshot({ incidents: [incident('actions', [investigating, resolved], { status: 'postmortem', postmortem: 'A configuration change caused elevated errors.' })] });
    const events = diff(prev, withPm, ctxAt(NOW));
    expect(events.map((e) => e.kind)).toEqual(['incident.postmortem']);
    expect(events[0]).toMatchObject({ id: 'github:incident.postmortem:actions', body: 'Postmortem — A configuration change caused elevated errors.', level: 'operational' });
    expect(diff(withPm, withPm, ctxAt(NOW))).toEqual([]);
  });

  it('whitespace, entity and quote re-rendering of a known update emits nothing', () => {
    const prev = snapshot({ incidents: [incident('actions', [update(T0, 'Investigating', "We're investigating\nreports.")])] });
    const next = snapshot({ incidents: [incident('actions', [update(T0, ' Investigating ', 'We&#39;re  investigating   reports. ')])] });
    const curly = snapshot({ incidents: [incident('actions', [update(T0, 'Investigating', 'We\u2019re investigating\u00a0reports.')])] });
    expect(diff(prev, next, ctxAt(NOW))).toEqual([]);
    expect(diff(prev, curly, ctxAt(NOW))).toEqual([]);
  });

  it('an edited update text (same time and label) is not a new update', () => {
    const prev = snapshot({ incidents: [incident('actions', [investigating])] });
    const next = snapshot({ incidents: [incident('actions', [update(T0, 'Investigating', 'We are investigating reports of failures for Actions.')])] });
    expect(diff(prev, next, ctxAt(NOW))).toEqual([]);
  });

  it('two different updates posted in the same minute with the same label are two updates', () => {
    const a = update(T1, 'Update', 'Runners in us-east are recovering.');
    const b = update(T1, 'Update', 'Runners in eu-west are still affected.');
    const prev = snapshot({ incidents: [incident('actions', [investigating, a])] });
    const events = diff(prev, snapshot({ incidents: [incident('actions', [investigating, b, a])] }), ctxAt(NOW));
    expect(events.map((e) => e.body)).toEqual(['Update — Runners in eu-west are still affected.']);
  });

  it('an update with a vendor id is identified by that id', () => {
    const withId = update(T1, 'Update', 'Text', 'identified', 'upd123');
    const events = diff(snapshot({ incidents: [incident('actions', [investigating])] }), snapshot({ incidents: [incident('actions', [investigating, withId])] }), ctxAt(NOW));
    expect(events[0]?.id).toBe('github:incident.updated:actions:upd123');
  });

  it('is deterministic and idempotent: same inputs give the same ids, applying the same snapshot twice gives nothing', () => {
    const next = snapshot({ incidents: [incident('actions', [investigating, ongoing])] });
    const a = diff(null, next, ctxAt(NOW));
    const b = diff(null, structuredClone(next), ctxAt('2024-06-01T00:00:00.000Z'));
    expect(a.map((e) => e.id)).toEqual(b.map((e) => e.id));
    expect(diff(next, next, ctxAt(NOW))).toEqual([]);
  });

  it('an incident missing from the next snapshot produces no event (absence is not a resolution)', () => {
    const prev = snapshot({ incidents: [incident('actions', [investigating])] });
    expect(diff(prev, snapshot(), ctxAt(NOW))).toEqual([]);
  });
});

describe('diff: components', () => {
  it('emits one event per component whose level changed, with impact from the level', () => {
    const prev = snapshot({ components: [component('api', 'operational'), component('pages', 'operational'), component('git', 'degraded')] });
    const next = snapshot({ components: [component('api', 'major_outage'), component('pages', 'operational'), component('git', 'degraded')] });
    const events = diff(prev, next, ctxAt(NOW));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      kind: 'component.status_changed', subjectId: 'api', title: 'GitHub: API', body: 'Operational → Major outage',
      impact: 'critical', level: 'major_outage', at: NOW, url: 'https://www.githubstatus.com',
    });
  });

  it('maps partial outage to major and degraded to minor; a recovery keeps the impact of what it recovers from', () => {
    const prev = snapshot({ components: [component('a', 'operational'), component('b', 'operational'), component('c', 'partial_outage')] });
    const next = snapshot({ components: [component('a', 'partial_outage'), component('b', 'degraded'), component('c', 'operational')] });
    const impacts = Object.fromEntries(diff(prev, next, ctxAt(NOW)).map((e) => [e.subjectId, [e.impact, e.level]]));
    expect(impacts).toEqual({ a: ['major', 'partial_outage'], b: ['minor', 'degraded'], c: ['major', 'operational'] });
  });

  it('a new component counts only when not operational; a disappearing one says nothing', () => {
    const prev = snapshot({ components: [component('old', 'major_outage')] });
    const next = snapshot({ components: [component('fine', 'operational'), component('eu', 'degraded')] });
    const events = diff(prev, next, ctxAt(NOW));
    expect(events.map((e) => [e.subjectId, e.body])).toEqual([['eu', 'Degraded performance (newly listed)']]);
  });
});

describe('diff: maintenances', () => {
  const scheduled = mUpdate('2024-02-20T09:00:00.000Z', 'Scheduled', 'We will upgrade the database.', 'scheduled');
  const started = mUpdate('2024-03-01T10:00:00.000Z', 'In progress', 'Maintenance is in progress.', 'in_progress');
  const verifying = mUpdate('2024-03-01T11:00:00.000Z', 'Verifying', 'Verifying.', 'verifying');
  const completed = mUpdate('2024-03-01T11:30:00.000Z', 'Completed', 'The maintenance has completed.', 'completed');

  it('walks scheduled → started → verifying → completed with one event per stage posted', () => {
    const s1 = snapshot({ maintenances: [maintenance('db', 'scheduled', [scheduled])] });
    const s2 = snapshot({ maintenances: [maintenance('db', 'in_progress', [scheduled, started])] });
    const s3 = snapshot({ maintenances: [maintenance('db', 'verifying', [scheduled, started, verifying])] });
    const s4 = snapshot({ maintenances: [maintenance('db', 'completed', [scheduled, started, verifying, completed])] });
    const first = diff(snapshot(), s1, ctxAt(NOW));
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ id: 'github:maintenance.scheduled:db', at: '2024-02-20T09:00:00.000Z', impact: 'none', level: 'operational', title: 'GitHub: Maintenance db' });
    expect(diff(s1, s2, ctxAt(NOW)).map((e) => [e.kind, e.at, e.level])).toEqual([['maintenance.started', '2024-03-01T10:00:00.000Z', 'maintenance']]);
    expect(diff(s2, s3, ctxAt(NOW)).map((e) => [e.kind, e.level])).toEqual([['maintenance.verifying', 'maintenance']]);
    expect(diff(s2, s3, ctxAt(NOW))[0]?.at).toBe(verifying.at);
    expect(diff(s3, s4, ctxAt(NOW)).map((e) => [e.kind, e.at])).toEqual([['maintenance.completed', '2024-03-01T11:30:00.000Z']]);
  });

  it('a maintenance first seen completed gets scheduled, started and completed once each', () => {
    const events = diff(null, snapshot({ maintenances: [maintenance('db', 'completed', [scheduled, started, completed])] }), ctxAt(NOW));
    expect(events.map((e) => e.kind)).toEqual(['maintenance.scheduled', 'maintenance.started', 'maintenance.completed']);
  });

  it('a scheduled maintenance without updates says when it is scheduled', () => {
    const events = diff(null, snapshot({ maintenances: [maintenance('db', 'scheduled', [])] }), ctxAt(NOW));
    expect(events[0]?.body).toBe('Scheduled for 2024-03-01 10:00 UTC');
    expect(events[0]?.at).toBe(NOW);
  });
});
