import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SettingsStore } from '../../../../electron/core/settings/file-store.ts';
import type { VendorSource } from '../../../../shared/model/index.ts';
import { OWN_FIXTURES } from '../../../support/paths.ts';

const NOW = new Date('2026-05-01T08:00:00.000Z');

let home: string;
let store: SettingsStore;
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'upstream-watchlist-'));
  store = new SettingsStore(home, { now: () => NOW });
  await store.load();
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

const ids = () => store.listVendors().map((v) => v.id);

describe('watchlist operations', () => {
  it('adds a catalogue vendor by id, name or status page URL, with its catalogue facts', async () => {
    const added = await store.addVendor('maestra');
    expect(added).toEqual({ ok: true, value: {
      id: 'maestra', name: 'Maestra', url: 'https://status.maestra.io', platform: 'instatus', adapter: 'feed-xml',
      base: 'https://status.maestra.io/history.atom', intervalSeconds: 300, components: [], addedAt: '2026-05-01T08:00:00.000Z',
    } });
    expect((await store.addVendor('Stripo')).ok).toBe(true);
    expect((await store.addVendor('https://status.batch.com/incidents/rpylj0pys0wv')).ok).toBe(true);
    expect(ids()).toEqual(['github', 'stripe', 'slack', 'cloudflare', 'aws', 'maestra', 'stripo', 'batch']);
  });

  it('adds a detected vendor that is not in the catalogue', async () => {
    const source: VendorSource = {
      id: 'status-acme-test', name: 'Acme', url: 'https://status.acme.test', platform: 'cachet', adapter: 'cachet-v2', base: 'https://status.acme.test',
    };
    expect((await store.addVendor(source)).ok).toBe(true);
    const reloaded = await new SettingsStore(home).load();
    expect(reloaded.settings.watchlist.at(-1)).toMatchObject({ id: 'status-acme-test', adapter: 'cachet-v2' });
  });

  it('refuses to add a vendor twice', async () => {
    const again = await store.addVendor('GitHub');
    expect(again).toEqual({ ok: false, error: { code: 'conflict', message: 'GitHub is already on the watchlist.' } });
    expect(ids().filter((id) => id === 'github')).toHaveLength(1);
  });

  it('says when a vendor is not in the catalogue', async () => {
    const missing = await store.addVendor('Hooli');
    expect(missing.ok ? '' : missing.error.code).toBe('not_found');
  });

  it('refuses a detected source with a non-web URL', async () => {
    const source: VendorSource = {
      id: 'x', name: 'X', url: 'file:///etc/passwd', platform: 'feed', adapter: 'feed-xml', base: 'https://x.test/feed',
    };
    const result = await store.addVendor(source);
    expect(result.ok ? '' : result.error.message).toBe('X cannot be watched: status page URL is not http(s): file:///etc/passwd.');
  });

  it('removes a vendor and reports one that is not watched', async () => {
    const removed = await store.removeVendor('slack');
    expect(removed.ok && removed.value.name).toBe('Slack');
    expect(ids()).toEqual(['github', 'stripe', 'cloudflare', 'aws']);
    const again = await store.removeVendor('slack');
    expect(again).toEqual({ ok: false, error: { code: 'not_found', message: '"slack" is not on the watchlist.' } });
  });
});

