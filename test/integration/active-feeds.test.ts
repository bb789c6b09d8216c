import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VendorEvent } from '../../shared/model/index.ts';
import type { IncidentRecord } from '../../shared/contract/history.ts';
import type { VendorView } from '../../shared/contract/vendors.ts';
import type { WatchedVendor } from '../../shared/contract/settings.ts';
import { openUpstream, type Upstream } from '../../electron/core/upstream/open.ts';
import { serveFile, startFixtureServer, type FixtureServer } from '../support/fixture-server.ts';
import { makeHome } from '../support/home.ts';
import { OWN_FIXTURES } from '../support/paths.ts';

/**
 * Feeds that list only what is ongoing (issue 8 §3), walked through the composition root: a
 * loopback server serves one hand-written version of the feed per step, `runOnce` polls, and
 * events are read back through the API as a face would.
 */

const MIN = 60_000;
type Entry = Omit<WatchedVendor, 'addedAt' | 'components' | 'intervalSeconds'>;

interface Walk {
  server: FixtureServer;
  home: string;
  upstream: Upstream;
  /** Serve `file` (under test/fixtures) from now on, poll once, return the poll instant. */
  step(file: string): Promise<string>;
  /** Close this root and open a fresh one on the same home: what a restart is. */
  restart(): Promise<void>;
  events(): Promise<VendorEvent[]>;
  incident(id: string): Promise<IncidentRecord>;
  vendor(): Promise<VendorView>;
}

async function walk(route: string, entry: (url: string) => Entry, start: string): Promise<Walk> {
  const server = await startFixtureServer();
  let file = '';
  server.route(route, (req, res) => serveFile({ file: resolve(OWN_FIXTURES, file) })(req, res));
  const v = entry(server.url);
  const { home } = await makeHome([v]);
  let clock = Date.parse(start);
  const open = async (): Promise<Upstream> => {
    const opened = await openUpstream({ home, now: () => new Date(clock).toISOString(), timeZone: 'UTC', engine: { maxRetries: 0 } });
    if (!opened.ok) throw new Error(opened.message);
    return opened.upstream;
  };
  const value = async <T,>(p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> => {
    const r = await p;
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  const w: Walk = {
    server, home, upstream: await open(),
    async step(next) {
      file = next;
      clock += 5 * MIN;
      await w.upstream.runOnce();
      return new Date(clock).toISOString();
    },
    async restart() {
      await w.upstream.stop();
      w.upstream = await open();
    },
    events: () => value(w.upstream.call('events.recent', { limit: 100 })),
    incident: (incidentId) => value(w.upstream.call('incidents.get', { vendorId: v.id, incidentId })),
    vendor: async () => (await value(w.upstream.call('vendors.list', {}))).find((x) => x.source.id === v.id)!,
  };
  return w;
}

const of = (events: VendorEvent[], subjectId: string): VendorEvent[] => events.filter((e) => e.subjectId === subjectId);
const kindsOf = (events: VendorEvent[]): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const e of events) out[e.kind] = (out[e.kind] ?? 0) + 1;
  return out;
};

