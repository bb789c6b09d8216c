import { afterEach, describe, expect, it } from 'vitest';
import { openUpstream, type Upstream } from '../../../../electron/core/upstream/open.ts';
import { makeHome } from '../../../support/home.ts';

const NOW = '2026-03-01T12:00:00.000Z';
const roots: Upstream[] = [];

async function root(): Promise<Upstream> {
  const { home } = await makeHome([]);
  const opened = await openUpstream({ home, now: () => NOW });
  if (!opened.ok) throw new Error(opened.message);
  roots.push(opened.upstream);
  return opened.upstream;
}

afterEach(async () => {
  for (const r of roots.splice(0)) await r.stop();
});

describe('the root\'s API (the one door every face goes through)', () => {
  it('answers an unknown channel and a malformed payload with values, not throws', async () => {
    const u = await root();
    expect(await u.dispatch('vendors.nuke', {})).toEqual({ ok: false, error: { code: 'invalid_request', message: 'Unknown channel "vendors.nuke".' } });
    expect(await u.dispatch('history.search', { query: '', limit: 10_000 })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(await u.dispatch('__proto__', {})).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(await u.dispatch('vendors.add', 'github')).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });

  it('adds a catalogue vendor, lists it as not yet checked, and refuses it twice', async () => {
    const u = await root();
    expect(await u.call('vendors.add', { idOrUrl: 'stripe' })).toMatchObject({ ok: true, value: { id: 'stripe', adapter: 'stripe' } });
    const list = await u.call('vendors.list', {});
    expect(list).toMatchObject({ ok: true, value: [{ source: { id: 'stripe' }, level: 'unknown', health: 'pending', stale: false, description: 'Not checked yet' }] });
    expect(await u.call('vendors.add', { idOrUrl: 'stripe' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('snoozes one vendor until an instant, replaces the snooze, and lifts it with zero minutes', async () => {
    const u = await root();
    await u.call('notifications.snooze', { vendorId: 'github', minutes: 60 });
    await u.call('notifications.snooze', { vendorId: 'github', minutes: 120 });
    const snoozes = async () => ((await u.call('settings.get', {})) as { ok: true; value: { notifications: { snoozes: unknown[] } } }).value.notifications.snoozes;
    expect(await snoozes()).toEqual([{ vendorId: 'github', until: '2026-03-01T14:00:00.000Z' }]);
    await u.call('notifications.snooze', { vendorId: 'github', minutes: 0 });
    expect(await snoozes()).toEqual([]);
  });

  it('sets default and per-vendor rules, validated by the schema', async () => {
    const u = await root();
    expect(await u.call('rules.set', { vendorId: 'aws', rules: { threshold: 'critical', components: ['EC2'], kinds: [] } })).toMatchObject({
      ok: true, value: { notifications: { perVendor: { aws: { threshold: 'critical', components: ['EC2'], kinds: [] } } } },
    });
    expect(await u.dispatch('rules.set', { vendorId: null, rules: { threshold: 'loud', components: [], kinds: [] } })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });

  it('configures a watched vendor\'s interval and components, and refuses an unwatched one', async () => {
    const u = await root();
    await u.call('vendors.add', { idOrUrl: 'github' });
    expect(await u.call('vendors.configure', { vendorId: 'github', intervalSeconds: 120, components: ['Actions', 'Actions', 'Git Operations'] })).toMatchObject({
      ok: true, value: { id: 'github', intervalSeconds: 120, components: ['Actions', 'Git Operations'] },
    });
    expect(await u.call('vendors.configure', { vendorId: 'nobody', intervalSeconds: 120 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await u.dispatch('vendors.configure', { vendorId: 'github', intervalSeconds: 5 })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });

  it('changes preferences one at a time without touching the rest', async () => {
    const u = await root();
    await u.call('settings.set', { theme: 'dark' });
    const saved = await u.call('settings.set', { quietHours: { enabled: true, start: '23:00', end: '06:30' } });
    expect(saved).toMatchObject({ ok: true, value: { ui: { theme: 'dark' }, notifications: { quietHours: { enabled: true, start: '23:00', end: '06:30' } } } });
    expect(await u.dispatch('settings.set', { quietHours: { enabled: true, start: '25:00', end: '06:30' } })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });

  it('exports the watchlist and imports it into another home, reporting what was skipped', async () => {
    const a = await root();
    await a.call('vendors.add', { idOrUrl: 'github' });
    await a.call('vendors.add', { idOrUrl: 'stripe' });
    const exported = await a.call('watchlist.export', {});
    expect(exported).toMatchObject({ ok: true, value: { format: 'upstream-watchlist', version: 1 } });
    const b = await root();
    await b.call('vendors.add', { idOrUrl: 'github' });
    const report = await b.call('watchlist.import', { text: JSON.stringify(exported.ok && exported.value) });
    expect(report).toMatchObject({ ok: true, value: { added: ['stripe'], skipped: [{ entry: 'GitHub', reason: 'already on the watchlist' }] } });
    expect(await b.call('watchlist.import', { text: 'not json' })).toMatchObject({ ok: false });
  });

  it('says refresh is unavailable when nothing is polling, instead of pretending', async () => {
    const u = await root();
    expect(await u.call('vendors.refresh', {})).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });
});
