import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  app, BrowserWindow, Menu, nativeImage, Notification, powerMonitor, protocol, screen, session, shell as electronShellApi, Tray, ipcMain,
  type MenuItemConstructorOptions,
} from 'electron';
import Store from 'electron-store';
import { IPC } from '../../shared/contract/ipc.ts';
import { electronJsFlags } from '../core/engine/lean-runtime.ts';
import { readStatic } from '../headless/serve/static-files.ts';
import type { DesktopShell, KeyValueStore, TrayHandle, WindowHandle, WindowOptions } from './facade.ts';
import type { MenuAction, MenuItem } from './tray/menu.ts';
import {
  allowNavigation, allowPermission, APP_HOST, APP_ORIGIN, APP_SCHEME, CONTENT_SECURITY_POLICY, externalUrlAllowed, isAppUrl, secureWebPreferences,
  windowOpenDecision,
} from './windows/security.ts';

/*
 * The one module of the main process that touches Electron (besides the preload). It implements
 * the facade with Electron's APIs and applies the security policies of windows/security.ts to
 * every web contents. Not unit-tested (Electron cannot run here); everything it decides is a
 * call into a tested pure function.
 */

/** Where the built files are: next to this bundle in dist-electron/, the renderer and assets beside it. */
const HERE = typeof __dirname === 'string' ? __dirname : fileURLToPath(new URL('.', import.meta.url)); // the bundle is CommonJS
const ROOT = join(HERE, '..');
const RENDERER = join(ROOT, 'renderer', 'dist');
const ASSETS = join(ROOT, 'assets');

// Before `ready`: app:// is a standard, secure scheme (origin, storage, fetch behave as for https).
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

/** Where "open this app address in a new window" goes (app.ts shows the main window there). */
let appLinkListener: ((route: string) => void) | null = null;

// SECURITY-CRITICAL: every web contents, whatever made it, gets the navigation and window rules.
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event, url) => {
    if (!allowNavigation(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!allowNavigation(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // Never a new window; an address of our own is shown in the main window instead.
    if (isAppUrl(url)) appLinkListener?.(new URL(url).hash || '#/');
    return windowOpenDecision();
  });
});

function menuTemplate(items: MenuItem[], onAction: (action: MenuAction) => void): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    switch (item.kind) {
      case 'separator':
        return { type: 'separator' };
      case 'submenu':
        return { label: item.label, submenu: menuTemplate(item.items, onAction) };
      case 'checkbox':
        return { type: 'checkbox', label: item.label, checked: item.checked, click: () => onAction(item.action) };
      default:
        return { label: item.label, enabled: item.enabled, ...(item.action ? { click: () => onAction(item.action!) } : {}) };
    }
  });
}

function trayHandle(tray: Tray): TrayHandle {
  return {
    setImage: (file) => tray.setImage(nativeImage.createFromPath(file)),
    setToolTip: (text) => tray.setToolTip(text),
    setTitle: (text) => tray.setTitle(text),
    setMenu: (items, onAction) => tray.setContextMenu(Menu.buildFromTemplate(menuTemplate(items, onAction))),
    onClick: (listener) => void tray.on('click', listener),
    bounds: () => {
      const b = tray.getBounds();
      return b.width === 0 && b.height === 0 ? null : b;
    },
  };
}

function windowHandle(options: WindowOptions): WindowHandle {
  const win = new BrowserWindow({
    width: options.width, height: options.height, ...(options.x !== undefined ? { x: options.x, y: options.y } : {}),
    show: options.show, title: 'Upstream', backgroundColor: '#f6f8fa',
    ...(options.kind === 'popover' ? { frame: false, resizable: false, skipTaskbar: true, alwaysOnTop: true, fullscreenable: false } : { minWidth: 720, minHeight: 480 }),
    webPreferences: secureWebPreferences(join(ROOT, 'dist-electron', 'preload.cjs')),
  });
  let loaded = false;
  return {
    show(route) {
      const url = `${APP_ORIGIN}/index.html${route ?? ''}`;
      if (!loaded || route) void win.loadURL(url);
      loaded = true;
      win.show();
      win.focus();
    },
    hide: () => win.hide(),
    isVisible: () => win.isVisible(),
    isDestroyed: () => win.isDestroyed(),
    setPosition: (x, y) => win.setPosition(x, y),
    bounds: () => win.getBounds(),
    send: (channel, payload) => {
      if (!win.isDestroyed()) win.webContents.send(channel, payload);
    },
    onBlur: (listener) => void win.on('blur', listener),
    onBoundsChanged: (listener) => {
      const save = (): void => listener(win.getBounds());
      win.on('resized', save);
      win.on('moved', save);
    },
    onClosed: (listener) => void win.on('closed', listener),
  };
}

