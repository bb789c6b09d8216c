/*
 * SECURITY-CRITICAL: Electron's security checklist, in one place. Every window is made with these
 * preferences and these policies; relaxing one reopens a known hole (the comments name which).
 * https://www.electronjs.org/docs/latest/tutorial/security
 */

/** The scheme and host the UI is served from (custom protocol, not file://: origins stay distinct). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'upstream';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The subset of Electron's WebPreferences we set; all of them, always. */
export interface SecureWebPreferences {
  preload: string;
  /** The page's scripts and the preload's run in separate worlds. */
  contextIsolation: true;
  /** The renderer process is OS-sandboxed; the preload gets only a few modules. */
  sandbox: true;
  /** No Node in the page, its workers or its frames: feed text must never reach require(). */
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  /** <webview> would be a way around every rule here. */
  webviewTag: false;
  /** Same-origin policy stays on; no http content inside the app page. */
  webSecurity: true;
  allowRunningInsecureContent: false;
  experimentalFeatures: false;
  /** Dropping a file or link on the window must not navigate it away. */
  navigateOnDragDrop: false;
  /** A page that loops on alert() cannot lock the window. */
  safeDialogs: true;
  spellcheck: false;
}

export function secureWebPreferences(preload: string): SecureWebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
  };
}

/** The UI's own pages only; the app never navigates anywhere else (links open outside, by id). */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

/** will-navigate / will-redirect: only within the app (a reload, a hash change). */
export function allowNavigation(url: string): boolean {
  return isAppUrl(url);
}

/** window.open / target=_blank: never a new Electron window; links go through `links.open`. */
export function windowOpenDecision(): { action: 'deny' } {
  return { action: 'deny' };
}

/** Permission requests: notifications only (the UI may ask), nothing else ever. */
export function allowPermission(permission: string, requestingUrl: string): boolean {
  return permission === 'notifications' && isAppUrl(requestingUrl);
}

/**
 * IPC is answered only for our own page's main frame: a frame of another origin (if one ever
 * loaded) or a sub-frame gets nothing, as VS Code and GitHub Desktop check.
 */
export function trustedSender(frame: { url: string; isMainFrame: boolean } | null | undefined): boolean {
  return !!frame && frame.isMainFrame && isAppUrl(frame.url);
}

/** Only http(s) leaves the app through shell.openExternal: never file:, javascript:, custom schemes. */
export function externalUrlAllowed(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}

/** The Content-Security-Policy of app:// responses: the same as `upstream serve`'s. */
export { CONTENT_SECURITY_POLICY } from '../../headless/serve/policy.ts';
