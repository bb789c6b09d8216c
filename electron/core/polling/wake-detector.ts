/**
 * Notice that the machine slept, without OS hooks (headless mode has no Electron powerMonitor): a
 * short repeating timer that fires far later than asked means the process was frozen. The caller
 * then catches up, jittered and summarised, instead of trusting timers that all came due at once.
 */
export function watchForWake(onWake: (sleptMs: number) => void, opts: { checkMs?: number; thresholdMs?: number; now?: () => number } = {}): () => void {
  const checkMs = opts.checkMs ?? 10_000;
  const thresholdMs = opts.thresholdMs ?? 60_000;
  const now = opts.now ?? Date.now;
  let last = now();
  const timer = setInterval(() => {
    const t = now();
    const late = t - last - checkMs;
    last = t;
    if (late > thresholdMs) onWake(late);
  }, checkMs);
  timer.unref?.();
  return () => clearInterval(timer);
}
