import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeHTML } from 'entities';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IncidentRecord, MaintenanceRecord } from '../../shared/contract/history.ts';
import type { VendorEvent } from '../../shared/model/index.ts';
import { parseFeedXml } from '../../electron/core/feeds/feed/adapter.ts';
import { openUpstream } from '../../electron/core/upstream/open.ts';
import { startFixtureServer } from '../support/fixture-server.ts';
import { feedVendor, makeHome } from '../support/home.ts';
import { SHARED_FIXTURES } from '../support/paths.ts';

/**
 * DigitalOcean's real history feeds (../shared/fixtures/replay/digitalocean-history-{atom,rss}),
 * served version after version from a loopback server and polled through the engine's one
 * composition root, as a user watching the page from October 2019 to January 2020 would have.
 */
interface Version { file: string; moment: string; body: Buffer }

function versions(folder: string): Version[] {
  const dir = join(SHARED_FIXTURES, 'replay', folder);
  const rows = readFileSync(join(dir, 'manifest.tsv'), 'utf8').trim().split('\n').slice(1).map((line) => line.split('\t'));
  return rows.map((cols) => ({ file: cols.at(-1)!, moment: cols[1]!, body: readFileSync(join(dir, cols.at(-1)!)) }));
}

interface Replayed { events: VendorEvent[]; incidents: IncidentRecord[]; maintenances: MaintenanceRecord[] }

async function replay(all: Version[]): Promise<Replayed> {
  const server = await startFixtureServer();
  let index = 0;
  server.route('/history', (req, res) => {
    const etag = `"v${index}"`;
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
    res.writeHead(200, { 'content-type': 'application/xml; charset=utf-8', etag }).end(all[index]!.body);
  });
  const made = await makeHome([feedVendor('do', 'DigitalOcean', `${server.url}/history`)]);
  // Three months of simulated time: keep all of it.
  await made.settings.update((s) => {
    s.history.retentionDays = 36_500;
  });
  let clock = 0;
  const opened = await openUpstream({ home: made.home, now: () => new Date(clock).toISOString(), timeZone: 'UTC', engine: { staggerMs: 0 } });
  if (!opened.ok) throw new Error(opened.message);
  const upstream = opened.upstream;
  try {
    for (const [i, version] of all.entries()) {
      index = i;
      clock = Date.parse(version.moment) + 60_000;
      await upstream.runOnce();
    }
    const value = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    };
    return {
      events: value(await upstream.call('events.recent', { limit: 500 })),
      incidents: value(await upstream.call('incidents.list', { vendorId: 'do', state: 'all', limit: 500 })),
      maintenances: value(await upstream.call('maintenances.list', { vendorId: 'do', from: '2019-01-01T00:00:00.000Z', to: '2021-01-01T00:00:00.000Z' })),
    };
  } finally {
    await upstream.stop();
    await server.close();
  }
}

/**
 * The maintenance stages posted in the captures, read from the raw files (labels of entries that
 * carry a maintenance label), independently of the adapter: incident code → labels seen.
 */
function postedStages(all: Version[]): Map<string, Set<string>> {
  const stages = new Map<string, Set<string>>();
  for (const { body } of all) {
    const text = body.toString('utf8');
    for (const [entry] of text.matchAll(/<(entry|item)>[\s\S]*?<\/\1>/g)) {
      const code = /\/incidents\/([a-z0-9]+)/.exec(entry)?.[1];
      const html = decodeHTML(decodeHTML(entry));
      const labels = [...html.matchAll(/<strong>\s*([A-Za-z ]+?)\s*<\/strong>/g)].map((m) => m[1]!);
      if (!code || !labels.some((l) => ['Scheduled', 'In progress', 'Verifying', 'Completed'].includes(l))) continue;
      const set = stages.get(code) ?? new Set<string>();
      for (const label of labels) set.add(label);
      stages.set(code, set);
    }
  }
  return stages;
}

const ATOM = versions('digitalocean-history-atom');
const RSS = versions('digitalocean-history-rss');

