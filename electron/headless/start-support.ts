import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The Electron binary's path when the runtime is installed, else null. Electron's binary comes
 * from a download that some machines (CI, locked-down networks) cannot make; `npm ci` tolerates
 * that (electron is an optional dependency), and `npm start` falls back to `upstream serve`.
 * UPSTREAM_ELECTRON_PATH names the binary explicitly (a build of one's own, or a path that does not
 * exist, to try the fallback on a machine that has Electron).
 */
export function electronBinary(env: Readonly<Record<string, string | undefined>> = process.env): string | null {
  const explicit = env.UPSTREAM_ELECTRON_PATH?.trim();
  if (explicit !== undefined && explicit !== '') return existsSync(explicit) ? explicit : null;
  try {
    // In plain Node, the `electron` package exports the path of its binary, or throws when the
    // download never happened.
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}
