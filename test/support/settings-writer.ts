/**
 * Child process for the cross-process settings test: adds `count` vendors named `<prefix>-<n>` to
 * the watchlist in `home`, one write at a time, as fast as it can, through the real settings store
 * (each write takes the lock, re-reads the file and applies its change to what is there). Prints
 * `done <n>` when finished. Usage: settings-writer.ts <home> <prefix> <count>
 */
import { SettingsStore } from '../../electron/core/settings/index.ts';

async function main(home: string, prefix: string, count: number): Promise<void> {
  const store = new SettingsStore(home);
  await store.load();
  for (let n = 0; n < count; n++) {
    const id = `${prefix}-${n}`;
    const added = await store.addVendor({ id, name: `Vendor ${id}`, url: `https://${id}.example.test`, platform: 'statuspage', adapter: 'statuspage-json', base: `https://${id}.example.test` });
    if (!added.ok) throw new Error(added.error.message);
  }
  process.stdout.write(`done ${count}\n`);
}

if (import.meta.main) await main(process.argv[2]!, process.argv[3]!, Number(process.argv[4]));
