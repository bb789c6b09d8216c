import { describe, expect, it } from 'vitest';
import type { VendorRules } from '../../../../shared/model/index.ts';
import { diff } from '../../../../electron/core/changes/diff.ts';
import type { PlanContext } from '../../../../electron/core/changes/rules.ts';
import { componentsFromSnapshots, planNotifications } from '../../../../electron/core/changes/rules.ts';
import { inQuietHours } from '../../../../electron/core/changes/quiet-hours.ts';
import { ctxAt, event, incident, settings, snapshot, update } from './factories.ts';

const NOW = '2024-05-01T12:00:00.000Z';
const NAMES = { github: 'GitHub', stripe: 'Stripe', slack: 'Slack', aws: 'AWS' };
const ctx = (extra: Partial<PlanContext> = {}): PlanContext => ({ now: NOW, timeZone: 'Europe/Berlin', mode: 'normal', vendorNames: NAMES, ...extra });
const rules = (extra: Partial<VendorRules>): VendorRules => ({ threshold: 'all', components: [], kinds: [], ...extra });

describe('planNotifications: per-vendor rules', () => {
  it('applies the threshold by event impact: all, major, critical, muted', () => {
    const minor = event({ vendorId: 'github', kind: 'incident.opened', impact: 'minor' });
    const major = event({ vendorId: 'github', kind: 'incident.opened', impact: 'major' });
    const critical = event({ vendorId: 'github', kind: 'incident.opened', impact: 'critical' });
    const notified = (threshold: VendorRules['threshold']) =>
      planNotifications([minor, major, critical], settings({ defaults: rules({ threshold }) }), ctx()).notifications.flatMap((n) => n.eventIds);
    expect(notified('all')).toEqual([minor.id, major.id, critical.id]);
    expect(notified('major')).toEqual([major.id, critical.id]);
    expect(notified('critical')).toEqual([critical.id]);
    expect(notified('muted')).toEqual([]);
    const plan = planNotifications([minor], settings({ defaults: rules({ threshold: 'major' }) }), ctx());
    expect(plan.suppressed).toEqual({ [minor.id]: 'below_threshold' });
    expect(plan.handled).toEqual([minor.id]);
  });

  it('a resolution notifies exactly when its opening would have', () => {
    const prev = snapshot({ incidents: [incident('x', [update('2024-05-01T10:00:00.000Z', 'Investigating', 'Down.')], { impact: 'major' })] });
    const next = snapshot({ incidents: [incident('x', [update('2024-05-01T10:00:00.000Z', 'Investigating', 'Down.'), update('2024-05-01T11:00:00.000Z', 'Resolved', 'Fixed.', 'resolved')], { impact: 'major' })] });
    const resolvedOnly = diff(prev, next, ctxAt(NOW)).filter((e) => e.kind === 'incident.resolved');
    expect(planNotifications(resolvedOnly, settings({ defaults: rules({ threshold: 'major' }) }), ctx()).notifications).toHaveLength(1);
    expect(planNotifications(resolvedOnly, settings({ defaults: rules({ threshold: 'critical' }) }), ctx()).notifications).toHaveLength(0);
  });

  it('per-vendor rules override the defaults', () => {
    const gh = event({ vendorId: 'github', kind: 'incident.opened', impact: 'minor' });
    const st = event({ vendorId: 'stripe', kind: 'incident.opened', impact: 'minor' });
    const plan = planNotifications([gh, st], settings({ defaults: rules({ threshold: 'critical' }), perVendor: { stripe: rules({ threshold: 'all' }) } }), ctx());
    expect(plan.notifications.map((n) => n.eventIds)).toEqual([[st.id]]);
  });

  it('the component filter matches listed components, falls back to the title for feeds, and lets vendor events through', () => {
    const snap = snapshot({ incidents: [incident('pay', [], { components: ['Payments API'] }), incident('dash', [], { components: ['Dashboard'] })] });
    const componentsOf = componentsFromSnapshots({ stripe: snap });
    const pay = event({ vendorId: 'stripe', kind: 'incident.opened', subjectId: 'pay' });
    const dash = event({ vendorId: 'stripe', kind: 'incident.opened', subjectId: 'dash' });
    const feedOnly = event({ vendorId: 'stripe', kind: 'incident.opened', subjectId: 'unlisted', title: 'Stripe: Elevated errors on payments api' });
    const unreachable = event({ vendorId: 'stripe', kind: 'vendor.unreachable', subjectId: null });
    const plan = planNotifications([pay, dash, feedOnly, unreachable], settings({ defaults: rules({ components: ['payments api'] }) }), ctx({ componentsOf }));
    expect(plan.suppressed).toEqual({ [dash.id]: 'component_filter' });
    expect(plan.notifications.flatMap((n) => n.eventIds)).toEqual([pay.id, feedOnly.id, unreachable.id]);
  });

  it('the kinds filter keeps only the chosen kinds', () => {
    const opened = event({ vendorId: 'github', kind: 'incident.opened' });
    const updated = event({ vendorId: 'github', kind: 'incident.updated' });
    const plan = planNotifications([opened, updated], settings({ defaults: rules({ kinds: ['incident.opened'] }) }), ctx());
    expect(plan.notifications.flatMap((n) => n.eventIds)).toEqual([opened.id]);
    expect(plan.suppressed).toEqual({ [updated.id]: 'kind_filter' });
  });

  it('disabled notifications suppress everything but still mark it handled', () => {
    const e = event({ vendorId: 'github', kind: 'incident.opened' });
    const plan = planNotifications([e], settings({ enabled: false }), ctx());
    expect(plan).toEqual({ notifications: [], handled: [e.id], held: [], suppressed: { [e.id]: 'disabled' } });
  });
});