export function electronShell(): DesktopShell {
  return {
    platform: process.platform,
    execPath: process.env.APPIMAGE ?? process.execPath,
    homeDir: app.getPath('home'),
    env: process.env,
    userDataDir: app.getPath('userData'),
    argv: process.argv,
    relaunch: (args) => {
      app.relaunch({ args });
      app.exit(0);
    },
    requestSingleInstanceLock: () => app.requestSingleInstanceLock(),
    onSecondInstance: (listener) => void app.on('second-instance', listener),
    whenReady: () => app.whenReady(),
    onBeforeQuit: (listener) => void app.on('before-quit', (event) => listener(() => event.preventDefault())),
    quit: () => app.quit(),
    hideDock: () => app.dock?.hide(),
    getLoginItem: () => app.getLoginItemSettings().openAtLogin,
    setLoginItem: (enabled) => app.setLoginItemSettings({ openAtLogin: enabled, args: [electronJsFlags(), '--hidden'] }),
    registerAppProtocol() {
      protocol.handle(APP_SCHEME, async (request) => {
        const url = new URL(request.url);
        if (url.host !== APP_HOST) return new Response('Not found', { status: 404 });
        const file = url.pathname.startsWith('/assets/tray/') ? await readStatic(ASSETS, url.pathname.slice('/assets'.length)) : await readStatic(RENDERER, url.pathname);
        if (!file) return new Response('Not found', { status: 404 });
        return new Response(new Uint8Array(file.body), { headers: { 'content-type': file.contentType, 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff' } });
      });
      const check = (permission: string, requestingUrl: string): boolean => allowPermission(permission, requestingUrl);
      session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) => callback(check(permission, details.requestingUrl)));
      session.defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin) => check(permission, requestingOrigin));
    },
    createTray: (icon, tooltip) => {
      const handle = trayHandle(new Tray(nativeImage.createFromPath(icon)));
      handle.setToolTip(tooltip);
      return handle;
    },
    createWindow: windowHandle,
    workAreaNear: (point) => screen.getDisplayNearestPoint(point).workArea,
    displays: () => screen.getAllDisplays().map((d) => d.bounds),
    notify(n) {
      if (!Notification.isSupported()) return false;
      const notification = new Notification({ title: n.title, body: n.body, urgency: n.urgency, silent: n.urgency === 'low' });
      notification.on('click', n.onClick);
      notification.show();
      return true;
    },
    openExternal: async (url) => {
      // The bridge already checked; checked again here because this is the last door.
      if (externalUrlAllowed(url)) await electronShellApi.openExternal(url);
    },
    onAppLink: (listener) => void (appLinkListener = listener),
    handleCalls(handler) {
      ipcMain.handle(IPC.call, (event, channel: unknown, payload: unknown) => {
        const frame = event.senderFrame;
        return handler(frame ? { url: frame.url, isMainFrame: frame === event.sender.mainFrame } : null, channel, payload);
      });
    },
    onPower: (event, listener) => void powerMonitor.on(event as 'suspend', listener),
    store: (name): KeyValueStore => {
      // Its own file (`name`), never the engine's config.json.
      const store = new Store<Record<string, unknown>>({ name });
      return { get: (key) => store.get(key), set: (key, value) => store.set(key, value) };
    },
    asset: (relative) => join(ASSETS, relative),
  };
}
