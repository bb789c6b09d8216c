import { describe, expect, it } from 'vitest';
import { betterstackHtmlAdapter } from '../../../../../electron/core/feeds/html/betterstack-page.ts';
import { incidentioHtmlAdapter } from '../../../../../electron/core/feeds/html/incidentio-page.ts';
import { instatusHtmlAdapter } from '../../../../../electron/core/feeds/html/instatus-page.ts';
import type { FeedAdapter } from '../../../../../electron/core/feeds/types.ts';
import { ctx, doc, errorKindOf, shared, snapshotOf } from '../json-adapter-support.ts';

/**
 * The real pages in ../shared/fixtures/{instatus,incidentio,betterstack}/html, read as a browser
 * gets them. Every expected figure below was established by reading the HTML itself (its rendered
 * text and its embedded data), not by recording what the readers return.
 */
const read = (adapter: FeedAdapter, path: string) => snapshotOf(adapter.parse({ main: shared(path) }, ctx('https://status.example.com/')));

describe('incident.io page (Aiven, an incident in progress)', () => {
  const s = read(incidentioHtmlAdapter, 'incidentio/html/aiven-page-minor-2026-03.html');

  it('shows the affected component in partial outage and the page partially out, with nothing unread', () => {
    expect(s.warnings).toEqual([]);
    expect(s.page).toEqual({ name: 'Aiven', url: 'https://status.aiven.io/' });
    expect(s.components.map((c) => [c.name, c.status])).toEqual([['Aiven', 'partial_outage'], ['Support Ticketing System', 'operational']]);
    expect(s.status.level).toBe('partial_outage');
  });

  it('lists the ongoing incident with its four updates, monitoring, linked to its public page', () => {
    expect(s.incidents).toHaveLength(1);
    const [incident] = s.incidents;
    expect(incident).toMatchObject({
      id: '01KJNTSXKSNJJ8NWRKFWW9XT3K', title: 'Amazon Web Services (AWS) ME-CENTRAL-1 region status', status: 'monitoring',
      startedAt: '2026-03-01T23:12:45.176Z', resolvedAt: null, components: ['Aiven'], url: 'https://statuspage.incident.io/aiven/incidents/r1rbnpdh',
    });
    expect(incident?.updates.map((u) => u.at)).toEqual(['2026-03-01T23:12:45.176Z', '2026-03-02T08:16:06.081Z', '2026-03-02T15:38:41.000Z', '2026-03-03T03:01:31.058Z']);
    expect(incident?.updates.at(-1)?.body).toMatch(/^Amazon Web Services \(AWS\) currently has an outage that is impacting deployments of services in the ME-CENTRAL-1 and ME-SOUTH-1 regions\.\n\nWe have disabled/);
  });
});

describe('incident.io page (Linear, all operational)', () => {
  const s = read(incidentioHtmlAdapter, 'incidentio/html/linear-page-good-2026-03.html');

  it('is operational with its six regional components and no active incident', () => {
    expect(s.status.level).toBe('operational');
    expect(s.components).toHaveLength(6);
    expect(s.components.every((c) => c.status === 'operational')).toBe(true);
    expect(s.incidents.filter((i) => i.status !== 'resolved')).toEqual([]);
  });

  it('keeps the six recent incidents with their whole timelines, a reopened one included', () => {
    expect(s.incidents).toHaveLength(6);
    const workspaces = s.incidents.find((i) => i.title === 'Errors in creating workspaces');
    expect(workspaces?.updates.map((u) => u.label)).toEqual(['Investigating', 'Identified', 'Identified', 'Monitoring', 'Resolved']);
    expect(workspaces?.resolvedAt).toBe('2026-03-09T23:48:57.868Z');
    const agents = s.incidents.find((i) => i.title.startsWith('Subset of agent app users'));
    expect(agents?.updates.map((u) => u.status)).toEqual(['identified', 'identified', 'resolved', 'identified', 'resolved']);
  });
});

