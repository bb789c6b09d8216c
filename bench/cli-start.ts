import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProcessFigures } from './process-report.ts';
import { fmt, median, type BenchSection } from './report.ts';
import { runProcess } from './run-process.ts';

/**
 * CLI cold start: `upstream help` as a whole process (startup, imports, output, exit), against
 * Node itself running an empty module, both started the way the `upstream` command starts. Warm
 * runs after one that fills Node's compile cache, as every run after installing is.
 */
export async function benchCliStart(runs = 15): Promise<BenchSection> {
  const dir = mkdtempSync(join(tmpdir(), 'upstream-bench-cli-'));
  const report = join(dir, 'figures.json');
  const empty = join(dir, 'empty.mjs');
  writeFileSync(empty, '');
  const bin = fileURLToPath(new URL('../electron/headless/bin.ts', import.meta.url));
  const measure = async (args: string[]): Promise<ProcessFigures> => {
    await runProcess(args, report);
    const list: ProcessFigures[] = [];
    for (let r = 0; r < runs; r++) list.push((await runProcess(args, report)).figures);
    return { wallMs: median(list.map((f) => f.wallMs)), cpuMs: median(list.map((f) => f.cpuMs)), maxRssMb: median(list.map((f) => f.maxRssMb)) };
  };
  try {
    const node = await measure([empty]);
    const help = await measure([bin, 'help']);
    const row = (what: string, f: ProcessFigures): string[] =>
      [what, fmt(f.wallMs / 1000, 3), fmt(f.cpuMs / 1000, 3), fmt(f.maxRssMb, 0), `${fmt(f.wallMs / node.wallMs, 1)}×`, `${fmt(f.cpuMs / node.cpuMs, 1)}×`];
    return {
      title: 'CLI cold start: `upstream help`',
      baseline: 'Node running an empty module, same flags, measured the same way',
      columns: ['process', 'wall (s)', 'CPU (s)', 'peak RSS (MB)', 'wall vs baseline', 'CPU vs baseline'],
      rows: [row('node, empty module (baseline)', node), row('`upstream help`', help)],
      notes: [`Median of ${runs} runs after one warm-up run each; wall is the process's own clock from its start to exit (bench/process-report.ts). Goal: ≤ 0.15 s.`],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
