import { lookup as systemLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import type { RequestListener } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent } from 'undici';
import type { VendorEvent } from '../../shared/model/index.ts';
import type { EngineState } from '../../shared/contract/vendors.ts';
import type { WatchedVendor } from '../../shared/contract/settings.ts';
import { openUpstream, type Upstream } from '../../electron/core/upstream/open.ts';
import { listenOn } from '../support/comeback.ts';
import { makeHome } from '../support/home.ts';

/**
 * Offline is not down (issue 8 §6), through the composition root with real sockets: public
 * vendors whose hosts fail (DNS, refused, timeout) while one intranet status page on loopback keeps
 * answering. Before the fix, that loopback answer "proved" the Internet up, so each public vendor
 * was declared unreachable on its third failed poll.
 *
 * Public vendors need public-looking names. `*.invalid` never resolves (RFC 6761) and goes to the
 * system resolver; names under `*.example` are pinned by a hosts-file agent (an undici Agent whose
 * `lookup` maps them to 127.0.0.1, or fails them with ENOTFOUND once "the Internet" is gone). The
 * HTTP client is the real one; only name resolution is pinned, as /etc/hosts would.
 */

const MIN = 60_000;
const AWS_EMPTY: RequestListener = (_req, res) => void res.writeHead(200, { 'content-type': 'application/json' }).end('[]');

type Server = Awaited<ReturnType<typeof listenOn>>;
type Entry = Omit<WatchedVendor, 'addedAt' | 'components' | 'intervalSeconds'>;

/** An AWS current-events vendor at `base` (an empty event list: all clear). */
const vendor = (id: string, base: string): Entry => ({ id, name: `Vendor ${id}`, url: base, platform: 'aws', adapter: 'aws-currentevents', base });

/** A hosts file for undici: mapped names go to loopback (null: ENOTFOUND), the rest to the system resolver. */
function hostsFileAgent(hosts: Map<string, string | null>): Agent {
  const lookup = (hostname: string, options: LookupOptions, callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void): void => {
    if (!hosts.has(hostname)) return void systemLookup(hostname, options, callback as never);
    const address = hosts.get(hostname);
    if (address === null || address === undefined) {
      return void callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname }), '');
    }
    if (options.all) callback(null, [{ address, family: 4 }]);
    else callback(null, address, 4);
  };
  // No keep-alive: every poll resolves and connects anew, as after a network change.
  return new Agent({ pipelining: 0, connect: { timeout: 500, lookup } });
}

interface Root {
  upstream: Upstream;
  cycle(): Promise<string>;
  events(): Promise<VendorEvent[]>;
  state(): Promise<EngineState>;
}

