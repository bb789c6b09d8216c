import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DesktopNotification, DesktopShell, KeyValueStore, TrayHandle, WindowHandle, WindowOptions } from '../../../electron/main/facade.ts';
import type { MenuAction, MenuItem } from '../../../electron/main/tray/menu.ts';
import type { Rect } from '../../../electron/main/windows/position.ts';
import { REPO_ROOT } from '../../support/paths.ts';

/** A window as the fake shell records it. */
export interface FakeWindow extends WindowHandle {
  options: WindowOptions;
  routes: string[];
  sent: { channel: string; payload: unknown }[];
  visible: boolean;
  position: { x: number; y: number };
}

/** Everything the app did through the facade, for tests to look at and drive. */
export interface FakeShell extends DesktopShell {
  tray: { image: string; tooltip: string; title: string; menu: MenuItem[]; onAction: (a: MenuAction) => void; click: () => void; bounds: Rect | null };
  windows: FakeWindow[];
  notifications: DesktopNotification[];
  opened: string[];
  quits: number;
  loginItem: boolean;
  /** Arguments of each relaunch asked for. */
  relaunches: string[][];
  call(frame: { url: string; isMainFrame: boolean } | null, channel: unknown, payload: unknown): Promise<unknown>;
  /** A page asking to open an app address in a new window (the popover's "Open Upstream"). */
  openAppLink(route: string): void;
  power(event: 'suspend' | 'resume'): void;
  beforeQuit(): boolean;
  secondInstance(): void;
}

/**
 * The facade, faked: what cannot run here is Electron itself, so the desktop logic (app.ts) runs
 * for real against this recorder. Platform, home and user-data folders are the test's.
 */
export function fakeShell(opts: { platform?: NodeJS.Platform; userDataDir: string; lock?: boolean; home?: string; argv?: string[] }): FakeShell {
  const handlers: { call?: FakeShell['call']; appLink?: (route: string) => void } = {};
  const power = new Map<string, () => void>();
  const quitListeners: ((hold: () => void) => void)[] = [];
  const second: (() => void)[] = [];
  const stores = new Map<string, Map<string, unknown>>();
  const shell: FakeShell = {
    platform: opts.platform ?? 'linux',
    execPath: '/opt/Upstream/upstream',
    homeDir: opts.home ?? mkdtempSync(join(tmpdir(), 'upstream-home-')),
    env: {},
    userDataDir: opts.userDataDir,
    tray: { image: '', tooltip: '', title: '', menu: [], onAction: () => undefined, click: () => undefined, bounds: { x: 1800, y: 0, width: 24, height: 24 } },
    windows: [],
    notifications: [],
    opened: [],
    quits: 0,
    loginItem: false,
    // Started as the package's desktop entry starts it, unless a test says otherwise.
    argv: opts.argv ?? ['/opt/Upstream/upstream', '--js-flags=--max-semi-space-size=4'],
    relaunches: [],
    relaunch: (args) => void shell.relaunches.push(args),
    requestSingleInstanceLock: () => opts.lock ?? true,
    onSecondInstance: (l) => void second.push(l),
    whenReady: async () => undefined,
    onBeforeQuit: (l) => void quitListeners.push(l),
    quit: () => void shell.quits++,
    hideDock: () => undefined,
    getLoginItem: () => shell.loginItem,
    setLoginItem: (enabled) => void (shell.loginItem = enabled),
    registerAppProtocol: () => undefined,
    createTray(icon, tooltip): TrayHandle {
      shell.tray.image = icon;
      shell.tray.tooltip = tooltip;
      return {
        setImage: (file) => void (shell.tray.image = file),
        setToolTip: (text) => void (shell.tray.tooltip = text),
        setTitle: (text) => void (shell.tray.title = text),
        setMenu: (items, onAction) => Object.assign(shell.tray, { menu: items, onAction }),
        onClick: (l) => void (shell.tray.click = l),
        bounds: () => shell.tray.bounds,
      };
    },
    createWindow(options): WindowHandle {
      const blur: (() => void)[] = [];
      const win: FakeWindow = {
        options, routes: [], sent: [], visible: options.show, position: { x: options.x ?? 0, y: options.y ?? 0 },
        show(route) {
          if (route !== undefined) win.routes.push(route);
          win.visible = true;
        },
        hide: () => void (win.visible = false),
        isVisible: () => win.visible,
        isDestroyed: () => false,
        setPosition: (x, y) => void (win.position = { x, y }),
        bounds: () => ({ ...win.position, width: options.width, height: options.height }),
        send: (channel, payload) => void win.sent.push({ channel, payload }),
        onBlur: (l) => void blur.push(l),
        onBoundsChanged: () => undefined,
        onClosed: () => undefined,
      };
      shell.windows.push(win);
      return win;
    },
    workAreaNear: () => ({ x: 0, y: 28, width: 1920, height: 1052 }),
    displays: () => [{ x: 0, y: 0, width: 1920, height: 1080 }],
    notify(n) {
      shell.notifications.push(n);
      return true;
    },
    openExternal: async (url) => void shell.opened.push(url),
    handleCalls: (handler) => void (handlers.call = handler),
    onAppLink: (listener) => void (handlers.appLink = listener),
    openAppLink: (route) => handlers.appLink?.(route),
    onPower: (event, l) => void power.set(event, l),
    store: (name): KeyValueStore => {
      const map = stores.get(name) ?? new Map<string, unknown>();
      stores.set(name, map);
      return { get: (k) => map.get(k), set: (k, v) => void map.set(k, v) };
    },
    asset: (relative) => join(REPO_ROOT, 'assets', relative),
    call: (frame, channel, payload) => handlers.call!(frame, channel, payload),
    power: (event) => power.get(event)?.(),
    beforeQuit() {
      let held = false;
      for (const l of quitListeners) l(() => void (held = true));
      return held;
    },
    secondInstance: () => second.forEach((l) => l()),
  };
  return shell;
}

/** The frame of our own page, as Electron would report it. */
export const APP_FRAME = { url: 'app://upstream/index.html#/', isMainFrame: true };
