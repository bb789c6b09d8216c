import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SettingsStore } from '../../../../electron/core/settings/file-store.ts';
import { settingsSchema } from '../../../../shared/contract/settings.ts';
import { OWN_FIXTURES } from '../../../support/paths.ts';

const NOW = new Date('2026-04-21T13:36:00.000Z');
const fixture = (name: string) => resolve(OWN_FIXTURES, 'settings', name);

let home: string;
let store: SettingsStore;
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'upstream-settings-'));
  store = new SettingsStore(home, { now: () => NOW });
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

const onDisk = async () => JSON.parse(await readFile(join(home, 'config.json'), 'utf8'));

describe('SettingsStore.load', () => {
  it('starts a first run with the default watchlist and writes it to <home>/config.json', async () => {
    const result = await store.load();
    expect(result.source).toBe('defaults');
    expect(result.problems).toEqual([]);
    expect(result.message).toBeNull();
    expect(result.settings.watchlist.map((v) => v.id)).toEqual(['github', 'stripe', 'slack', 'cloudflare', 'aws']);
    expect(result.settings.watchlist[0]).toMatchObject({
      name: 'GitHub', adapter: 'statuspage-json', base: 'https://www.githubstatus.com', intervalSeconds: 300,
      components: [], addedAt: '2026-04-21T13:36:00.000Z',
    });
    expect(result.settings.notifications.quietHours).toEqual({ enabled: false, start: '22:00', end: '07:00' });
    expect(result.settings.history.retentionDays).toBe(365);
    expect((await onDisk()).watchlist).toHaveLength(5);
  });

  it('writes tab-indented JSON, the way conf/electron-store do', async () => {
    await store.load();
    expect(await readFile(join(home, 'config.json'), 'utf8')).toMatch(/^\{\n\t"version": 1,/);
  });

  it('reads back exactly what it wrote', async () => {
    await store.load();
    await store.update((s) => {
      s.history.retentionDays = 30;
      s.ui = { theme: 'dark' };
    });
    const again = await new SettingsStore(home).load();
    expect(again.source).toBe('file');
    expect(again.settings.history.retentionDays).toBe(30);
    expect(again.settings.ui).toEqual({ theme: 'dark' });
  });

  it('keeps a corrupt file byte for byte, says which file and loads defaults', async () => {
    const original = await readFile(fixture('truncated.json'));
    await writeFile(join(home, 'config.json'), original);
    const result = await store.load();
    expect(result.source).toBe('defaults');
    expect(result.message).toContain(join(home, 'config.json'));
    expect(result.message).toContain('is not valid JSON');
    expect(result.message).toContain('config.json.corrupt-2026-04-21T13-36-00-000Z');
    expect(result.backupPath).toBe(join(home, 'config.json.corrupt-2026-04-21T13-36-00-000Z'));
    expect(await readFile(result.backupPath as string)).toEqual(original);
    expect(result.settings.watchlist.map((v) => v.id)).toEqual(['github', 'stripe', 'slack', 'cloudflare', 'aws']);
    expect(settingsSchema.safeParse(await onDisk()).success).toBe(true);
  });

  it('never overwrites an earlier corrupt copy taken in the same millisecond', async () => {
    await writeFile(join(home, 'config.json'), 'nope');
    await store.load();
    await writeFile(join(home, 'config.json'), 'nope again');
    const second = await new SettingsStore(home, { now: () => NOW }).load();
    expect(second.backupPath).toBe(join(home, 'config.json.corrupt-2026-04-21T13-36-00-000Z-1'));
    expect(await readFile(join(home, 'config.json.corrupt-2026-04-21T13-36-00-000Z'), 'utf8')).toBe('nope');
  });

  it('falls back to the previous good copy (config.json.bak) when the file is unreadable', async () => {
    await store.load();
    await store.update((s) => {
      s.history.retentionDays = 42;
    });
    await store.update((s) => {
      s.history.retentionDays = 43;
    });
    await writeFile(join(home, 'config.json'), '{"version": 1, "watchl');
    const result = await new SettingsStore(home, { now: () => NOW }).load();
    expect(result.source).toBe('previous-copy');
    expect(result.settings.history.retentionDays).toBe(42);
    expect(result.message).toContain('previous good copy (config.json.bak)');
  });

  it('treats valid JSON that is not a settings object as corrupt', async () => {
    await writeFile(join(home, 'config.json'), '["github"]');
    const result = await store.load();
    expect(result.source).toBe('defaults');
    expect(result.problems).toEqual(['does not hold a settings object']);
    expect(await readFile(result.backupPath as string, 'utf8')).toBe('["github"]');
  });

  it('salvages a file with one invalid vendor: drops it, names it, keeps everything else', async () => {
    await copyFile(fixture('one-bad-entry.json'), join(home, 'config.json'));
    const original = await readFile(join(home, 'config.json'));
    const result = await store.load();
    expect(result.source).toBe('repaired');
    expect(result.settings.watchlist.map((v) => v.id)).toEqual(['github', 'stripe']);
    expect(result.settings.watchlist[0]).toMatchObject({ intervalSeconds: 120, components: ['Actions'] });
    expect(result.settings.notifications.defaults.threshold).toBe('major');
    expect(result.settings.notifications.perVendor.github?.threshold).toBe('critical');
    expect(result.settings.notifications.quietHours).toEqual({ enabled: true, start: '22:30', end: '07:15' });
    expect(result.settings.history.retentionDays).toBe(90);
    expect(result.settings.ui).toEqual({ theme: 'dark' });
    expect(result.problems).toContain('watchlist[1] "Acme": url: Invalid URL; dropped');
    expect(result.message).toMatch(/^Settings file .*config\.json had 2 invalid entries: /);
    expect(result.message).toContain('Nothing else is lost');
    expect(await readFile(result.backupPath as string)).toEqual(original);
    expect((await onDisk()).watchlist.map((v: { id: string }) => v.id)).toEqual(['github', 'stripe']);
  });

  it('clamps a hand-edited interval below 30 s up to 30 s on load, and says so', async () => {
    await copyFile(fixture('one-bad-entry.json'), join(home, 'config.json'));
    const result = await store.load();
    expect(result.settings.watchlist.find((v) => v.id === 'stripe')?.intervalSeconds).toBe(30);
    expect(result.problems).toContain('watchlist[2] "Stripe".intervalSeconds: 10 s is below the 30 s minimum; raised to 30 s');
  });

  it('resets an invalid quiet-hours time to its default and reports the path', async () => {
    const doc = JSON.parse(await readFile(fixture('one-bad-entry.json'), 'utf8'));
    doc.watchlist = [doc.watchlist[0]];
    doc.notifications.quietHours.start = '25:00';
    await writeFile(join(home, 'config.json'), JSON.stringify(doc));
    const result = await store.load();
    expect(result.problems).toEqual(['notifications.quietHours.start: a time like "22:00"; reset to its default']);
    expect(result.settings.notifications.quietHours).toEqual({ enabled: true, start: '22:00', end: '07:15' });
  });

  it('drops a vendor whose adapter this version does not know, and a second copy of an id', async () => {
    const doc = JSON.parse(await readFile(fixture('one-bad-entry.json'), 'utf8'));
    const github = doc.watchlist[0];
    doc.watchlist = [github, { ...github, name: 'GitHub twin' }, { ...github, id: 'future', name: 'Future', adapter: 'hologram' }];
    await writeFile(join(home, 'config.json'), JSON.stringify(doc));
    const result = await store.load();
    expect(result.settings.watchlist.map((v) => v.name)).toEqual(['GitHub']);
    expect(result.problems).toEqual([
      'watchlist "GitHub twin": id "github" is listed twice; the second one was dropped',
      'watchlist "Future": unknown adapter "hologram"; dropped',
    ]);
  });

  it('fills in sections an older or hand-trimmed file leaves out, without calling it a problem', async () => {
    await writeFile(join(home, 'config.json'), '{"version": 1}');
    const result = await store.load();
    expect(result.source).toBe('file');
    expect(result.problems).toEqual([]);
    expect(result.settings.watchlist).toEqual([]);
    expect(result.settings.notifications.enabled).toBe(true);
  });
});

describe('SettingsStore.update', () => {
  it('refuses a polling interval below 30 s and writes nothing', async () => {
    await store.load();
    const before = await readFile(join(home, 'config.json'), 'utf8');
    const result = await store.update((s) => {
      (s.watchlist[0] as { intervalSeconds: number }).intervalSeconds = 10;
    });
    expect(result).toEqual({ ok: false, error: { code: 'invalid_request', message: 'Settings not saved: watchlist.0.intervalSeconds: Too small: expected number to be >=30.' } });
    expect(await readFile(join(home, 'config.json'), 'utf8')).toBe(before);
    expect(store.settings.watchlist[0]?.intervalSeconds).toBe(300);
  });

  it('refuses a vendor with an unknown adapter', async () => {
    await store.load();
    const result = await store.update((s) => {
      (s.watchlist[0] as { adapter: string }).adapter = 'telepathy';
    });
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error.message).toBe('Settings not saved: GitHub: unknown adapter "telepathy".');
  });

  it('leaves the file and memory as they were when the write fails mid-way', async () => {
    const failing = new SettingsStore(home, {
      now: () => NOW,
      writeOps: { rename: async () => { throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }); } },
    });
    await store.load();
    const before = await readFile(join(home, 'config.json'), 'utf8');
    await failing.load();
    const result = await failing.update((s) => {
      s.history.retentionDays = 7;
    });
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error.code).toBe('unavailable');
    expect(result.ok ? '' : result.error.message).toContain('no space left on device');
    expect(await readFile(join(home, 'config.json'), 'utf8')).toBe(before);
    expect(failing.settings.history.retentionDays).toBe(365);
    expect((await readdir(home)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('keeps the previous good version as config.json.bak on every write', async () => {
    await store.load();
    await store.update((s) => {
      s.history.retentionDays = 10;
    });
    await store.update((s) => {
      s.history.retentionDays = 20;
    });
    expect(JSON.parse(await readFile(join(home, 'config.json.bak'), 'utf8')).history.retentionDays).toBe(10);
    expect((await onDisk()).history.retentionDays).toBe(20);
  });

  it('applies concurrent updates one after the other, losing none', async () => {
    await store.load();
    await Promise.all([
      store.update((s) => {
        s.history.retentionDays = 11;
      }),
      store.update((s) => {
        s.ui = { theme: 'light' };
      }),
    ]);
    const disk = await onDisk();
    expect(disk.history.retentionDays).toBe(11);
    expect(disk.ui).toEqual({ theme: 'light' });
  });
});
