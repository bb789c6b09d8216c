import { describe, expect, it } from 'vitest';
import { pagerdutyAdapter } from '../../../../../electron/core/feeds/pagerduty/adapter.ts';
import { ctx, doc, errorKindOf, own, snapshotOf } from '../json-adapter-support.ts';

/** Hand-written fixtures (test/fixtures/pagerduty) following the shapes public clients read. */
const SOURCE = 'https://status.acme.test/';

describe('PagerDuty status page data with posts', () => {
  const s = snapshotOf(pagerdutyAdapter.parse({
    main: own('pagerduty/data.json'), posts: own('pagerduty/posts.json'), enums: own('pagerduty/post-enums.json'),
  }, ctx(SOURCE)));

  it('lists business services under their group, the impacted one down', () => {
    expect(s.warnings).toEqual([]);
    expect(s.page.name).toBe('Acme Status');
    expect(s.components.map((c) => [c.name, c.group, c.status])).toEqual([
      ['REST API (US)', 'APIs', 'major_outage'], ['Events API', 'APIs', 'operational'], ['Web app', null, 'operational'],
    ]);
    expect(s.status).toEqual({ level: 'major_outage', description: 'Some systems are experiencing issues' });
  });

  it('reads the incident post with its status and severity names from the enums', () => {
    expect(s.incidents).toEqual([expect.objectContaining({
      id: 'POST1', title: 'REST API errors in US', status: 'investigating', impact: 'major', startedAt: '2026-06-16T02:00:00.000Z', components: ['REST API (US)'],
    })]);
    expect(s.incidents[0]?.updates).toEqual([{ id: null, status: 'investigating', label: 'Investigating', body: 'We are investigating elevated REST API error rates.', at: '2026-06-16T02:05:00.000Z' }]);
  });

  it('reads the maintenance post with its window, not counting its impact while it is only scheduled', () => {
    expect(s.maintenances).toEqual([expect.objectContaining({ title: 'Database upgrade', status: 'scheduled', scheduledFor: '2026-06-20T06:00:00.000Z', scheduledUntil: '2026-06-20T08:00:00.000Z', components: ['Web app'] })]);
    expect(s.components.find((c) => c.name === 'Web app')?.status).toBe('operational');
  });
});

describe('PagerDuty page HTML', () => {
  it('reads the data embedded in the page, and says the headline reports issues it could not detail', () => {
    const s = snapshotOf(pagerdutyAdapter.parse({ main: own('pagerduty/page.html') }, ctx(SOURCE)));
    expect(s.components).toHaveLength(3);
    expect(s.status.level).toBe('degraded');
    expect(s.warnings).toEqual([expect.objectContaining({ code: 'partial_page_data', path: 'posts' })]);
  });

  it('reads the older page data with open incidents and their severity', () => {
    const v1 = JSON.stringify({ summary: { open_incidents: [{ title: 'Delayed notifications', updates: [{ severity: 'major', message: 'Investigating', created_at: '2026-01-02T03:04:05Z' }] }] } });
    const s = snapshotOf(pagerdutyAdapter.parse({ main: doc(v1) }, ctx(SOURCE)));
    expect(s.incidents.map((i) => [i.title, i.impact, i.startedAt])).toEqual([['Delayed notifications', 'major', '2026-01-02T03:04:05.000Z']]);
    expect(s.status.level).toBe('partial_outage');
  });

  it('warns about an impact word it does not know instead of guessing', () => {
    const posts = JSON.stringify({ posts: [{ id: 'P', title: 'T', post_type: 'incident', latest_update: { reported_at: '2026-01-01T00:00:00Z', status_id: 'investigating', severity_id: 'minor', impacts: [{ service_id: 'SVC2', severity_id: 'wobbly' }] } }] });
    const s = snapshotOf(pagerdutyAdapter.parse({ main: own('pagerduty/data.json'), posts: doc(posts) }, ctx(SOURCE)));
    expect(s.components.find((c) => c.name === 'Events API')?.status).toBe('unknown');
    expect(s.warnings).toEqual([expect.objectContaining({ code: 'unknown_status', path: 'posts[0].latest_update.impacts[0]' })]);
  });

  it('refuses a page without PagerDuty data and other JSON', () => {
    expect(errorKindOf(pagerdutyAdapter.parse({ main: doc('<!DOCTYPE html><html><body>Hi</body></html>') }, ctx(SOURCE)))).toBe('wrong_format');
    expect(errorKindOf(pagerdutyAdapter.parse({ main: doc('{"layout":{}}') }, ctx(SOURCE)))).toBe('wrong_format');
  });
});
