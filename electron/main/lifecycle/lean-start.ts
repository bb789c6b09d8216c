import { electronJsFlags } from '../../core/engine/lean-runtime.ts';

/**
 * The command line to start again with, when this process was started without the engine's V8
 * settings (electron/core/engine/lean-runtime.ts), or null. Electron's main process, where the
 * engine runs, reads them only from its own command line: start.ts, the Linux desktop entries and
 * the login items pass them, but a packaged app opened from Finder, the Start menu or a file
 * manager does not. One relaunch with them costs a process start; running without them holds up
 * to ≈ 130 MB more for the app's lifetime. Any `--js-flags` already given (ours or the user's) is
 * left as it is, which also stops a second relaunch.
 */
export function leanRelaunchArgs(argv: readonly string[]): string[] | null {
  if (argv.some((arg) => arg.startsWith('--js-flags'))) return null;
  return [...argv.slice(1), electronJsFlags()];
}
