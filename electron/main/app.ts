import { IPC } from '../../shared/contract/ipc.ts';
import type { EngineMessage } from '../../shared/contract/events.ts';
import type { Settings } from '../../shared/contract/settings.ts';
import type { EngineState, VendorView } from '../../shared/contract/vendors.ts';
import { trayIconFile } from '../../assets/icons.ts';
import type { PlannedNotification } from '../core/changes/notification-text.ts';
import { electronJsFlags } from '../core/engine/lean-runtime.ts';
import { openUpstream, type Upstream, type UpstreamOptions } from '../core/upstream/open.ts';
import type { DesktopShell, WindowHandle } from './facade.ts';
import { createIpcBridge } from './ipc/bridge.ts';
import { linuxAutostartEnabled, setLinuxAutostart } from './lifecycle/autostart.ts';
import { leanRelaunchArgs } from './lifecycle/lean-start.ts';
import { routeForNotification } from './notifications/route.ts';
import { trayMenu, type MenuAction } from './tray/menu.ts';
import { trayView } from './tray/state.ts';
import { trayTooltip } from './tray/tooltip.ts';
import { popoverPosition, visibleBounds, type Rect } from './windows/position.ts';

export const POPOVER_SIZE = { width: 360, height: 520 };
export const MAIN_SIZE = { width: 1100, height: 760 };

export interface DesktopOptions {
  /** Started by the OS at login (`--hidden`): stay in the tray. */
  hidden?: boolean;
  /** Engine options for tests (timing, HTTP); the app leaves the defaults. */
  upstream?: Omit<UpstreamOptions, 'home' | 'notify'>;
  now?: () => Date;
}

/** The running desktop app, for tests and for a clean quit. */
export interface Desktop {
  upstream: Upstream;
  /** Re-read the engine and redraw the tray (tests await it; messages trigger it in the app). */
  refreshTray(): Promise<void>;
  /** Run a tray menu action as a click would. */
  act(action: MenuAction): Promise<void>;
  showWindow(route?: string): WindowHandle;
  togglePopover(): void;
  quit(): Promise<void>;
}

/**
 * The desktop app's wiring, through the facade only: one engine root, a tray that mirrors its
 * state, a popover and a main window loading the renderer, native notifications that open what
 * they are about, IPC to the renderer, sleep and wake, launch at login, and a quit that lets the
 * poll in flight commit. Returns null when another instance already runs (that one shows itself),
 * or when this one was started without the engine's V8 settings and starts again with them.
 */
