import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineMessage } from '../../../../shared/contract/events.ts';
import { Engine } from '../../../../electron/core/engine/engine.ts';
import { streamMessages } from '../../../../electron/core/engine/stream.ts';
import { HistoryStore } from '../../../../electron/core/history/index.ts';
import { fetchDocument } from '../../../../electron/core/polling/http.ts';
import { file, startFixtureServer, type FixtureServer } from '../../../support/fixture-server.ts';
import { feedVendor, makeHome } from '../../../support/home.ts';

describe('engine message stream (what the UI will receive)', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer();
    server.route('/gh/api/v2/summary.json', file('statuspage/github-summary-2022-11-25-partial-outage.json'));
  });
  afterAll(async () => {
    await server.close();
  });

  it('sends each new event, the refreshed vendor view and the overall state, all schema-valid', async () => {
    const { home, settings } = await makeHome([{ ...feedVendor('github', 'GitHub', `${server.url}/gh`), adapter: 'statuspage-json' }]);
    const opened = HistoryStore.open(join(home, 'history.db'));
    if (!opened.ok) throw new Error(opened.message);
    const engine = new Engine({ settings, history: opened.store, notify: async () => true, timeZone: 'UTC' });
    const messages: EngineMessage[] = [];
    streamMessages(engine, { settings, history: opened.store, engine, http: fetchDocument, now: () => new Date().toISOString() }, (m) => messages.push(m));
    await engine.runOnce();
    await new Promise((r) => setTimeout(r, 50));
    const events = messages.filter((m) => m.type === 'event');
    expect(events.length).toBeGreaterThanOrEqual(2);
    const vendor = messages.find((m) => m.type === 'vendor');
    expect(vendor).toMatchObject({ type: 'vendor', vendor: { source: { id: 'github' }, level: 'partial_outage', health: 'ok', stale: false } });
    expect(vendor?.type === 'vendor' && vendor.vendor.activeIncidents[0]?.title).toBe('Incident with Packages and Pages');
    expect(messages.filter((m) => m.type === 'state')).toEqual([{ type: 'state', state: expect.objectContaining({ connectivity: 'online', worst: 'partial_outage', vendorCount: 1 }) }]);
    opened.store.close();
  });
});
