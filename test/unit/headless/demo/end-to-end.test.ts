import { afterEach, describe, expect, it } from 'vitest';
import { openUpstream, type Upstream } from '../../../../electron/core/upstream/open.ts';
import { startDemo, type DemoServer } from '../../../../electron/headless/demo/server.ts';
import type { ApiResult } from '../../../../shared/contract/result.ts';
import { makeHome } from '../../../support/home.ts';

const START = Date.parse('2026-03-01T10:00:00.000Z');
const DAY = 86_400_000;
const LIVE = 'Elevated decline rate for card payments';
let cleanup: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const fn of cleanup.reverse()) await fn();
  cleanup = [];
});

function value<T>(result: ApiResult<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** The engine's composition root watching the demo, both on one clock the test moves. */
async function watchDemo(): Promise<{ upstream: Upstream; demo: DemoServer; clock: { at: number } }> {
  const clock = { at: 0 };
  const demo = await startDemo({ startedAt: START, now: () => START + clock.at });
  cleanup.push(() => demo.close());
  const { home } = await makeHome(demo.vendors);
  const opened = await openUpstream({ home, now: () => new Date(START + clock.at).toISOString() });
  if (!opened.ok) throw new Error(opened.message);
  cleanup.push(() => opened.upstream.stop());
  return { upstream: opened.upstream, demo, clock };
}

describe('the demo watched through the engine (openUpstream)', () => {
  it('shows the live incident opening, then resolved with its postmortem, next to the past ones', async () => {
    const { upstream, clock } = await watchDemo();

    clock.at = 75_000;
    await upstream.runOnce();
    const open = value(await upstream.call('incidents.list', { state: 'open' }));
    expect(open.map((r) => [r.vendorName, r.incident.title, r.incident.status, r.incident.updates.length])).toEqual([['Skyline Payments', LIVE, 'identified', 2]]);
    const vendors = value(await upstream.call('vendors.list', {}));
    expect(vendors.map((v) => [v.source.id, v.level])).toEqual([['skyline', 'partial_outage'], ['northwind', 'operational']]);
    const closed = value(await upstream.call('incidents.list', { state: 'closed' }));
    expect(closed.filter((r) => r.vendorId === 'skyline')).toHaveLength(10);
    expect(closed.filter((r) => r.vendorId === 'northwind')).toHaveLength(3);
    expect(closed.every((r) => r.incident.resolvedAt !== null && Date.parse(r.incident.startedAt) < START)).toBe(true);

    clock.at = 250_000;
    await upstream.runOnce();
    expect(value(await upstream.call('incidents.list', { state: 'open' }))).toEqual([]);
    const all = value(await upstream.call('incidents.list', { vendorId: 'skyline' }));
    expect(all).toHaveLength(11);
    const live = all.find((r) => r.incident.title === LIVE)!.incident;
    expect(live.status).toBe('postmortem');
    expect(live.resolvedAt).not.toBeNull();
    expect(live.updates.map((u) => u.label)).toEqual(['Investigating', 'Identified', 'Monitoring', 'Resolved', 'Postmortem']);
    expect(live.postmortem).toContain('**Root cause**');
    const postmortems = value(await upstream.call('postmortems.list', { vendorId: 'skyline' }));
    expect(postmortems).toHaveLength(3);
    expect(value(await upstream.call('vendors.list', {})).map((v) => v.level)).toEqual(['operational', 'operational']);
  });

  it('puts the live maintenance on the calendar, completed after its window, with next week\'s ahead', async () => {
    const { upstream, clock } = await watchDemo();
    const calendar = async () => value(await upstream.call('maintenances.list', { from: new Date(START - 30 * DAY).toISOString(), to: new Date(START + 14 * DAY).toISOString() }))
      .map((r) => [r.maintenance.title, r.maintenance.status]);

    clock.at = 100_000;
    await upstream.runOnce();
    expect(await calendar()).toEqual([
      ['Webhook delivery infrastructure upgrade', 'completed'],
      ['Reporting API database upgrade', 'in_progress'],
      ['Dashboard sign-in provider migration', 'scheduled'],
    ]);

    clock.at = 250_000;
    await upstream.runOnce();
    expect(await calendar()).toEqual([
      ['Webhook delivery infrastructure upgrade', 'completed'],
      ['Reporting API database upgrade', 'completed'],
      ['Dashboard sign-in provider migration', 'scheduled'],
    ]);
  });
});
