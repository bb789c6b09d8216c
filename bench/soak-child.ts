import { mkdirSync } from 'node:fs';
import { openUpstream } from '../electron/core/upstream/open.ts';
import { SettingsStore } from '../electron/core/settings/index.ts';
import { parseFeedXml } from '../electron/core/feeds/feed/adapter.ts';
import { replayVersions } from '../test/support/replay.ts';

/**
 * The measured process of the soak benchmark. `engine HOME URL N [FIRST_CYCLE]`: one engine root over N feeds,
 * a simulated hour per cycle, one `runOnce` per cycle when the parent says `cycle`; reports CPU
 * and RSS after each. `parse`: the baseline, parsing in this process the documents that changed in
 * each cycle (the parent sends which versions), so "CPU per cycle" can be read against the work
 * the feeds themselves cause.
 */
export interface SoakCycle { cycle: number; cpuMs: number; rssMb: number; heapMb: number }

const [mode, home, baseUrl, countArg, firstCycleArg] = process.argv.slice(2);
const count = Number(countArg);
const send = (msg: unknown): void => void process.send?.(msg);
const START = Date.parse('2026-01-01T00:00:00.000Z');
/** An engine that joins later starts its simulated clock at the hour it joins. */
let cycle = Number(firstCycleArg ?? 0);

function measure(fn: () => Promise<void> | void): Promise<SoakCycle> {
  return (async () => {
    const cpu0 = process.cpuUsage();
    await fn();
    const cpu = process.cpuUsage(cpu0);
    const mem = process.memoryUsage();
    return { cycle, cpuMs: (cpu.user + cpu.system) / 1000, rssMb: mem.rss / 2 ** 20, heapMb: mem.heapUsed / 2 ** 20 };
  })();
}

if (mode === 'engine') {
  mkdirSync(home!, { recursive: true });
  const settings = new SettingsStore(home!);
  await settings.load();
  await settings.update((s) => void (s.watchlist = Array.from({ length: count }, (_, v) => {
    const url = `${baseUrl}/v/${v}/history.atom`;
    return { id: `vendor-${v}`, name: `Vendor ${v}`, url, platform: 'statuspage' as const, adapter: 'feed-xml', base: url, intervalSeconds: 3600, components: [], addedAt: '2026-01-01T00:00:00.000Z' };
  })));
  const opened = await openUpstream({ home: home!, now: () => new Date(START + cycle * 3_600_000).toISOString(), notify: async () => true, timeZone: 'UTC' });
  if (!opened.ok) throw new Error(opened.message);
  const upstream = opened.upstream;
  process.on('message', (msg: unknown) => {
    if (msg === 'stop') return void upstream.stop().then(() => process.exit(0));
    void measure(() => upstream.runOnce()).then((figures) => {
      cycle++;
      send({ figures });
    });
  });
  send({ ready: true });
} else if (mode === 'parse') {
  const versions = replayVersions();
  process.on('message', (msg: unknown) => {
    if (msg === 'stop') return void process.exit(0);
    const changed = (msg as { versions: number[] }).versions;
    void measure(() => {
      for (const v of changed) parseFeedXml(versions[v]!, 'http://bench.invalid/history.atom', new Date(START + cycle * 3_600_000).toISOString());
    }).then((figures) => {
      cycle++;
      send({ figures });
    });
  });
  send({ ready: true });
} else throw new Error('usage: soak-child.ts engine HOME URL N [FIRST_CYCLE] | parse');