describe('Instatus page in __NEXT_DATA__ (Whereby, 2023, a notice)', () => {
  const s = read(instatusHtmlAdapter, 'instatus/html/whereby-page-notice-2023-08.html');

  it('reads the degraded page: two of four components degraded', () => {
    expect(s.warnings).toEqual([]);
    expect(s.page).toEqual({ name: 'Whereby', url: 'https://wherebystatus.com' });
    expect(s.status.level).toBe('degraded');
    expect(s.components.map((c) => [c.name, c.status])).toEqual([
      ['Meeting rooms', 'operational'], ['Admin dashboard', 'degraded'], ['Embedded API', 'degraded'], ['whereby.com', 'operational'],
    ]);
  });

  it('lists the identified incident with its update and the components it names', () => {
    expect(s.incidents).toEqual([expect.objectContaining({
      title: 'Delays in room insights data refresh', status: 'identified', impact: 'minor', startedAt: '2023-03-01T13:41:06.588Z',
      components: ['Embedded API', 'Admin dashboard'], url: 'https://wherebystatus.com/incident/clepq7d3819967m8n6wf54e6yx',
    })]);
    expect(s.incidents[0]?.updates).toEqual([expect.objectContaining({ status: 'identified', label: 'Identified', at: '2023-03-01T13:41:06.588Z' })]);
    expect(s.incidents[0]?.updates[0]?.body).toMatch(/^We've identified an issue with the process[\s\S]*\n\nData found in the insights overview section of the dashboard is unaffected\.$/);
  });
});

describe('Instatus page in flight data (Whereby, 2026, all operational)', () => {
  const s = read(instatusHtmlAdapter, 'instatus/html/whereby-page-good-2026-03.html');

  it('is operational with four components and no active incident', () => {
    expect(s.warnings).toEqual([]);
    expect(s.status.level).toBe('operational');
    expect(s.components.map((c) => c.name)).toEqual(['Meeting rooms', 'whereby.com', 'Admin dashboard', 'Embedded API']);
    expect(s.incidents.filter((i) => i.status !== 'resolved')).toEqual([]);
  });

  it('keeps the three resolved incidents of the uptime bars, with their windows and components', () => {
    expect(s.incidents.map((i) => [i.title, i.impact, i.startedAt, i.resolvedAt, i.components])).toEqual([
      ['Missing insight data on the admin dashboard', 'minor', '2026-03-03T12:30:45.731Z', '2026-03-03T13:53:12.986Z', ['Admin dashboard']],
      ['Service Disruption: Recordings, Captions, and Transcriptions', 'major', '2026-02-20T11:17:44.612Z', '2026-02-20T12:10:41.169Z', ['Meeting rooms']],
      ['New signups are unable to join rooms', 'major', '2026-02-16T16:00:38.502Z', '2026-02-16T16:44:38.502Z', ['Meeting rooms']],
    ]);
  });
});

describe('Better Stack page markup (BuildJet, all operational)', () => {
  const s = read(betterstackHtmlAdapter, 'betterstack/html/buildjet-page-good-2026-03.html');

  it('reads the state, headline and the three services of the page', () => {
    expect(s.warnings).toEqual([]);
    expect(s.page).toEqual({ name: 'BuildJet', url: 'https://status.buildjet.com/' });
    expect(s.status).toEqual({ level: 'operational', description: 'All services are online' });
    expect(s.components.map((c) => [c.name, c.group, c.status])).toEqual([
      ['Website', null, 'operational'], ['Dashboard', null, 'operational'], ['GitHub Actions Job Execution', null, 'operational'],
    ]);
    expect(s.incidents).toEqual([]);
  });

  it('reads a resource with a red icon as down and warns that the incident text is not in the markup', () => {
    const page = `<!DOCTYPE html><html><head><title>Acme status</title><link rel="icon" href="https://x/favicons/downtime-abc.png"></head><body>
      <h1>Some services are down</h1>
      <button><div class="truncate">Core</div><div class="section-status-badge">Downtime</div></button>
      <div class="section-content"><div data-url="https://status.acme.test/r/1/a"><svg class="text-statuspage-red"></svg><div class="shrink truncate">API</div></div>
      <div data-url="https://status.acme.test/r/1/b"><svg class="text-statuspage-neutral-80"></svg><div class="shrink truncate">Web</div></div></div></body></html>`;
    const odd = snapshotOf(betterstackHtmlAdapter.parse({ main: doc(page, 'https://status.acme.test/', 'text/html') }, ctx('https://status.acme.test/')));
    expect(odd.components.map((c) => [c.name, c.group, c.status])).toEqual([['API', 'Core', 'major_outage'], ['Web', 'Core', 'unknown']]);
    expect(odd.status.level).toBe('major_outage');
    expect(odd.warnings).toEqual([expect.objectContaining({ code: 'partial_page_data', path: 'h1' })]);
  });
});

describe('one page, one reader', () => {
  const pages = {
    'incidentio/html/aiven-page-minor-2026-03.html': incidentioHtmlAdapter,
    'incidentio/html/linear-page-good-2026-03.html': incidentioHtmlAdapter,
    'instatus/html/whereby-page-notice-2023-08.html': instatusHtmlAdapter,
    'instatus/html/whereby-page-good-2026-03.html': instatusHtmlAdapter,
    'betterstack/html/buildjet-page-good-2026-03.html': betterstackHtmlAdapter,
  };
  for (const [path, owner] of Object.entries(pages)) {
    it(`${path} is refused as wrong_format by the other platforms' readers`, () => {
      for (const adapter of [incidentioHtmlAdapter, instatusHtmlAdapter, betterstackHtmlAdapter]) {
        if (adapter === owner) continue;
        expect(errorKindOf(adapter.parse({ main: shared(path) }, ctx('https://x/')))).toBe('wrong_format');
      }
    });
  }

  it('refuses JSON, an empty body and a plain page without embedded data', () => {
    for (const adapter of [incidentioHtmlAdapter, instatusHtmlAdapter, betterstackHtmlAdapter]) {
      expect(errorKindOf(adapter.parse({ main: doc('{"summary":{}}') }, ctx('https://x/')))).toBe('wrong_format');
      expect(errorKindOf(adapter.parse({ main: doc('') }, ctx('https://x/')))).toBe('empty_body');
      expect(errorKindOf(adapter.parse({ main: doc('<!DOCTYPE html><html><body><h1>Shop</h1></body></html>') }, ctx('https://x/')))).toBe('wrong_format');
    }
  });
});
