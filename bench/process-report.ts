import { writeFileSync } from 'node:fs';
import { peakRssMb } from './peak-rss.ts';

/**
 * Preloaded (`node --import bench/process-report.ts …`) into a process the poll-cycle benchmark
 * measures whole: at exit it writes the process's own CPU time since it started (startup, imports
 * and work) and its peak RSS to the file named by UPSTREAM_BENCH_REPORT. A preload, so the real
 * `upstream daemon --once` runs unchanged.
 */
export interface ProcessFigures {
  cpuMs: number;
  maxRssMb: number;
  wallMs: number;
}

const file = process.env.UPSTREAM_BENCH_REPORT;
if (file) {
  process.once('exit', () => {
    const cpu = process.cpuUsage();
    const figures: ProcessFigures = { cpuMs: (cpu.user + cpu.system) / 1000, maxRssMb: peakRssMb(), wallMs: performance.now() };
    writeFileSync(file, JSON.stringify(figures));
  });
}
