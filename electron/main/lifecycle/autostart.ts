import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Launch at login on Linux: an XDG autostart entry (freedesktop.org Desktop Application Autostart
 * Specification), which every mainstream desktop honours. macOS and Windows use the OS's own login
 * items through Electron (app.setLoginItemSettings), behind the facade.
 */
export const AUTOSTART_FILE = 'upstream.desktop';

/** $XDG_CONFIG_HOME/autostart, or ~/.config/autostart (a relative XDG_CONFIG_HOME is ignored, per the spec). */
export function autostartDir(env: Readonly<Record<string, string | undefined>>, home: string): string {
  const xdg = env.XDG_CONFIG_HOME?.trim();
  return join(xdg && xdg.startsWith('/') ? xdg : join(home, '.config'), 'autostart');
}

/**
 * The desktop entry. Exec is quoted per the Desktop Entry spec (a path with spaces, as AppImages
 * often have), and `--hidden` starts in the tray without opening the window.
 */
export function autostartEntry(execPath: string, args: readonly string[] = []): string {
  const quote = (arg: string): string => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `"${arg.replace(/(["`$\\])/g, '\\$1')}"`);
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Upstream',
    'Comment=Know when the SaaS vendors you depend on have an incident',
    `Exec=${[execPath, ...args, '--hidden'].map(quote).join(' ')}`,
    'Icon=upstream',
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

export interface AutostartPlace {
  env: Readonly<Record<string, string | undefined>>;
  home: string;
}

export async function setLinuxAutostart(enabled: boolean, execPath: string, args: readonly string[], place: AutostartPlace): Promise<void> {
  const dir = autostartDir(place.env, place.home);
  const file = join(dir, AUTOSTART_FILE);
  if (!enabled) return rm(file, { force: true });
  await mkdir(dir, { recursive: true });
  await writeFile(file, autostartEntry(execPath, args), { mode: 0o644 });
}

export async function linuxAutostartEnabled(place: AutostartPlace): Promise<boolean> {
  const text = await readFile(join(autostartDir(place.env, place.home), AUTOSTART_FILE), 'utf8').catch(() => null);
  return text !== null && !/^Hidden=true$/m.test(text) && !/^X-GNOME-Autostart-enabled=false$/m.test(text);
}
