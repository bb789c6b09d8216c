import { readFileSync } from 'node:fs';

/**
 * This process's peak RSS in MB. On Linux, from /proc/self/status (VmHWM, the high-water mark of
 * this program's own memory): `process.resourceUsage().maxRSS` is kept across exec, so a child
 * spawned by a parent holding 170 MB reported at least 170 MB whatever it used itself (measured:
 * `node` running an empty module read 137 MB in the full bench run, 63 MB alone). Elsewhere,
 * maxRSS (macOS starts a spawned program's count afresh).
 */
export function peakRssMb(): number {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match) return Number(match[1]) / 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS / 1024;
}