describe('an active-only feed through the engine: AWS current events', () => {
  const LAMBDA = 'arn:aws:health:eu-west-1::event/LAMBDA/AWS_LAMBDA_OPERATIONAL_ISSUE/AWS_LAMBDA_OPERATIONAL_ISSUE_HANDWRITTEN_1';
  const EC2 = 'arn:aws:health:us-gov-west-1::event/EC2/AWS_EC2_OPERATIONAL_NOTIFICATION/AWS_EC2_OPERATIONAL_NOTIFICATION_HANDWRITTEN_2';
  let w: Walk;
  const at: string[] = [];
  const after: VendorEvent[][] = [];
  let beforeRestart: VendorEvent[] = [];
  let afterRestart: VendorEvent[] = [];
  let lambda: IncidentRecord;
  let ec2: IncidentRecord;
  let view: VendorView;

  beforeAll(async () => {
    w = await walk('/public/currentevents', (url) => ({ id: 'aws', name: 'AWS', url, platform: 'aws', adapter: 'aws-currentevents', base: url }), '2026-08-07T08:25:00Z');
    for (const file of ['aws/currentevents-listed.json', 'aws/currentevents-edited.json', 'aws/currentevents-departed.json', 'aws/currentevents-departed.json']) {
      at.push(await w.step(file));
      after.push(await w.events());
    }
    lambda = await w.incident(LAMBDA);
    ec2 = await w.incident(EC2);
    view = await w.vendor();
    beforeRestart = await w.events();
    await w.restart();
    await w.step('aws/currentevents-departed.json');
    afterRestart = await w.events();
  }, 30_000);

  afterAll(async () => {
    await w?.upstream.stop();
    await w?.server.close();
  });

  it('announces the event once when it appears, quoting its first text', () => {
    expect(kindsOf(of(after[0]!, LAMBDA))).toEqual({ 'incident.opened': 1, 'incident.updated': 1 });
    expect(of(after[0]!, LAMBDA).find((e) => e.kind === 'incident.opened')?.body).toMatch(/investigating increased invocation error rates/);
  });

  it('takes the text AWS edited in place as a new update, with its own event', () => {
    const fresh = of(after[1]!, LAMBDA).filter((e) => e.detectedAt === at[1]);
    expect(fresh.map((e) => e.kind)).toEqual(['incident.updated']);
    expect(fresh[0]?.body).toMatch(/deploying a fix/);
  });

  it('resolves the event at the poll that no longer lists it, saying so', () => {
    const fresh = of(after[2]!, LAMBDA).filter((e) => e.detectedAt === at[2]);
    expect(fresh.map((e) => [e.kind, e.at])).toEqual([['incident.resolved', at[2]]]);
    expect(fresh[0]?.body).toMatch(/^No longer listed by the vendor — /);
    expect(lambda).toMatchObject({ noLongerReported: true, incident: { status: 'resolved', resolvedAt: at[2] } });
    expect(lambda.incident.updates.map((u) => u.label)).toEqual(['Service impact', 'Service impact', 'No longer listed by the vendor']);
    expect(lambda.incident.updates[1]?.body).toMatch(/deploying a fix/);
  });

  it('counts opened, the edit and resolved exactly once each over the whole walk', () => {
    const events = of(afterRestart, LAMBDA);
    expect(kindsOf(events)).toEqual({ 'incident.opened': 1, 'incident.updated': 2, 'incident.resolved': 1 });
    expect(events.filter((e) => /deploying a fix/.test(e.body))).toHaveLength(1);
    expect(of(after[3]!, LAMBDA)).toHaveLength(4); // polling the same empty feed again adds nothing
  });

  it('keeps the month-old event open while the feed still lists it', () => {
    expect(kindsOf(of(afterRestart, EC2))).toEqual({ 'incident.opened': 1, 'incident.updated': 1 });
    expect(ec2).toMatchObject({ noLongerReported: false, incident: { status: 'investigating', resolvedAt: null } });
    expect(view.activeIncidents.map((i) => i.id)).toEqual([EC2]);
  });

  it('re-emits nothing after a restart', () => {
    expect(afterRestart.map((e) => e.id).sort()).toEqual(beforeRestart.map((e) => e.id).sort());
  });
});

describe('an active-only feed through the engine: Azure-style status RSS', () => {
  const STORAGE = 'VT9K-HW1';
  const VMS = 'QN4P-LX8';
  let w: Walk;
  const at: string[] = [];
  const after: VendorEvent[][] = [];
  let beforeRestart: VendorEvent[] = [];
  let afterRestart: VendorEvent[] = [];
  let storage: IncidentRecord;
  let vms: IncidentRecord;

  beforeAll(async () => {
    w = await walk('/en-us/status/feed/', (url) => ({ id: 'azure', name: 'Azure', url: `${url}/en-us/status/feed/`, platform: 'feed', adapter: 'feed-xml', base: `${url}/en-us/status/feed/` }), '2026-08-07T08:25:00Z');
    for (const file of ['feed/azure-active-listed.rss', 'feed/azure-active-edited.rss', 'feed/azure-active-departed.rss']) {
      at.push(await w.step(file));
      after.push(await w.events());
    }
    storage = await w.incident(STORAGE);
    vms = await w.incident(VMS);
    beforeRestart = await w.events();
    await w.restart();
    await w.step('feed/azure-active-departed.rss');
    afterRestart = await w.events();
  }, 30_000);

  afterAll(async () => {
    await w?.upstream.stop();
    await w?.server.close();
  });

  it('opens the item once, with its categories as the affected services and regions', () => {
    expect(kindsOf(of(after[0]!, STORAGE))).toEqual({ 'incident.opened': 1, 'incident.updated': 1 });
    expect(storage.incident.components).toEqual(['Storage', 'West Europe']);
  });

  it('takes the description edited in place (same guid) as a new update, with its own event', () => {
    const fresh = of(after[1]!, STORAGE).filter((e) => e.detectedAt === at[1]);
    expect(fresh.map((e) => e.kind)).toEqual(['incident.updated']);
    expect(fresh[0]?.body).toMatch(/mitigation is in progress/);
  });

  it('resolves the item at the poll that no longer lists it, once, and a restart re-emits nothing', () => {
    const fresh = of(after[2]!, STORAGE).filter((e) => e.detectedAt === at[2]);
    expect(fresh.map((e) => [e.kind, e.at])).toEqual([['incident.resolved', at[2]]]);
    expect(storage).toMatchObject({ noLongerReported: true, incident: { status: 'resolved', resolvedAt: at[2] } });
    expect(kindsOf(of(afterRestart, STORAGE))).toEqual({ 'incident.opened': 1, 'incident.updated': 2, 'incident.resolved': 1 });
    expect(afterRestart.map((e) => e.id).sort()).toEqual(beforeRestart.map((e) => e.id).sort());
  });

  it('keeps the month-old item open while the feed still lists it (no 7-days-quiet rule here)', () => {
    expect(kindsOf(of(afterRestart, VMS))).toEqual({ 'incident.opened': 1, 'incident.updated': 1 });
    expect(vms).toMatchObject({ noLongerReported: false, incident: { status: 'investigating', resolvedAt: null } });
  });
});
