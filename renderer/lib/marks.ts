const done = new Set<string>();

/**
 * A User Timing mark, once per page load: the benchmarks (bench/ui.ts) read `upstream:first-data`
 * and `upstream:overview-rendered` to measure the overview's first render, and the browser's own
 * performance panel shows them too.
 */
export function markOnce(name: string): void {
  if (done.has(name)) return;
  done.add(name);
  performance.mark(name);
}
