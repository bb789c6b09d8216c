/** A rectangle in screen coordinates (Electron's Rectangle shape). */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type TaskbarEdge = 'top' | 'bottom' | 'left' | 'right';

const MARGIN = 8;

/**
 * Where the taskbar (or menu bar) is, judged from where the tray icon sits relative to the work
 * area (menubar's approach): the icon lies outside the work area, on the taskbar's side.
 */
export function taskbarEdge(tray: Rect, workArea: Rect, platform: NodeJS.Platform): TaskbarEdge {
  const cx = tray.x + tray.width / 2;
  const cy = tray.y + tray.height / 2;
  if (cy < workArea.y) return 'top';
  if (cy > workArea.y + workArea.height) return 'bottom';
  if (cx < workArea.x) return 'left';
  if (cx > workArea.x + workArea.width) return 'right';
  return platform === 'darwin' ? 'top' : 'bottom';
}

/**
 * The popover's top-left corner: centred on the tray icon, on the work-area side of the taskbar,
 * and always entirely inside the work area. Linux often reports empty tray bounds; the popover
 * then goes to the corner where trays usually are (top-right on GNOME-like desktops).
 */
export function popoverPosition(tray: Rect | null, size: { width: number; height: number }, workArea: Rect, platform: NodeJS.Platform): { x: number; y: number } {
  // Keep a margin from the screen's free edges, but sit flush against the taskbar's side.
  const clamp = (x: number, y: number, marginX: number, marginY: number): { x: number; y: number } => ({
    x: Math.round(Math.min(Math.max(x, workArea.x + marginX), workArea.x + workArea.width - size.width - marginX)),
    y: Math.round(Math.min(Math.max(y, workArea.y + marginY), workArea.y + workArea.height - size.height - marginY)),
  });
  if (!tray || (tray.width === 0 && tray.height === 0)) {
    const top = platform !== 'win32';
    return clamp(workArea.x + workArea.width, top ? workArea.y : workArea.y + workArea.height, MARGIN, MARGIN);
  }
  const centreX = tray.x + tray.width / 2 - size.width / 2;
  const centreY = tray.y + tray.height / 2 - size.height / 2;
  switch (taskbarEdge(tray, workArea, platform)) {
    case 'top':
      return clamp(centreX, tray.y + tray.height + 4, MARGIN, 0);
    case 'bottom':
      return clamp(centreX, tray.y - size.height - 4, MARGIN, 0);
    case 'left':
      return clamp(tray.x + tray.width + 4, centreY, 0, MARGIN);
    case 'right':
      return clamp(tray.x - size.width - 4, centreY, 0, MARGIN);
  }
}

/**
 * Saved window bounds, if they are still on a screen (a monitor may have been unplugged since);
 * else null, and the window opens at its default place.
 */
export function visibleBounds(saved: Rect | null | undefined, displays: readonly Rect[]): Rect | null {
  if (!saved || saved.width < 200 || saved.height < 150) return null;
  const visible = displays.some((d) => {
    const w = Math.min(saved.x + saved.width, d.x + d.width) - Math.max(saved.x, d.x);
    const h = Math.min(saved.y + saved.height, d.y + d.height) - Math.max(saved.y, d.y);
    return w >= 100 && h >= 60;
  });
  return visible ? saved : null;
}
