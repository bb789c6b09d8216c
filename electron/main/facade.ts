import type { Urgency } from '../core/changes/notification-text.ts';
import type { MenuAction, MenuItem } from './tray/menu.ts';
import type { Rect } from './windows/position.ts';

/*
 * The narrow, typed facade between Upstream's desktop logic and Electron. Everything the app
 * decides lives in plain functions and in app.ts, which sees only these interfaces; one module
 * (electron-facade.ts) implements them with Electron. Electron cannot run on machines that cannot
 * download its binary, so the tests drive app.ts through a fake of this facade.
 */

export interface TrayHandle {
  setImage(file: string): void;
  setToolTip(text: string): void;
  /** macOS: text beside the icon (the incident count); ignored elsewhere. */
  setTitle(text: string): void;
  /** Replace the context menu (Linux shows only the menu last set, so it is rebuilt on every change). */
  setMenu(items: MenuItem[], onAction: (action: MenuAction) => void): void;
  onClick(listener: () => void): void;
  /** Where the icon is on screen; null or empty where the platform does not say (often Linux). */
  bounds(): Rect | null;
}

export interface WindowOptions {
  kind: 'popover' | 'main';
  width: number;
  height: number;
  x?: number;
  y?: number;
  /** Hidden until shown (the popover, and the main window at a login start). */
  show: boolean;
}

export interface WindowHandle {
  /** Load the renderer at a route (`#/…`); later calls navigate within the loaded page. */
  show(route?: string): void;
  hide(): void;
  isVisible(): boolean;
  isDestroyed(): boolean;
  setPosition(x: number, y: number): void;
  bounds(): Rect;
  /** Send one IPC message to this window's page. */
  send(channel: string, payload: unknown): void;
  onBlur(listener: () => void): void;
  onBoundsChanged(listener: (bounds: Rect) => void): void;
  onClosed(listener: () => void): void;
}

export interface DesktopNotification {
  title: string;
  body: string;
  urgency: Urgency;
  onClick: () => void;
}

/** A small persistent store of the shell's own state (electron-store, its own file). */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

export interface DesktopShell {
  platform: NodeJS.Platform;
  execPath: string;
  homeDir: string;
  env: Readonly<Record<string, string | undefined>>;
  /** app.getPath('userData'): the folder with config.json and history.db (shared with the CLI). */
  userDataDir: string;
  /** This process's command line (process.argv: the executable first). */
  argv: readonly string[];
  /** Start the app again with these arguments (the executable's own excluded), and exit this process. */
  relaunch(args: string[]): void;
  /** False when another instance already runs: quit, that one shows its window. */
  requestSingleInstanceLock(): boolean;
  onSecondInstance(listener: () => void): void;
  whenReady(): Promise<void>;
  /** Quit requested (menu, OS, signal): call `hold()` to finish work first, then `quit()` again. */
  onBeforeQuit(listener: (hold: () => void) => void): void;
  quit(): void;
  /** macOS: no dock icon (a menu-bar app); nothing elsewhere. */
  hideDock(): void;
  /** macOS and Windows login items. */
  getLoginItem(): boolean;
  setLoginItem(enabled: boolean): void;
  /** Serve the renderer and assets on app://upstream with the CSP; returns when registered. */
  registerAppProtocol(): void;
  createTray(icon: string, tooltip: string): TrayHandle;
  createWindow(options: WindowOptions): WindowHandle;
  /** The work area of the display nearest a point, and every display's bounds. */
  workAreaNear(point: { x: number; y: number }): Rect;
  displays(): Rect[];
  /** Show a native notification; false when the OS cannot. */
  notify(notification: DesktopNotification): boolean;
  openExternal(url: string): Promise<void>;
  /**
   * A page asked to open one of the app's own addresses in a new window (the popover's "Open
   * Upstream", a link with target=_blank): no window is created; the listener gets the route.
   */
  onAppLink(listener: (route: string) => void): void;
  /** Answer renderer calls: the handler receives the sending frame as Electron reports it. */
  handleCalls(handler: (frame: { url: string; isMainFrame: boolean } | null, channel: unknown, payload: unknown) => Promise<unknown>): void;
  onPower(event: 'suspend' | 'resume', listener: () => void): void;
  store(name: string): KeyValueStore;
  /** Absolute path of a file under assets/. */
  asset(relative: string): string;
}
