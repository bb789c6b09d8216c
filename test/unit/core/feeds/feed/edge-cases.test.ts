import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../../../shared/model/index.ts';
import { MARKUP, ownFeed, parseFeed, snapshotOf } from './support.ts';

const read = (name: string): Snapshot => snapshotOf(parseFeed(ownFeed(name)));
const timeline = (updates: { at: string; label: string; status: string }[]) => updates.map((u) => [u.at, u.label, u.status]);

describe('feed-xml: Statuspage timelines (hand-made edge cases)', () => {
  const s = read('statuspage-edge-cases.atom');
  const byId = (id: string) => s.incidents.find((i) => i.id === id)!;

  it('reads the feed with no warnings and names the page from the author', () => {
    expect(s.warnings).toEqual([]);
    expect(s.source.platform).toBe('statuspage');
    expect(s.page).toEqual({ name: 'Acme', url: 'https://status.acme.test' });
  });

  it('puts a December 31 update in the previous year when the entry was updated on January 2', () => {
    const incident = byId('newyear0001');
    expect(timeline(incident.updates)).toEqual([
      ['2023-12-31T23:10:00.000Z', 'Investigating', 'investigating'],
      ['2024-01-02T01:00:00.000Z', 'Resolved', 'resolved'],
    ]);
    expect(incident.startedAt).toBe('2023-12-31T23:10:00.000Z');
    expect(incident.updates[0]!.body).toBe('Jobs are delayed & retried.\nNext update soon.');
  });

  it('sorts a shuffled timeline and converts PDT to UTC', () => {
    const incident = byId('pdtshuffle01');
    expect(timeline(incident.updates)).toEqual([
      ['2024-07-10T15:00:00.000Z', 'Investigating', 'investigating'],
      ['2024-07-10T15:40:00.000Z', 'Identified', 'identified'],
      ['2024-07-10T16:15:00.000Z', 'Monitoring', 'monitoring'],
      ['2024-07-10T19:30:00.000Z', 'Resolved', 'resolved'],
    ]);
    expect([incident.status, incident.resolvedAt]).toEqual(['resolved', '2024-07-10T19:30:00.000Z']);
  });

  it('keeps updates posted in the same minute in their true order (the feed lists newest first)', () => {
    const incident = byId('sameminute01');
    expect(incident.updates.map((u) => [u.label, u.body])).toEqual([
      ['Investigating', 'First, same minute.'],
      ['Update', 'Second, same minute.'],
    ]);
    expect(incident.status).toBe('investigating');
  });

  it('keeps entries that share a title and times as different incidents', () => {
    const twins = s.incidents.filter((i) => i.title === 'Elevated error rates').map((i) => i.id).sort();
    expect(twins).toEqual(['tag:status.acme.test,2005:Incident/104', 'twinaaaa0001', 'twinbbbb0002']);
    expect(byId('twinaaaa0001').updates[0]!.body).toBe('Looking at A.');
    expect(byId('twinbbbb0002').updates[0]!.body).toBe('Looking at B.');
  });

  it('gives feed incidents the inferred impact "minor" and derives the page level from open ones', () => {
    expect(s.incidents.every((i) => i.impact === 'minor')).toBe(true);
    expect(s.status.level).toBe('degraded');
  });
});

describe('feed-xml: RSS 2.0 Statuspage history with CDATA', () => {
  const s = read('statuspage-history.rss');

  it('reads CDATA and entity-escaped descriptions alike, with EST/EDT zones', () => {
    expect(s.warnings).toEqual([]);
    expect(s.source.platform).toBe('statuspage');
    const incident = s.incidents[0]!;
    expect(incident).toMatchObject({ id: 'rssapi000001', title: 'API errors & timeouts', status: 'resolved' });
    expect(timeline(incident.updates)).toEqual([
      ['2024-11-03T18:05:00.000Z', 'Investigating', 'investigating'],
      ['2024-11-03T19:20:00.000Z', 'Resolved', 'resolved'],
    ]);
    expect(incident.updates.map((u) => u.body)).toEqual(['Errors on the API.', 'The API is fine & fast again.']);
  });

  it('reads a maintenance from its labels: Scheduled → In progress → Completed', () => {
    const m = s.maintenances[0]!;
    expect(timeline(m.updates)).toEqual([
      ['2024-10-28T20:00:00.000Z', 'Scheduled', 'scheduled'],
      ['2024-10-30T12:00:00.000Z', 'In progress', 'in_progress'],
      ['2024-10-30T13:00:00.000Z', 'Completed', 'completed'],
    ]);
    expect([m.status, m.scheduledFor, m.scheduledUntil]).toEqual(['completed', '2024-10-30T12:00:00.000Z', '2024-10-30T13:00:00.000Z']);
  });
});