describe('planNotifications: snoozes', () => {
  const gh = event({ vendorId: 'github', kind: 'incident.opened' });
  const st = event({ vendorId: 'stripe', kind: 'incident.opened' });
  const notified = (snoozes: { vendorId: string | null; until: string }[]) =>
    planNotifications([gh, st], settings({ snoozes }), ctx()).notifications.flatMap((n) => n.eventIds);

  it('snoozing one vendor silences only it', () => {
    expect(notified([{ vendorId: 'github', until: '2024-05-01T13:00:00.000Z' }])).toEqual([st.id]);
  });
  it('snoozing all vendors silences everything', () => {
    expect(notified([{ vendorId: null, until: '2024-05-02T00:00:00.000Z' }])).toEqual([]);
  });
  it('an expired snooze is ignored (the snooze ends at its instant)', () => {
    expect(notified([{ vendorId: null, until: NOW }, { vendorId: 'github', until: '2024-05-01T11:00:00.000Z' }])).toEqual([gh.id, st.id]);
  });
});

describe('planNotifications: quiet hours', () => {
  const quietHours = { enabled: true, start: '22:00', end: '07:00' };

  it('spans midnight on the user\'s clock in a non-UTC zone (Berlin, UTC+2 in May)', () => {
    expect(inQuietHours(quietHours, '2024-05-01T19:59:00.000Z', 'Europe/Berlin')).toBe(false); // 21:59
    expect(inQuietHours(quietHours, '2024-05-01T20:00:00.000Z', 'Europe/Berlin')).toBe(true); // 22:00
    expect(inQuietHours(quietHours, '2024-05-01T23:30:00.000Z', 'Europe/Berlin')).toBe(true); // 01:30
    expect(inQuietHours(quietHours, '2024-05-02T04:59:00.000Z', 'Europe/Berlin')).toBe(true); // 06:59
    expect(inQuietHours(quietHours, '2024-05-02T05:00:00.000Z', 'Europe/Berlin')).toBe(false); // 07:00
    expect(inQuietHours(quietHours, '2024-05-01T20:00:00.000Z', 'UTC')).toBe(false);
    expect(inQuietHours({ enabled: true, start: '09:00', end: '17:00' }, '2024-01-15T22:30:00.000Z', 'America/New_York')).toBe(false); // 17:30 EST
    expect(inQuietHours({ enabled: true, start: '09:00', end: '17:00' }, '2024-01-15T14:30:00.000Z', 'America/New_York')).toBe(true); // 09:30 EST
    expect(inQuietHours({ ...quietHours, enabled: false }, '2024-05-01T23:30:00.000Z', 'Europe/Berlin')).toBe(false);
  });

  it('holds events during quiet hours and shows them once the window ends', () => {
    const e = event({ vendorId: 'github', kind: 'incident.opened', title: 'GitHub: Incident with Actions' });
    const night = planNotifications([e], settings({ quietHours }), ctx({ now: '2024-05-01T23:30:00.000Z' }));
    expect(night).toEqual({ notifications: [], handled: [], held: [e.id], suppressed: {} });
    const morning = planNotifications([e], settings({ quietHours }), ctx({ now: '2024-05-02T05:30:00.000Z' }));
    expect(morning.notifications.map((n) => n.title)).toEqual(['GitHub: Incident with Actions']);
    expect(morning.handled).toEqual([e.id]);
  });
});

