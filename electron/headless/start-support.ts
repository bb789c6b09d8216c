import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The Electron binary's path when the runtime is installed or can be fetched now, else null.
 * Electron's binary comes from a download that some machines (CI, locked-down networks) cannot
 * make; `npm ci` tolerates that (npm runs no install scripts, electron is an optional dependency),
 * and `npm start` falls back to `upstream serve`. UPSTREAM_ELECTRON_PATH names the binary
 * explicitly (a build of one's own, or a path that does not exist, to try the fallback on a
 * machine that has Electron). `packageDir` is the electron package's folder (tests give their own).
 */
export function electronBinary(env: Readonly<Record<string, string | undefined>> = process.env, packageDir = electronPackageDir()): string | null {
  const explicit = env.UPSTREAM_ELECTRON_PATH?.trim();
  if (explicit !== undefined && explicit !== '') return existsSync(explicit) ? explicit : null;
  if (packageDir === null) return null;
  // The package's own lookup (its index.js) would fetch a missing binary with its output on our
  // terminal: "Downloading…" and a stack of a failed fetch before our one line. Fetch it quietly
  // with the package's own installer instead, once, and read where it put the binary.
  const installed = (): string | null => {
    const pathFile = join(packageDir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const binary = join(env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist'), readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : null;
  };
  const found = installed();
  if (found !== null) return found;
  const install = join(packageDir, 'install.js');
  if (!existsSync(install)) return null;
  spawnSync(process.execPath, [install], { stdio: 'ignore', timeout: 300_000 });
  return installed();
}

function electronPackageDir(): string | null {
  try {
    return dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
}
