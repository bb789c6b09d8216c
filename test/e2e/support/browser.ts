import { existsSync } from 'node:fs';

/**
 * Debian's Chromium (`apt install chromium`), or CHROMIUM_PATH. A missing browser is said in one
 * line naming the package, never a silent skip.
 */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter((p): p is string => !!p);
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error('The end-to-end tests need Chromium: install Debian\'s package `chromium` (or set CHROMIUM_PATH).');
  return found;
}
