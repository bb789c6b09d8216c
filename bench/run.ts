import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../test/support/paths.ts';
import { benchAtomParse } from './atom-parse.ts';
import { benchCliStart } from './cli-start.ts';
import { benchPollCycle } from './poll-cycle.ts';
import { benchReplayThroughput } from './replay-throughput.ts';
import { benchSearchLatency } from './search-latency.ts';
import { handWrittenSections, mergeReport, renderReport, type BenchSection } from './report.ts';
import { benchSoak } from './soak.ts';
import { benchUi } from './ui.ts';

/**
 * `npm run bench`: runs every benchmark in turn (one at a time: the machine has 2 cores) and
 * writes docs/benchmarks.md. `--only NAME` runs one and replaces only its sections in the file
 * (each section says when and on what it ran); `--no-write` prints without writing. Sections
 * marked as hand-written (report.ts `HAND_WRITTEN`) survive a full run.
 */
const BENCHES: Record<string, () => Promise<BenchSection | BenchSection[]>> = {
  'atom-parse': () => benchAtomParse(),
  'replay-throughput': () => benchReplayThroughput(),
  'search-latency': () => benchSearchLatency(),
  'poll-cycle': () => benchPollCycle(),
  'cli-start': () => benchCliStart(),
  ui: () => benchUi(),
  soak: () => benchSoak(),
};

const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
if (only && !BENCHES[only]) {
  process.stderr.write(`bench: no benchmark "${only}"; there are: ${Object.keys(BENCHES).join(', ')}\n`);
  process.exit(2);
}
const startedAt = new Date();
const sections: BenchSection[] = [];
for (const [name, bench] of Object.entries(BENCHES)) {
  if (only && name !== only) continue;
  process.stderr.write(`bench: ${name}…\n`);
  sections.push(...[await bench()].flat());
}
const file = join(REPO_ROOT, 'docs/benchmarks.md');
const command = only ? `npm run bench -- --only ${only}` : 'npm run bench';
const existing = existsSync(file) ? readFileSync(file, 'utf8') : null;
const report = only && existing !== null
  ? mergeReport(existing, sections, command, startedAt)
  : renderReport(sections, command, startedAt, existing === null ? [] : handWrittenSections(existing));
if (!args.includes('--no-write')) writeFileSync(file, report);
process.stdout.write(report);
