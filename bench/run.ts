import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../test/support/paths.ts';
import { benchAtomParse } from './atom-parse.ts';
import { benchPollCycle } from './poll-cycle.ts';
import { benchReplayThroughput } from './replay-throughput.ts';
import { benchSearchLatency } from './search-latency.ts';
import { renderReport, type BenchSection } from './report.ts';

/**
 * `npm run bench`: runs every benchmark in turn (one at a time: the machine has 2 cores) and
 * writes docs/benchmarks.md. `--only NAME` runs one; `--no-write` prints without writing.
 */
const BENCHES: Record<string, () => Promise<BenchSection>> = {
  'atom-parse': () => benchAtomParse(),
  'replay-throughput': () => benchReplayThroughput(),
  'search-latency': () => benchSearchLatency(),
  'poll-cycle': () => benchPollCycle(),
};

const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const startedAt = new Date();
const sections: BenchSection[] = [];
for (const [name, bench] of Object.entries(BENCHES)) {
  if (only && name !== only) continue;
  process.stderr.write(`bench: ${name}…\n`);
  sections.push(await bench());
}
const report = renderReport(sections, 'npm run bench', startedAt);
if (args.includes('--no-write')) process.stdout.write(report);
else {
  writeFileSync(join(REPO_ROOT, 'docs/benchmarks.md'), report);
  process.stdout.write(report);
}
