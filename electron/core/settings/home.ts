import { homedir } from 'node:os';
import { posix, resolve, win32 } from 'node:path';

/** Electron derives the userData folder from package.json's productName; ours is this. */
export const PRODUCT_NAME = 'Upstream';

export interface HomeInputs {
  /** `--home DIR` from the command line. */
  flag?: string | undefined;
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  /** The user's home folder; defaults to os.homedir(). A parameter so every platform is testable anywhere. */
  home?: string;
}

/**
 * Where settings and history live: `--home DIR` > `UPSTREAM_HOME` > the per-user app-data folder.
 * The last is exactly Electron's `app.getPath('userData')` for productName "Upstream" (appData +
 * name), so the tray app and the headless daemon on one machine share one watchlist and one
 * history without configuration. Paths are built with the target platform's rules, not the host's.
 */
export function resolveHome(inputs: HomeInputs): string {
  const flag = inputs.flag?.trim();
  if (flag) return resolve(flag);
  const fromEnv = inputs.env.UPSTREAM_HOME?.trim();
  if (fromEnv) return resolve(fromEnv);
  return appDataFolder(inputs);
}

function appDataFolder({ env, platform, home = homedir() }: HomeInputs): string {
  if (platform === 'win32') {
    // Electron: appData = %APPDATA%, which Windows always sets; the fallback is its documented default.
    const appData = env.APPDATA?.trim() || win32.join(env.USERPROFILE?.trim() || home, 'AppData', 'Roaming');
    return win32.join(appData, PRODUCT_NAME);
  }
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  // XDG Base Directory spec: a relative XDG_CONFIG_HOME is invalid and must be ignored.
  const xdg = env.XDG_CONFIG_HOME?.trim();
  const config = xdg && posix.isAbsolute(xdg) ? xdg : posix.join(home, '.config');
  return posix.join(config, PRODUCT_NAME);
}