describe('planNotifications: grouping and summaries', () => {
  it('folds several events of one incident into one notification describing its latest state', () => {
    const opened = event({ vendorId: 'github', kind: 'incident.opened', subjectId: 'i1', at: '2024-05-01T10:00:00.000Z', url: 'https://www.githubstatus.com/incidents/i1' });
    const resolved = event({ vendorId: 'github', kind: 'incident.resolved', subjectId: 'i1', at: '2024-05-01T11:00:00.000Z', body: 'Resolved — This incident has been resolved.', level: 'operational', url: 'https://www.githubstatus.com/incidents/i1' });
    const plan = planNotifications([opened, resolved], settings(), ctx());
    expect(plan.notifications).toHaveLength(1);
    expect(plan.notifications[0]).toMatchObject({
      title: 'github: Subject i1', body: 'Resolved — This incident has been resolved.\n2 updates since the last check',
      url: 'https://www.githubstatus.com/incidents/i1', eventIds: [opened.id, resolved.id], urgency: 'low',
    });
    expect(plan.notifications[0]?.id).toBe(planNotifications([resolved, opened], settings(), ctx()).notifications[0]?.id);
  });

  it('a new incident counts its first update once, though it is both the opening and an update', () => {
    const first = update('2024-05-01T10:00:00.000Z', 'Investigating', 'Actions are failing.');
    const fixed = update('2024-05-01T11:00:00.000Z', 'Resolved', 'Fixed.', 'resolved');
    const fresh = diff(snapshot(), snapshot({ incidents: [incident('one', [first])] }), ctxAt(NOW));
    const lone = planNotifications(fresh, settings(), ctx());
    expect(lone.notifications.map((n) => [n.body, n.eventIds.length])).toEqual([['Investigating — Actions are failing.', 2]]);
    const over = diff(snapshot(), snapshot({ incidents: [incident('two', [first, fixed])] }), ctxAt(NOW));
    expect(over.map((e) => e.kind)).toEqual(['incident.opened', 'incident.updated', 'incident.updated', 'incident.resolved']);
    const both = planNotifications(over, settings(), ctx());
    expect(both.notifications.map((n) => [n.body, n.eventIds.length])).toEqual([['Resolved — Fixed.\n3 updates since the last check', 4]]);
  });

  it('three subjects notify one by one, with urgency from their state', () => {
    const events = [
      event({ vendorId: 'github', kind: 'incident.opened', level: 'major_outage', impact: 'critical' }),
      event({ vendorId: 'stripe', kind: 'incident.opened', level: 'degraded' }),
      event({ vendorId: 'slack', kind: 'maintenance.started', level: 'maintenance', impact: 'none' }),
    ];
    expect(planNotifications(events, settings(), ctx()).notifications.map((n) => n.urgency)).toEqual(['critical', 'normal', 'low']);
  });

  it('more than three subjects in one poll become ONE summary', () => {
    const events = [
      event({ vendorId: 'github', kind: 'incident.opened', title: 'GitHub: Incident with Actions', level: 'major_outage' }),
      event({ vendorId: 'github', kind: 'incident.opened', title: 'GitHub: Incident with Pages' }),
      event({ vendorId: 'stripe', kind: 'incident.opened', title: 'Stripe: API errors' }),
      event({ vendorId: 'stripe', kind: 'incident.updated', title: 'Stripe: Dashboard slow' }),
      event({ vendorId: 'slack', kind: 'incident.opened', title: 'Slack: Messages delayed' }),
    ];
    const plan = planNotifications(events, settings(), ctx());
    expect(plan.notifications).toHaveLength(1);
    expect(plan.notifications[0]).toMatchObject({
      title: '5 updates from 3 vendors',
      body: 'GitHub (2), Stripe (2), Slack\nGitHub: Incident with Actions\nGitHub: Incident with Pages\nStripe: API errors\nand 2 more',
      url: null, urgency: 'critical', eventIds: events.map((e) => e.id),
    });
    expect(plan.notifications[0]?.id).toMatch(/^summary:[0-9a-z]{7}$/);
    expect(plan.handled).toEqual(events.map((e) => e.id));
  });

  it('counts an event passed twice only once', () => {
    const e = event({ vendorId: 'github', kind: 'incident.opened' });
    const plan = planNotifications([e, e], settings(), ctx());
    expect(plan.handled).toEqual([e.id]);
    expect(plan.notifications[0]?.eventIds).toEqual([e.id]);
  });
});

