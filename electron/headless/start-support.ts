import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The Electron binary's path when the runtime is installed, else null. Electron's binary comes
 * from a download that some machines (CI, locked-down networks) cannot make; `npm ci` tolerates
 * that (electron is an optional dependency), and `npm start` falls back to headless mode.
 */
export function electronBinary(): string | null {
  try {
    // In plain Node, the `electron` package exports the path of its binary, or throws when the
    // download never happened.
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}