export async function startDesktop(shell: DesktopShell, options: DesktopOptions = {}): Promise<Desktop | null> {
  // Before the single-instance lock: the relaunched process takes it (or, a second launch, tells
  // the running instance to show itself).
  const relaunch = leanRelaunchArgs(shell.argv);
  if (relaunch) {
    shell.relaunch(relaunch);
    return null;
  }
  if (!shell.requestSingleInstanceLock()) {
    shell.quit();
    return null;
  }
  await shell.whenReady();
  shell.hideDock();
  shell.registerAppProtocol();
  const now = options.now ?? (() => new Date());

  let main: WindowHandle | null = null;
  let popover: WindowHandle | null = null;
  const windowState = shell.store('window-state');

  const showWindow = (route?: string): WindowHandle => {
    if (!main || main.isDestroyed()) {
      const saved = visibleBounds(windowState.get('main') as Rect | undefined, shell.displays());
      main = shell.createWindow({ kind: 'main', show: true, ...(saved ?? MAIN_SIZE) });
      main.onBoundsChanged((bounds) => windowState.set('main', bounds));
      main.onClosed(() => (main = null));
    }
    main.show(route);
    return main;
  };
  shell.onSecondInstance(() => void showWindow());
  shell.onAppLink((route) => {
    popover?.hide();
    showWindow(route);
  });

  const notify = (n: PlannedNotification): Promise<boolean> => Promise.resolve(shell.notify({
    title: n.title, body: n.body, urgency: n.urgency,
    onClick: () => void showWindow(routeForNotification(n)),
  }));
  const opened = await openUpstream({ ...options.upstream, home: shell.userDataDir, notify });
  if (!opened.ok) throw new Error(opened.message);
  const upstream = opened.upstream;

  // IPC: calls from our page only, validated; messages to every open window.
  const bridge = createIpcBridge({ upstream, openExternal: (url) => shell.openExternal(url) });
  shell.handleCalls((frame, channel, payload) => bridge(frame, channel, payload));
  const windows = (): WindowHandle[] => [main, popover].filter((w): w is WindowHandle => !!w && !w.isDestroyed());
  upstream.subscribe((message: EngineMessage) => {
    for (const w of windows()) w.send(IPC.message, message);
    if (message.type !== 'poll' && message.type !== 'progress') scheduleTray();
  });

  // The tray: icon, count, tooltip and menu from the engine's state, rebuilt on every change.
  const tray = shell.createTray(shell.asset(trayIconFile('unknown', { platform: trayPlatform(shell.platform), size: 16, scale: 1 })), 'Upstream');
  const togglePopover = (): void => {
    if (popover && !popover.isDestroyed() && popover.isVisible()) return popover.hide();
    const anchor = tray.bounds();
    const area = shell.workAreaNear(anchor ? { x: anchor.x, y: anchor.y } : { x: 0, y: 0 });
    const at = popoverPosition(anchor, POPOVER_SIZE, area, shell.platform);
    if (!popover || popover.isDestroyed()) {
      popover = shell.createWindow({ kind: 'popover', show: false, ...POPOVER_SIZE, ...at });
      popover.onBlur(() => popover?.hide());
      popover.onClosed(() => (popover = null));
    }
    popover.setPosition(at.x, at.y);
    popover.show('#/popover');
  };
  tray.onClick(togglePopover);

  const loginItem = async (): Promise<boolean> => (shell.platform === 'linux'
    ? linuxAutostartEnabled({ env: shell.env, home: shell.homeDir })
    : shell.getLoginItem());

  const act = async (action: MenuAction): Promise<void> => {
    switch (action.type) {
      case 'open':
        showWindow(action.route);
        return;
      case 'refresh':
        await upstream.call('vendors.refresh', {});
        return;
      case 'pause':
        await upstream.call('notifications.snooze', { vendorId: null, minutes: action.minutes });
        return;
      case 'resume':
        await upstream.call('notifications.snooze', { vendorId: null, minutes: 0 });
        return;
      case 'launch-at-login':
        if (shell.platform === 'linux') await setLinuxAutostart(action.enabled, shell.execPath, [electronJsFlags()], { env: shell.env, home: shell.homeDir });
        else shell.setLoginItem(action.enabled);
        await refreshTray();
        return;
      case 'quit':
        shell.quit();
        return;
      default:
        action satisfies never;
    }
  };

  let pending: Promise<void> | null = null;
  const refreshTray = async (): Promise<void> => {
    const [state, vendors, settings] = await Promise.all([upstream.call('engine.state', {}), upstream.call('vendors.list', {}), upstream.call('settings.get', {})]);
    drawTray(state.ok ? state.value : null, vendors.ok ? vendors.value : [], settings.ok ? settings.value : null, await loginItem());
  };
  function scheduleTray(): void {
    // Messages come in bursts (a poll sends events, a view and a state): redraw once per burst.
    pending ??= new Promise<void>((resolve) => setTimeout(resolve, 150)).then(refreshTray).finally(() => (pending = null));
  }
  const drawTray = (state: EngineState | null, vendors: VendorView[], settings: Settings | null, launchAtLogin: boolean): void => {
    const view = trayView(state, vendors);
    const platform = trayPlatform(shell.platform);
    tray.setImage(shell.asset(trayIconFile(view.state, { platform, size: 16, scale: 1, count: view.incidents })));
    tray.setTitle(platform === 'darwin' && view.incidents > 0 ? String(view.incidents) : '');
    tray.setToolTip(trayTooltip(view, vendors));
    tray.setMenu(trayMenu({ view, vendors, settings, launchAtLogin, now: now() }), (action) => void act(action));
  };

  // Sleep stops polling; waking catches everyone up, summarised (the engine's rules).
  shell.onPower('suspend', () => upstream.pause());
  shell.onPower('resume', () => upstream.resume());

  // Quit: hold it once, let the poll in flight commit and the history close, then go.
  let quitting: Promise<void> | null = null;
  const quit = (): Promise<void> => (quitting ??= upstream.stop());
  shell.onBeforeQuit((hold) => {
    if (quitting) return;
    hold();
    void quit().then(() => shell.quit());
  });

  upstream.start();
  await refreshTray();
  if (!options.hidden) showWindow('#/');
  return { upstream, refreshTray, act, showWindow, togglePopover, quit };
}

function trayPlatform(platform: NodeJS.Platform): 'linux' | 'win32' | 'darwin' {
  return platform === 'darwin' || platform === 'win32' ? platform : 'linux';
}
