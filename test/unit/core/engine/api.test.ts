import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { callApi, createApi } from '../../../../electron/core/engine/api.ts';
import { HistoryStore } from '../../../../electron/core/history/index.ts';
import { fetchDocument } from '../../../../electron/core/polling/http.ts';
import { makeHome } from '../../../support/home.ts';

const NOW = '2026-03-01T12:00:00.000Z';
const stores: HistoryStore[] = [];

async function api() {
  const { home, settings } = await makeHome([]);
  const opened = HistoryStore.open(join(home, 'history.db'));
  if (!opened.ok) throw new Error(opened.message);
  stores.push(opened.store);
  return { settings, api: createApi({ settings, history: opened.store, http: fetchDocument, now: () => NOW }) };
}

afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

describe('engine API (the one door every face goes through)', () => {
  it('answers an unknown channel and a malformed payload with values, not throws', async () => {
    const { api: a } = await api();
    expect(await callApi(a, 'vendors.nuke', {})).toEqual({ ok: false, error: { code: 'invalid_request', message: 'Unknown channel "vendors.nuke".' } });
    const bad = await callApi(a, 'history.search', { query: '', limit: 10_000 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    const proto = await callApi(a, '__proto__', {});
    expect(proto).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });

  it('adds a catalogue vendor, lists it as not yet checked, and refuses it twice', async () => {
    const { api: a } = await api();
    expect(await callApi(a, 'vendors.add', { idOrUrl: 'stripe' })).toMatchObject({ ok: true, value: { id: 'stripe', adapter: 'stripe' } });
    const list = await callApi(a, 'vendors.list', {});
    expect(list).toMatchObject({ ok: true, value: [{ source: { id: 'stripe' }, level: 'unknown', health: 'pending', stale: false, description: 'Not checked yet' }] });
    expect(await callApi(a, 'vendors.add', { idOrUrl: 'stripe' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('snoozes one vendor until an instant, replaces the snooze, and lifts it with zero minutes', async () => {
    const { api: a, settings } = await api();
    await callApi(a, 'notifications.snooze', { vendorId: 'github', minutes: 60 });
    await callApi(a, 'notifications.snooze', { vendorId: 'github', minutes: 120 });
    expect(settings.settings.notifications.snoozes).toEqual([{ vendorId: 'github', until: '2026-03-01T14:00:00.000Z' }]);
    await callApi(a, 'notifications.snooze', { vendorId: 'github', minutes: 0 });
    expect(settings.settings.notifications.snoozes).toEqual([]);
  });

  it('sets default and per-vendor rules, validated by the schema', async () => {
    const { api: a, settings } = await api();
    expect(await callApi(a, 'rules.set', { vendorId: 'aws', rules: { threshold: 'critical', components: ['EC2'], kinds: [] } })).toMatchObject({ ok: true });
    expect(settings.settings.notifications.perVendor.aws).toEqual({ threshold: 'critical', components: ['EC2'], kinds: [] });
    expect(await callApi(a, 'rules.set', { vendorId: null, rules: { threshold: 'loud', components: [], kinds: [] } })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });

  it('says refresh is unavailable when nothing is polling, instead of pretending', async () => {
    const { api: a } = await api();
    expect(await callApi(a, 'vendors.refresh', {})).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });
});
