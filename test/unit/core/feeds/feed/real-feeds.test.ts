import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entryIncidentId } from '../../../../../electron/core/feeds/feed/entry-id.ts';
import { readFeed } from '../../../../../electron/core/feeds/feed/read-feed.ts';
import { SHARED_FIXTURES } from '../../../../support/paths.ts';
import { MARKUP, parseFeed, snapshotOf } from './support.ts';

const RSS_ATOM = resolve(SHARED_FIXTURES, 'rss_atom');
const REPLAY = resolve(SHARED_FIXTURES, 'replay/github-history-atom');
const HISTORY = resolve(SHARED_FIXTURES, 'statuspage/github-incident-history');

describe('feed-xml: real GitHub history.atom captures', () => {
  // Only GitHub's captures: the folder also holds other vendors' feeds, which the corpus test covers.
  const githubFiles = readdirSync(RSS_ATOM).filter((f) => f.startsWith('github-'));

  it('reads every GitHub capture as a Statuspage feed of 25 entries with zero warnings', () => {
    expect(githubFiles.length).toBeGreaterThanOrEqual(2);
    for (const file of githubFiles) {
      const s = snapshotOf(parseFeed(readFileSync(resolve(RSS_ATOM, file))));
      expect(s.warnings, file).toEqual([]);
      expect(s.source).toMatchObject({ platform: 'statuspage', format: 'feed-xml' });
      expect(s.page).toEqual({ name: 'GitHub', url: 'https://www.githubstatus.com' });
      expect(s.incidents.length + s.maintenances.length, file).toBe(25);
    }
  });

  it('rebuilds the newest incident oldest first, with the API code as id and the year from <updated>', () => {
    const s = snapshotOf(parseFeed(readFileSync(resolve(RSS_ATOM, 'github-statuspage-history.atom'))));
    const incident = s.incidents.find((i) => i.id === 'bhbcjn4n3jzp')!;
    expect(incident.title).toBe('Intermittent failures creating agent tasks');
    expect(incident.url).toBe('https://www.githubstatus.com/incidents/bhbcjn4n3jzp');
    expect(incident.status).toBe('resolved');
    expect(incident.impact).toBe('minor');
    expect(incident.resolvedAt).toBe('2026-08-21T00:37:00.000Z');
    expect(incident.updates.at(-1)).toMatchObject({ label: 'Resolved', status: 'resolved', at: '2026-08-21T00:37:00.000Z' });
    expect(incident.updates.at(-2)).toMatchObject({ label: 'Update', at: '2026-08-20T20:37:00.000Z' });
    expect(incident.updates.at(-2)!.body).toMatch(/^We are seeing gradual recovery in Copilot Cloud Agent task status visibility/);
    expect(incident.updates[0]!.label).toBe('Investigating');
    expect(incident.startedAt).toBe(incident.updates[0]!.at);
  });

  it('reads the Codespaces maintenance: Scheduled → In progress → Completed, with its window', () => {
    const s = snapshotOf(parseFeed(readFileSync(resolve(RSS_ATOM, 'github-statuspage-history-2025-07-08-with-maintenance.atom'))));
    expect(s.maintenances).toHaveLength(1);
    const m = s.maintenances[0]!;
    expect(m).toMatchObject({ id: 'nwjwwhj118sf', title: 'Codespaces Scheduled Maintenance', status: 'completed' });
    expect(m.updates.map((u) => [u.label, u.status, u.at])).toEqual([
      ['Scheduled', 'scheduled', '2025-05-29T21:01:00.000Z'],
      ['In progress', 'in_progress', '2025-05-29T21:30:00.000Z'],
      ['Completed', 'completed', '2025-05-31T04:30:00.000Z'],
    ]);
    expect([m.scheduledFor, m.scheduledUntil]).toEqual(['2025-05-29T21:30:00.000Z', '2025-05-31T04:30:00.000Z']);
    expect(m.updates[0]!.body).toContain('4:30 UTC. Maintenance will begin');
    expect(m.updates[0]!.body).toContain('\n\nDuring this time period');
  });
});

