/**
 * How a process that hosts the engine is started, in one place: the `upstream` command's shebang,
 * `npm start`, Electron's command line (start.ts, the Linux desktop entries, the login items, and
 * a relaunch when the app was opened without it: electron/main/lifecycle/lean-start.ts) and the
 * benchmarks' measured processes all read it, and a test checks the shebang against it.
 *
 * Why: V8 sizes its young generation for throughput, and under the engine's allocation rate
 * Node 24 grows it to 128 MB that stay resident. With 4 MB semi-spaces a first read of 1,000 feeds
 * peaked at 276 MB RSS instead of 412 MB, at the same CPU within 2 % (docs/benchmarks.md). These are
 * startup settings: `v8.setFlagsFromString` after start leaves the heap as it was (measured).
 */
export const ENGINE_V8_FLAGS: readonly string[] = ['--max-semi-space-size=4'];

/**
 * Environment for glibc's allocator, read once when a process starts. Each thread that allocates
 * (V8's helpers, libuv's pool) otherwise gets an arena of its own that keeps what it freed: over a
 * simulated month of hourly polls RSS grew 12 % with the default and 5 % with two arenas. Other
 * C libraries ignore it.
 */
export const ENGINE_ENV: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '2' };

/** The `upstream` command's first line: `env -S` (GNU, BSD and macOS env; npm's Windows shims read it) passes both. */
export function engineShebang(): string {
  const env = Object.entries(ENGINE_ENV).map(([k, v]) => `${k}=${v}`);
  return `#!/usr/bin/env -S ${[...env, 'node', ...ENGINE_V8_FLAGS].join(' ')}`;
}

/** The same V8 settings for Electron's main process, which takes them on its command line only. */
export function electronJsFlags(): string {
  return `--js-flags=${ENGINE_V8_FLAGS.join(' ')}`;
}
