import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineMessageSchema, type EngineMessage } from '../../../../shared/contract/events.ts';
import { openUpstream } from '../../../../electron/core/upstream/open.ts';
import { file, startFixtureServer, type FixtureServer } from '../../../support/fixture-server.ts';
import { feedVendor, makeHome } from '../../../support/home.ts';

describe('the root\'s message stream (what every face receives)', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer();
    server.route('/gh/api/v2/summary.json', file('statuspage/github-summary-2022-11-25-partial-outage.json'));
  });
  afterAll(async () => {
    await server.close();
  });

  it('sends each new event, the poll, the refreshed vendor view, progress and the overall state, all schema-valid', async () => {
    const { home } = await makeHome([{ ...feedVendor('github', 'GitHub', `${server.url}/gh`), adapter: 'statuspage-json' }]);
    const opened = await openUpstream({ home, timeZone: 'UTC' });
    if (!opened.ok) throw new Error(opened.message);
    const messages: EngineMessage[] = [];
    opened.upstream.subscribe((m) => messages.push(m));
    await opened.upstream.runOnce();
    await opened.upstream.stop();

    for (const m of messages) expect(engineMessageSchema.safeParse(m).success, m.type).toBe(true);
    const types = messages.map((m) => m.type);
    expect(types.filter((t) => t === 'event').length).toBeGreaterThanOrEqual(2);
    // Events are stored before they are sent, and come before the view that reflects them.
    expect(types.indexOf('event')).toBeLessThan(types.indexOf('vendor'));
    expect(messages.find((m) => m.type === 'poll')).toMatchObject({ poll: { vendorId: 'github', vendorName: 'GitHub', outcome: 'ok', health: 'ok', error: null } });
    const vendor = messages.find((m) => m.type === 'vendor');
    expect(vendor).toMatchObject({ type: 'vendor', vendor: { source: { id: 'github' }, level: 'partial_outage', health: 'ok', stale: false } });
    expect(vendor?.type === 'vendor' && vendor.vendor.activeIncidents[0]?.title).toBe('Incident with Packages and Pages');
    expect(messages.filter((m) => m.type === 'progress')).toEqual([{ type: 'progress', done: 1, total: 1 }]);
    expect(messages.filter((m) => m.type === 'state')).toEqual([{ type: 'state', state: expect.objectContaining({ connectivity: 'online', worst: 'partial_outage', vendorCount: 1 }) }]);
  });

  it('answers engine.state from what it tracks, including a pause', async () => {
    const { home } = await makeHome([{ ...feedVendor('github', 'GitHub', `${server.url}/gh`), adapter: 'statuspage-json' }]);
    const opened = await openUpstream({ home, timeZone: 'UTC' });
    if (!opened.ok) throw new Error(opened.message);
    const u = opened.upstream;
    expect(await u.call('engine.state', {})).toMatchObject({ ok: true, value: { connectivity: 'online', worst: 'operational', vendorCount: 1, lastCycleAt: null } });
    await u.runOnce();
    u.pause();
    expect(await u.call('engine.state', {})).toMatchObject({ ok: true, value: { connectivity: 'paused', worst: 'partial_outage', lastCycleAt: expect.any(String) } });
    await u.stop();
    // A new root over the same home starts from what history says.
    const again = await openUpstream({ home });
    if (!again.ok) throw new Error(again.message);
    expect(await again.upstream.call('engine.state', {})).toMatchObject({ ok: true, value: { connectivity: 'online', worst: 'partial_outage' } });
    await again.upstream.stop();
  });
});
