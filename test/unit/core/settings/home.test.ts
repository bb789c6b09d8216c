import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveHome } from '../../../../electron/core/settings/home.ts';

describe('resolveHome', () => {
  it('uses --home first, even when UPSTREAM_HOME is set', () => {
    expect(resolveHome({ flag: '/srv/upstream', env: { UPSTREAM_HOME: '/elsewhere' }, platform: 'linux', home: '/home/ann' }))
      .toBe(resolve('/srv/upstream'));
  });

  it('resolves a relative --home against the working directory', () => {
    expect(resolveHome({ flag: 'data', env: {}, platform: 'linux', home: '/home/ann' })).toBe(resolve('data'));
  });

  it('uses UPSTREAM_HOME when there is no flag, ignoring an empty one', () => {
    expect(resolveHome({ env: { UPSTREAM_HOME: '/var/lib/upstream' }, platform: 'linux', home: '/home/ann' }))
      .toBe(resolve('/var/lib/upstream'));
    expect(resolveHome({ flag: ' ', env: { UPSTREAM_HOME: '' }, platform: 'linux', home: '/home/ann' }))
      .toBe('/home/ann/.config/Upstream');
  });

  it('on Linux shares ~/.config/Upstream with the Electron app, or $XDG_CONFIG_HOME/Upstream', () => {
    expect(resolveHome({ env: {}, platform: 'linux', home: '/home/ann' })).toBe('/home/ann/.config/Upstream');
    expect(resolveHome({ env: { XDG_CONFIG_HOME: '/home/ann/cfg' }, platform: 'linux', home: '/home/ann' }))
      .toBe('/home/ann/cfg/Upstream');
  });

  it('ignores a relative XDG_CONFIG_HOME, as the XDG spec requires', () => {
    expect(resolveHome({ env: { XDG_CONFIG_HOME: 'cfg' }, platform: 'linux', home: '/home/ann' })).toBe('/home/ann/.config/Upstream');
  });

  it('on macOS uses ~/Library/Application Support/Upstream', () => {
    expect(resolveHome({ env: {}, platform: 'darwin', home: '/Users/ann' })).toBe('/Users/ann/Library/Application Support/Upstream');
  });

  it('on Windows uses %APPDATA%\\Upstream, falling back to the profile\'s AppData\\Roaming', () => {
    expect(resolveHome({ env: { APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, platform: 'win32', home: 'C:\\Users\\ann' }))
      .toBe('C:\\Users\\ann\\AppData\\Roaming\\Upstream');
    expect(resolveHome({ env: { USERPROFILE: 'D:\\Profiles\\ann' }, platform: 'win32', home: 'C:\\Users\\ann' }))
      .toBe('D:\\Profiles\\ann\\AppData\\Roaming\\Upstream');
  });

  it('treats other Unixes like Linux', () => {
    expect(resolveHome({ env: {}, platform: 'freebsd', home: '/usr/home/ann' })).toBe('/usr/home/ann/.config/Upstream');
  });
});
