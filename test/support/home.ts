import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WatchedVendor } from '../../shared/contract/settings.ts';
import { SettingsStore } from '../../electron/core/settings/index.ts';

/** A fresh --home folder with the given watchlist written through the real settings store. */
export async function makeHome(watchlist: Omit<WatchedVendor, 'addedAt' | 'components' | 'intervalSeconds'>[], intervalSeconds = 300): Promise<{ home: string; settings: SettingsStore }> {
  const home = mkdtempSync(join(tmpdir(), 'upstream-home-'));
  const settings = new SettingsStore(home);
  await settings.load();
  const saved = await settings.update((s) => {
    s.watchlist = watchlist.map((v) => ({ ...v, intervalSeconds, components: [], addedAt: '2026-01-01T00:00:00.000Z' }));
  });
  if (!saved.ok) throw new Error(saved.error.message);
  return { home, settings };
}

/** A feed-xml vendor reading `url`. */
export function feedVendor(id: string, name: string, url: string): Omit<WatchedVendor, 'addedAt' | 'components' | 'intervalSeconds'> {
  return { id, name, url, platform: 'statuspage', adapter: 'feed-xml', base: url };
}
