import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { autostartEntry, linuxAutostartEnabled, setLinuxAutostart } from '../../../electron/main/lifecycle/autostart.ts';

describe('launch at login on Linux (XDG autostart)', () => {
  it('writes ~/.config/autostart/upstream.desktop under the given HOME and removes it again', async () => {
    const home = mkdtempSync(join(tmpdir(), 'upstream-autostart-'));
    const place = { env: {}, home };
    const file = join(home, '.config/autostart/upstream.desktop');
    expect(await linuxAutostartEnabled(place)).toBe(false);
    await setLinuxAutostart(true, '/opt/My Apps/Upstream.AppImage', [], place);
    expect(existsSync(file)).toBe(true);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^\[Desktop Entry\]\nType=Application\nName=Upstream\n/);
    expect(text).toContain('Exec="/opt/My Apps/Upstream.AppImage" --hidden');
    expect(await linuxAutostartEnabled(place)).toBe(true);
    await setLinuxAutostart(false, '/opt/My Apps/Upstream.AppImage', [], place);
    expect(existsSync(file)).toBe(false);
    expect(await linuxAutostartEnabled(place)).toBe(false);
  });

  it('honours an absolute XDG_CONFIG_HOME and ignores a relative one', async () => {
    const home = mkdtempSync(join(tmpdir(), 'upstream-autostart-'));
    const xdg = join(home, 'xdg');
    await setLinuxAutostart(true, '/usr/bin/upstream', [], { env: { XDG_CONFIG_HOME: xdg }, home });
    expect(existsSync(join(xdg, 'autostart/upstream.desktop'))).toBe(true);
    await setLinuxAutostart(true, '/usr/bin/upstream', [], { env: { XDG_CONFIG_HOME: 'relative/dir' }, home });
    expect(existsSync(join(home, '.config/autostart/upstream.desktop'))).toBe(true);
  });

  it('quotes an Exec path with characters the Desktop Entry spec reserves', () => {
    expect(autostartEntry('/home/a$b/Up`stream')).toContain('Exec="/home/a\\$b/Up\\`stream" --hidden');
  });
});
