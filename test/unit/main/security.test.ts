import { describe, expect, it } from 'vitest';
import {
  allowNavigation, allowPermission, externalUrlAllowed, secureWebPreferences, trustedSender, windowOpenDecision,
} from '../../../electron/main/windows/security.ts';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/windows/security.ts';

describe('Electron security checklist, as values', () => {
  it('makes every window isolated, sandboxed and without Node, webview or insecure content', () => {
    expect(secureWebPreferences('/app/preload.cjs')).toEqual({
      preload: '/app/preload.cjs', contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false, webviewTag: false, webSecurity: true, allowRunningInsecureContent: false,
      experimentalFeatures: false, navigateOnDragDrop: false, safeDialogs: true, spellcheck: false,
    });
  });

  it('navigates only within app://upstream, opens no window, grants only notifications to the app', () => {
    expect(allowNavigation('app://upstream/index.html#/settings')).toBe(true);
    for (const url of ['https://www.githubstatus.com', 'file:///etc/passwd', 'app://evil/index.html', 'javascript:alert(1)', 'not a url']) expect(allowNavigation(url), url).toBe(false);
    expect(windowOpenDecision()).toEqual({ action: 'deny' });
    expect(allowPermission('notifications', 'app://upstream/index.html')).toBe(true);
    for (const p of ['media', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen']) expect(allowPermission(p, 'app://upstream/index.html'), p).toBe(false);
    expect(allowPermission('notifications', 'https://evil.example')).toBe(false);
  });

  it('trusts only our page\'s main frame as an IPC sender', () => {
    expect(trustedSender({ url: 'app://upstream/index.html#/', isMainFrame: true })).toBe(true);
    expect(trustedSender({ url: 'app://upstream/index.html', isMainFrame: false })).toBe(false);
    expect(trustedSender({ url: 'https://evil.example/', isMainFrame: true })).toBe(false);
    expect(trustedSender(null)).toBe(false);
  });

  it('lets only http(s) out through openExternal', () => {
    expect(externalUrlAllowed('https://www.githubstatus.com/incidents/x')).toBe(true);
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'ms-settings:', 'https://user:pw@evil.example/']) expect(externalUrlAllowed(url), url).toBe(false);
  });

  it('serves the UI with a CSP that allows only its own script', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe');
  });
});