describe('planNotifications: first run and catch-up', () => {
  const history = snapshot({
    incidents: [
      incident('old1', [update('2024-04-01T10:00:00.000Z', 'Investigating', 'Old.'), update('2024-04-01T11:00:00.000Z', 'Resolved', 'Done.', 'resolved')]),
      incident('old2', [update('2024-04-02T10:00:00.000Z', 'Investigating', 'Old.'), update('2024-04-02T11:00:00.000Z', 'Resolved', 'Done.', 'resolved')]),
    ],
  });

  it('first run with only old, resolved incidents shows nothing and marks it all handled as old news', () => {
    const events = diff(null, history, ctxAt(NOW));
    const plan = planNotifications(events, settings(), ctx({ mode: 'first_run' }));
    expect(plan.notifications).toEqual([]);
    expect(plan.handled).toHaveLength(events.length);
    expect(new Set(Object.values(plan.suppressed))).toEqual(new Set(['old_news']));
  });

  it('first run with an ongoing incident gives one summary of what is ongoing', () => {
    const ongoing = incident('now', [update('2024-05-01T11:00:00.000Z', 'Investigating', 'Actions are failing.')], { title: 'Incident with Actions' });
    const events = diff(null, { ...history, incidents: [ongoing, ...history.incidents] }, ctxAt(NOW));
    const plan = planNotifications(events, settings(), ctx({ mode: 'first_run' }));
    expect(plan.notifications).toHaveLength(1);
    expect(plan.notifications[0]).toMatchObject({ title: '1 ongoing issue at 1 vendor', body: 'GitHub\nGitHub: Incident with Actions', eventIds: ['github:incident.opened:now', 'github:incident.updated:now:h0iqmwjg'], urgency: 'normal' });
    expect(plan.handled).toHaveLength(events.length);
  });

  it('catch-up during quiet hours holds nothing and shows nothing', () => {
    const e = event({ vendorId: 'github', kind: 'incident.opened' });
    const plan = planNotifications([e], settings({ quietHours: { enabled: true, start: '22:00', end: '07:00' } }), ctx({ mode: 'catch_up', now: '2024-05-01T23:30:00.000Z' }));
    expect(plan).toEqual({ notifications: [], handled: [e.id], held: [], suppressed: { [e.id]: 'quiet_hours' } });
  });
});