describe('DigitalOcean history.atom, 8 real versions through the engine', () => {
  let run: Replayed;
  beforeAll(async () => {
    run = await replay(ATOM);
  }, 60_000);

  it('the corpus is what we think it is: 8 versions, Oct 30 2019 → Jan 23 2020, 7 maintenances, one posting Verifying', () => {
    expect(ATOM.map((v) => v.moment)).toEqual([...ATOM.map((v) => v.moment)].sort());
    expect([ATOM.length, ATOM[0]!.moment, ATOM.at(-1)!.moment]).toEqual([8, '2019-10-30T23:05:12Z', '2020-01-23T21:39:25Z']);
    const stages = postedStages(ATOM);
    expect(stages.size).toBe(run.maintenances.length);
    expect([...stages.values()].filter((s) => s.has('Verifying'))).toHaveLength(1);
  });

  it('gives every maintenance exactly one event per stage it posted: scheduled, started, verifying (where posted), completed', () => {
    const stages = postedStages(ATOM);
    expect(stages.size).toBeGreaterThanOrEqual(7);
    for (const [code, labels] of stages) {
      const kinds = run.events.filter((e) => e.subjectId === code).map((e) => e.kind).sort();
      const expected = ['maintenance.scheduled'];
      if (labels.has('In progress') || labels.has('Verifying')) expected.push('maintenance.started');
      if (labels.has('Verifying')) expected.push('maintenance.verifying');
      if (labels.has('Completed')) expected.push('maintenance.completed');
      expect(kinds, `${code}: ${[...labels].join(', ')}`).toEqual(expected.sort());
    }
  });

  it('stores every stage a maintenance posted, Verifying included, at its own instant', () => {
    const email = run.maintenances.find((m) => m.maintenance.title === 'Disruption of DigitalOcean Email Notifications')!;
    expect(email.maintenance.updates.map((u) => [u.label, u.status, u.at])).toEqual([
      ['Scheduled', 'scheduled', '2020-01-09T14:27:00.000Z'],
      ['In progress', 'in_progress', '2020-01-11T06:01:00.000Z'],
      ['Verifying', 'verifying', '2020-01-11T10:56:00.000Z'],
      ['Completed', 'completed', '2020-01-11T11:57:00.000Z'],
    ]);
    const at = (kind: string) => run.events.filter((e) => e.subjectId === email.maintenance.id && e.kind === kind).map((e) => e.at);
    expect(at('maintenance.started')).toEqual(['2020-01-11T06:01:00.000Z']);
    expect(at('maintenance.verifying')).toEqual(['2020-01-11T10:56:00.000Z']);
  });

  it('opens each incident once, logs each update once, and reopens nothing', () => {
    expect(run.events.length).toBeLessThan(500);
    const count = (kind: string) => run.events.filter((e) => e.kind === kind).length;
    expect(count('incident.opened')).toBe(run.incidents.length);
    expect(count('incident.updated')).toBe(run.incidents.reduce((n, r) => n + r.incident.updates.length, 0));
    expect(count('incident.reopened')).toBe(0);
    expect(count('vendor.unreachable')).toBe(0);
    expect(new Set(run.events.map((e) => e.id)).size).toBe(run.events.length);
  });
});

describe('DigitalOcean history.rss against history.atom of the same moment', () => {
  const pairs = RSS.map((rss) => ({ rss, atom: ATOM.find((a) => a.moment === rss.moment) })).filter((p) => p.atom !== undefined) as { rss: Version; atom: Version }[];
  const itemsOf = (body: Buffer) => {
    const parsed = parseFeedXml(body, 'https://status.digitalocean.test/history', '2020-02-01T00:00:00.000Z');
    if (!parsed.ok) throw new Error(parsed.error.message);
    const s = parsed.snapshot;
    return {
      warnings: s.warnings,
      items: [...s.incidents, ...s.maintenances].map((i) => ({
        id: i.id, title: i.title, status: i.status,
        updates: i.updates.map((u) => ({ at: u.at, label: u.label, status: u.status, body: u.body })),
      })),
    };
  };

  it('pairs every RSS version with the Atom version of its moment', () => {
    expect(pairs.map((p) => [p.rss.file, p.atom.file])).toEqual([
      ['0001.rss', '0003.atom'], ['0002.rss', '0004.atom'], ['0003.rss', '0006.atom'], ['0004.rss', '0007.atom'], ['0005.rss', '0008.atom'],
    ]);
  });

  it('reads the same incidents and updates from both formats: titles, stages, instants, bodies', () => {
    for (const { rss, atom } of pairs) {
      const a = itemsOf(atom.body);
      const r = itemsOf(rss.body);
      expect([a.warnings, r.warnings]).toEqual([[], []]);
      expect(r.items, `${rss.file} vs ${atom.file}`).toEqual(a.items);
      expect(r.items.length).toBe(25);
    }
  });

  describe('through the engine', () => {
    let fromAtom: Replayed;
    let fromRss: Replayed;
    beforeAll(async () => {
      [fromAtom, fromRss] = [await replay(ATOM), await replay(RSS)];
    }, 60_000);

    it('stores the same final record for every incident and maintenance the RSS replay saw', () => {
      const shape = (id: string, title: string, status: string, updates: readonly { at: string; label: string; body: string }[]) =>
        ({ id, title, status, updates: updates.map((u) => [u.at, u.label, u.body]) });
      const atomRecords = new Map([
        ...fromAtom.incidents.map((r) => [r.incident.id, shape(r.incident.id, r.incident.title, r.incident.status, r.incident.updates)] as const),
        ...fromAtom.maintenances.map((r) => [r.maintenance.id, shape(r.maintenance.id, r.maintenance.title, r.maintenance.status, r.maintenance.updates)] as const),
      ]);
      const rssRecords = [
        ...fromRss.incidents.map((r) => shape(r.incident.id, r.incident.title, r.incident.status, r.incident.updates)),
        ...fromRss.maintenances.map((r) => shape(r.maintenance.id, r.maintenance.title, r.maintenance.status, r.maintenance.updates)),
      ];
      expect(rssRecords.length).toBeGreaterThan(30);
      for (const record of rssRecords) expect(record, record.id).toEqual(atomRecords.get(record.id));
    });
  });
});

