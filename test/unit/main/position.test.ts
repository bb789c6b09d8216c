import { describe, expect, it } from 'vitest';
import { popoverPosition, taskbarEdge, visibleBounds } from '../../../electron/main/windows/position.ts';

const SIZE = { width: 360, height: 520 };

describe('popover position (menubar\'s approach)', () => {
  it('hangs below a macOS menu-bar icon, centred on it', () => {
    const work = { x: 0, y: 25, width: 1440, height: 875 };
    const tray = { x: 1200, y: 0, width: 22, height: 24 };
    expect(taskbarEdge(tray, work, 'darwin')).toBe('top');
    expect(popoverPosition(tray, SIZE, work, 'darwin')).toEqual({ x: 1031, y: 28 });
  });

  it('sits above a Windows taskbar icon and never leaves the screen at the right edge', () => {
    const work = { x: 0, y: 0, width: 1920, height: 1040 };
    const tray = { x: 1890, y: 1045, width: 24, height: 30 };
    expect(taskbarEdge(tray, work, 'win32')).toBe('bottom');
    // Flush with the taskbar: the work area ends at 1040, so the popover's bottom does too.
    expect(popoverPosition(tray, SIZE, work, 'win32')).toEqual({ x: 1920 - 360 - 8, y: 1040 - 520 });
  });

  it('follows a taskbar on the left or right', () => {
    const work = { x: 48, y: 0, width: 1872, height: 1080 };
    const tray = { x: 10, y: 1000, width: 24, height: 24 };
    expect(taskbarEdge(tray, work, 'linux')).toBe('left');
    expect(popoverPosition(tray, SIZE, work, 'linux')).toEqual({ x: 48, y: 1080 - 520 - 8 });
    const right = { x: 0, y: 0, width: 1872, height: 1080 };
    expect(popoverPosition({ x: 1890, y: 300, width: 24, height: 24 }, SIZE, right, 'linux')).toEqual({ x: 1872 - 360, y: 52 });
  });

  it('goes to the top-right corner when Linux does not say where the icon is', () => {
    const work = { x: 0, y: 32, width: 1920, height: 1048 };
    expect(popoverPosition(null, SIZE, work, 'linux')).toEqual({ x: 1920 - 360 - 8, y: 40 });
    expect(popoverPosition({ x: 0, y: 0, width: 0, height: 0 }, SIZE, work, 'linux')).toEqual({ x: 1552, y: 40 });
  });

  it('restores saved window bounds only while they are on a screen', () => {
    const displays = [{ x: 0, y: 0, width: 1920, height: 1080 }];
    expect(visibleBounds({ x: 100, y: 100, width: 1000, height: 700 }, displays)).toEqual({ x: 100, y: 100, width: 1000, height: 700 });
    expect(visibleBounds({ x: 2500, y: 100, width: 1000, height: 700 }, displays)).toBeNull();
    expect(visibleBounds(undefined, displays)).toBeNull();
  });
});