describe('feed-xml: 373 replayed versions of GitHub history.atom (2022-06 → 2023-06)', () => {
  const files = readdirSync(REPLAY).filter((f) => f.endsWith('.atom')).sort();

  it('reads every version as exactly 25 entries, without warnings and without markup in text', () => {
    expect(files).toHaveLength(373);
    let updates = 0;
    for (const file of files) {
      const s = snapshotOf(parseFeed(readFileSync(resolve(REPLAY, file))));
      expect(s.warnings, file).toEqual([]);
      expect(s.incidents.length + s.maintenances.length, file).toBe(25);
      for (const item of [...s.incidents, ...s.maintenances]) {
        expect(item.updates.length, `${file} ${item.id}`).toBeGreaterThan(0);
        for (const u of item.updates) {
          expect(u.body, `${file} ${item.id}`).not.toMatch(MARKUP);
          expect(u.body).not.toBe('');
        }
        updates += item.updates.length;
      }
    }
    expect(updates).toBeGreaterThan(40_000);
  });

  it('reads the upcoming-maintenance banner as the scheduled window (Feb 8 22:00 → Feb 9 13:00, 2023)', () => {
    const s = snapshotOf(parseFeed(readFileSync(resolve(REPLAY, '0231.atom'))));
    const m = s.maintenances.find((x) => x.id === '53t2nlxs8016')!;
    expect([m.status, m.scheduledFor, m.scheduledUntil]).toEqual(['scheduled', '2023-02-08T22:00:00.000Z', '2023-02-09T13:00:00.000Z']);
    expect(m.updates.map((u) => [u.label, u.status, u.at])).toEqual([
      ['Scheduled', 'scheduled', '2023-02-07T10:08:00.000Z'],
      ['Update', 'scheduled', '2023-02-07T11:52:00.000Z'],
    ]);
    expect(s.status.level).not.toBe('maintenance');
  });

  it('matches the JSON API for every incident found in both: count, minute, status, body', () => {
    const json = new Map<string, { display_at: string; status: string; body: string }[]>();
    for (const file of readdirSync(HISTORY)) {
      const raw = JSON.parse(readFileSync(resolve(HISTORY, file), 'utf8')) as { incident: { id: string; incident_updates: { display_at: string; status: string; body: string }[] } };
      json.set(raw.incident.id, [...raw.incident.incident_updates].reverse());
    }
    const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();
    let pairs = 0;
    let compared = 0;
    const distinct = new Set<string>();
    for (const file of files) {
      const bytes = readFileSync(resolve(REPLAY, file));
      const s = snapshotOf(parseFeed(bytes));
      const feed = readFeed(new TextDecoder().decode(bytes), []);
      if (!feed.ok) throw new Error(feed.error.message);
      const entryUpdated = new Map(feed.feed.entries.map((e) => [entryIncidentId(e, false), e.updated ?? '']));
      for (const incident of s.incidents) {
        const updates = json.get(incident.id);
        if (!updates) continue;
        // The Atom version may be an earlier snapshot: compare only what it could have shown.
        const cut = (entryUpdated.get(incident.id) ?? '').slice(0, 19);
        const expected = updates.filter((u) => new Date(u.display_at).toISOString().slice(0, 19) <= cut);
        expect(incident.updates.length, `${file} ${incident.id}`).toBe(expected.length);
        expected.forEach((u, k) => {
          const got = incident.updates[k]!;
          expect(got.at.slice(0, 16), `${file} ${incident.id} #${k}`).toBe(new Date(u.display_at).toISOString().slice(0, 16));
          expect(got.status, `${file} ${incident.id} #${k} (${got.label})`).toBe(u.status);
          expect(squash(got.body), `${file} ${incident.id} #${k}`).toBe(squash(u.body));
          compared++;
        });
        pairs++;
        distinct.add(incident.id);
      }
    }
    // 28 distinct incidents seen in 1,361 (version, incident) pairs: 6,979 updates compared.
    expect(distinct.size).toBe(28);
    expect(pairs).toBe(1361);
    expect(compared).toBe(6979);
  });
});
