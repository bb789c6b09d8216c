/**
 * Poll `probe` until it gives a value (anything but undefined or false), or fail naming `what`:
 * for tests that wait on another process or a timer they do not control.
 */
export async function until<T>(what: string, probe: () => T | undefined | false, ms = 8_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 40));
  }
}