describe('feed-xml: Instatus history', () => {
  const s = read('instatus-history.atom');

  it('is recognised as Instatus and reads Type / Duration / Affected Components as metadata, not updates', () => {
    expect(s.warnings).toEqual([]);
    expect(s.source.platform).toBe('instatus');
    const incident = s.incidents[0]!;
    expect(incident.id).toBe('clt9x2abc000108l4');
    expect(incident.components).toEqual(['API', 'Dashboard', 'EU region']);
    expect(incident.updates.map((u) => u.label)).toEqual(['Investigating', 'Identified', 'Resolved', 'Postmortem']);
  });

  it('lands a Postmortem posted days after Resolved in the postmortem field, closing the incident', () => {
    const incident = s.incidents[0]!;
    expect(incident.status).toBe('postmortem');
    expect(incident.resolvedAt).toBe('2024-03-08T11:42:00.000Z');
    expect(incident.postmortem).toBe('The root cause was an expired certificate.');
    expect(incident.updates.at(-1)!.at).toBe('2024-03-12T09:00:00.000Z');
  });

  it('reads a maintenance that says "Identified" while scheduled and running, then "Completed"', () => {
    const m = s.maintenances[0]!;
    expect(m.components).toEqual(['Database']);
    expect(timeline(m.updates)).toEqual([
      ['2024-03-18T09:00:00.000Z', 'Identified', 'scheduled'],
      ['2024-03-20T02:00:00.000Z', 'Identified', 'in_progress'],
      ['2024-03-20T04:00:00.000Z', 'Completed', 'completed'],
    ]);
    expect([m.status, m.scheduledFor, m.scheduledUntil]).toEqual(['completed', '2024-03-20T02:00:00.000Z', '2024-03-20T04:00:00.000Z']);
  });
});

describe('feed-xml: incident.io current-state entries', () => {
  const s = read('incidentio-history.atom');

  it('reads one update per entry from the Status line, with the affected components', () => {
    expect(s.warnings).toEqual([]);
    expect(s.source.platform).toBe('incidentio');
    const resolved = s.incidents.find((i) => i.id === '01HWXYZ0000000000000000001')!;
    expect(resolved).toMatchObject({ status: 'resolved', startedAt: '2024-05-01T10:00:00.000Z', resolvedAt: '2024-05-01T12:00:00.000Z', components: ['Login', 'SSO'] });
    expect(timeline(resolved.updates)).toEqual([['2024-05-01T12:00:00.000Z', 'Resolved', 'resolved']]);
    expect(resolved.updates[0]!.body).toBe('We have rolled back the change & logins work.');
    const open = s.incidents.find((i) => i.id === '01HWXYZ0000000000000000002')!;
    expect([open.status, open.components]).toEqual(['investigating', ['Webhooks']]);
    expect(s.status.level).toBe('degraded');
  });
});

describe('feed-xml: generic RSS feed', () => {
  const s = read('generic.rss');

  it('makes one incident per item, closed when the text says so or after 7 quiet days', () => {
    expect(s.warnings).toEqual([]);
    expect(s.source.platform).toBe('feed');
    expect(s.incidents.map((i) => [i.id, i.status, i.updates.length])).toEqual([
      ['notice-42', 'investigating', 1],
      ['notice-41', 'resolved', 1],
      ['notice-30', 'resolved', 1],
    ]);
    expect(s.incidents[0]!.startedAt).toBe('2026-08-22T03:10:00.000Z');
    expect(s.incidents[0]!.updates[0]!.body).toBe('We are looking into elevated latency.\n\nNext update in 30 minutes.');
    expect(s.incidents[1]!.updates[0]!.body).toBe('Storage errors are fixed.');
  });

  it('reads a "maintenance" item as a maintenance', () => {
    expect(s.maintenances.map((m) => [m.id, m.status, m.scheduledFor])).toEqual([['notice-40', 'scheduled', '2026-08-22T01:00:00.000Z']]);
  });

  it('never leaves tags or entity codes in titles or bodies', () => {
    for (const name of ['statuspage-edge-cases.atom', 'statuspage-history.rss', 'instatus-history.atom', 'incidentio-history.atom', 'generic.rss']) {
      const snap = read(name);
      for (const item of [...snap.incidents, ...snap.maintenances]) {
        expect(item.title).not.toMatch(MARKUP);
        for (const u of item.updates) expect(u.body, `${name} ${item.id}`).not.toMatch(MARKUP);
      }
    }
  });
});