async function root(watchlist: Entry[], agent: Agent, start: string): Promise<Root> {
  const { home } = await makeHome(watchlist);
  let clock = Date.parse(start);
  const opened = await openUpstream({
    home, now: () => new Date(clock).toISOString(), timeZone: 'UTC',
    engine: { fetchOptions: { dispatcher: agent, totalTimeoutMs: 300 }, maxRetries: 1, retryDelayMs: 20 },
  });
  if (!opened.ok) throw new Error(opened.message);
  const { upstream } = opened;
  const value = async <T,>(p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> => {
    const r = await p;
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  return {
    upstream,
    async cycle() {
      clock += 5 * MIN;
      await upstream.runOnce();
      return new Date(clock).toISOString();
    },
    events: () => value(upstream.call('events.recent', { limit: 100 })),
    state: () => value(upstream.call('engine.state', {})),
  };
}

const kinds = (events: VendorEvent[], vendorId: string): string[] => events.filter((e) => e.vendorId === vendorId).map((e) => e.kind);

describe('public vendors fail while only an intranet page answers: offline, not unreachable', () => {
  const PUBLIC = ['dns', 'refused', 'timeout'];
  const CYCLES = 5;
  let intranet: Server;
  let hanging: Server;
  let closedPort = 0;
  let agent: Agent;
  let r: Root;
  const states: EngineState[] = [];
  const vendorRows: { id: string; health: string }[][] = [];

  beforeAll(async () => {
    intranet = await listenOn(0, AWS_EMPTY);
    hanging = await listenOn(0, () => undefined);
    const gone = await listenOn(0, AWS_EMPTY);
    closedPort = gone.port;
    await gone.close();
    agent = hostsFileAgent(new Map([['status.refused.example', '127.0.0.1'], ['status.timeout.example', '127.0.0.1']]));
    r = await root([
      vendor('dns', 'http://status-dns.invalid'),
      vendor('refused', `http://status.refused.example:${closedPort}`),
      vendor('timeout', `http://status.timeout.example:${hanging.port}`),
      vendor('intranet', `http://127.0.0.1:${intranet.port}`),
    ], agent, '2026-06-01T08:00:00Z');
    for (let i = 0; i < CYCLES; i++) {
      await r.cycle();
      states.push(await r.state());
      const views = await r.upstream.call('vendors.list', {});
      if (views.ok) vendorRows.push(views.value.map((v) => ({ id: v.source.id, health: v.health })));
    }
  }, 30_000);

  afterAll(async () => {
    await r?.upstream.stop();
    await intranet?.close();
    await hanging?.close();
    await agent?.close();
  });

  it('declares no public vendor unreachable, however many polls fail', async () => {
    const events = await r.events();
    for (const id of PUBLIC) expect(kinds(events, id), id).not.toContain('vendor.unreachable');
    expect(events.filter((e) => e.kind === 'vendor.unreachable')).toEqual([]);
  });

  it('says the engine is offline from the first cycle on, while the intranet page still reads fine', () => {
    expect(states.map((s) => s.connectivity)).toEqual(Array(CYCLES).fill('offline'));
    for (const rows of vendorRows) {
      expect(rows.find((v) => v.id === 'intranet')?.health).toBe('ok');
      for (const id of PUBLIC) expect(rows.find((v) => v.id === id)?.health, id).not.toBe('unreachable');
    }
  });
});

describe('the Internet goes away while the intranet stays, then comes back', () => {
  const PUBLIC = ['alpha', 'beta', 'gamma'];
  const GOOD = 3;
  const OUTAGE = 4;
  const hosts = new Map<string, string | null>();
  let intranet: Server;
  let alpha: Server;
  let beta: Server;
  let gamma: Server;
  let gammaHangs = false;
  let agent: Agent;
  let r: Root;
  const good: EngineState[] = [];
  const outage: { state: EngineState; intranet: string | undefined }[] = [];
  let back: EngineState;

  beforeAll(async () => {
    intranet = await listenOn(0, AWS_EMPTY);
    alpha = await listenOn(0, AWS_EMPTY);
    beta = await listenOn(0, AWS_EMPTY);
    gamma = await listenOn(0, (req, res) => (gammaHangs ? undefined : AWS_EMPTY(req, res)));
    for (const name of ['status.alpha.example', 'status.beta.example', 'status.gamma.example']) hosts.set(name, '127.0.0.1');
    agent = hostsFileAgent(hosts);
    r = await root([
      vendor('alpha', `http://status.alpha.example:${alpha.port}`),
      vendor('beta', `http://status.beta.example:${beta.port}`),
      vendor('gamma', `http://status.gamma.example:${gamma.port}`),
      vendor('intranet', `http://127.0.0.1:${intranet.port}`),
    ], agent, '2026-06-02T08:00:00Z');
    for (let i = 0; i < GOOD; i++) {
      await r.cycle();
      good.push(await r.state());
    }

    // The Internet goes: alpha's name no longer resolves, beta's server refuses, gamma's hangs.
    hosts.set('status.alpha.example', null);
    const betaPort = beta.port;
    await beta.close();
    gammaHangs = true;
    for (let i = 0; i < OUTAGE; i++) {
      await r.cycle();
      const views = await r.upstream.call('vendors.list', {});
      outage.push({ state: await r.state(), intranet: views.ok ? views.value.find((v) => v.source.id === 'intranet')?.health : undefined });
    }

    hosts.set('status.alpha.example', '127.0.0.1');
    beta = await listenOn(betaPort, AWS_EMPTY);
    gammaHangs = false;
    await r.cycle();
    back = await r.state();
  }, 30_000);

  afterAll(async () => {
    await r?.upstream.stop();
    for (const s of [intranet, alpha, beta, gamma]) await s?.close();
    await agent?.close();
  });

  it('is online while the public vendors answer', () => {
    expect(good.map((s) => s.connectivity)).toEqual(Array(GOOD).fill('online'));
  });

  it('goes offline during the outage although the intranet page keeps answering', () => {
    expect(outage.map((o) => o.state.connectivity)).toEqual(Array(OUTAGE).fill('offline'));
    expect(outage.map((o) => o.intranet)).toEqual(Array(OUTAGE).fill('ok'));
  });

  it('declares no public vendor unreachable, and has no recovery to announce when the Internet returns', async () => {
    const events = await r.events();
    for (const id of PUBLIC) {
      expect(kinds(events, id), id).not.toContain('vendor.unreachable');
      expect(kinds(events, id), id).not.toContain('vendor.recovered');
    }
    expect(back.connectivity).toBe('online');
  });
});

describe('one public vendor beside one intranet page', () => {
  let intranet: Server;
  let agent: Agent;
  let r: Root;
  const states: string[] = [];

  beforeAll(async () => {
    intranet = await listenOn(0, AWS_EMPTY);
    agent = hostsFileAgent(new Map());
    r = await root([vendor('solo', 'http://status-solo.invalid'), vendor('intranet', `http://127.0.0.1:${intranet.port}`)], agent, '2026-06-03T08:00:00Z');
    for (let i = 0; i < 4; i++) {
      await r.cycle();
      states.push((await r.state()).connectivity);
    }
  }, 30_000);

  afterAll(async () => {
    await r?.upstream.stop();
    await intranet?.close();
    await agent?.close();
  });

  it('is offline at once: the only public vendor failing is all the Internet can say', async () => {
    expect(states).toEqual(['offline', 'offline', 'offline', 'offline']);
    expect(kinds(await r.events(), 'solo')).toEqual([]);
  });
});