describe('watchlist export and import', () => {
  it('exports the documented format without local dates', () => {
    const exported = store.exportWatchlist();
    expect(exported.format).toBe('upstream-watchlist');
    expect(exported.version).toBe(1);
    expect(exported.vendors).toHaveLength(5);
    expect(exported.vendors[0]).toEqual({
      id: 'github', name: 'GitHub', url: 'https://www.githubstatus.com', platform: 'statuspage', adapter: 'statuspage-json',
      base: 'https://www.githubstatus.com', intervalSeconds: 300, components: [],
    });
    expect(JSON.stringify(exported)).not.toContain('addedAt');
  });

  it('round-trips: an export imported into an empty watchlist restores the same vendors and options', async () => {
    await store.update((s) => {
      s.watchlist[0] = { ...s.watchlist[0]!, intervalSeconds: 60, components: ['Actions', 'API Requests'] };
    });
    const text = JSON.stringify(store.exportWatchlist());
    const other = new SettingsStore(await mkdtemp(join(tmpdir(), 'upstream-other-')), { now: () => NOW });
    await other.load();
    await other.update((s) => {
      s.watchlist = [];
    });
    const report = await other.importWatchlist(text);
    expect(report).toEqual({ ok: true, value: { added: ['github', 'stripe', 'slack', 'cloudflare', 'aws'], skipped: [] } });
    expect(other.exportWatchlist()).toEqual(store.exportWatchlist());
    await rm(other.home, { recursive: true, force: true });
  });

  it('merges without duplicates and says what it skipped and why', async () => {
    const text = await readFile(resolve(OWN_FIXTURES, 'settings', 'watchlist-export.json'), 'utf8');
    const result = await store.importWatchlist(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.added).toEqual(['maestra']);
    expect(result.value.skipped).toEqual([
      { entry: 'GitHub', reason: 'already on the watchlist' },
      { entry: 'cloudflare', reason: 'already on the watchlist' },
      { entry: 'no-such-vendor', reason: 'No vendor "no-such-vendor" in the catalogue. Paste its status page URL to detect it.' },
      { entry: 'GitHub again', reason: 'already on the watchlist' },
      { entry: 'Evil', reason: 'status page URL is not http(s): javascript:alert(1)' },
    ]);
    expect(ids()).toEqual(['github', 'stripe', 'slack', 'cloudflare', 'aws', 'maestra']);
    expect(store.listVendors().at(-1)).toMatchObject({ components: ['Loyalty'], addedAt: '2026-05-01T08:00:00.000Z' });
  });

  it('imports catalogue ids given as plain strings', async () => {
    const result = await store.importWatchlist(JSON.stringify({ format: 'upstream-watchlist', version: 1, vendors: ['stripo', 'batch'] }));
    expect(result.ok && result.value.added).toEqual(['stripo', 'batch']);
  });

  it('skips an entry with an interval below 30 s rather than clamping a file from elsewhere', async () => {
    const vendor = { id: 'notion', name: 'Notion', url: 'https://status.notion.so', platform: 'statuspage', adapter: 'statuspage-json', base: 'https://status.notion.so', intervalSeconds: 5 };
    const result = await store.importWatchlist(JSON.stringify({ format: 'upstream-watchlist', version: 1, vendors: [vendor] }));
    expect(result.ok && result.value.skipped).toEqual([{ entry: 'Notion', reason: 'intervalSeconds: Too small: expected number to be >=30' }]);
  });

  it.each([
    ['not JSON', 'hello', 'This is not a watchlist file: it is not JSON'],
    ['another JSON document', '{"version": 1, "watchlist": []}', 'This is not a watchlist file: expected {"format": "upstream-watchlist"'],
    ['a newer format version', '{"format": "upstream-watchlist", "version": 2, "vendors": []}', 'This is not a watchlist file'],
  ])('rejects %s with a clear error and changes nothing', async (_what, text, message) => {
    const before = await readFile(join(home, 'config.json'), 'utf8');
    const mtime = (await stat(join(home, 'config.json'))).mtimeMs;
    const result = await store.importWatchlist(text);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error.code).toBe('invalid_request');
    expect(result.ok ? '' : result.error.message).toContain(message);
    expect(await readFile(join(home, 'config.json'), 'utf8')).toBe(before);
    expect((await stat(join(home, 'config.json'))).mtimeMs).toBe(mtime);
    expect(ids()).toEqual(['github', 'stripe', 'slack', 'cloudflare', 'aws']);
  });
});
