import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

/** One Notify call as it crossed the bus. */
export interface CapturedNotification {
  appName: string;
  summary: string;
  body: string;
  /** 0 low, 1 normal, 2 critical (the freedesktop urgency hint), null when not sent. */
  urgency: number | null;
}

export interface NotificationBus {
  /** Environment for a child that should notify on this bus (DBUS_SESSION_BUS_ADDRESS, DISPLAY). */
  env: Record<string, string>;
  captured(): CapturedNotification[];
  /** Resolve once at least `n` notifications were captured (or reject after `timeoutMs`). */
  waitFor(n: number, timeoutMs?: number): Promise<CapturedNotification[]>;
  close(): Promise<void>;
}

export const NOTIFICATION_DAEMON = '/usr/lib/notification-daemon/notification-daemon';

/** The Debian packages this machine lacks for a real notification round trip (the README's set-up installs them). */
export function missingForNotificationBus(): string[] {
  const needs: [string, string][] = [
    ['/usr/bin/dbus-daemon', 'dbus'], ['/usr/bin/dbus-monitor', 'dbus'], ['/usr/bin/notify-send', 'libnotify-bin'],
    ['/usr/bin/Xvfb', 'xvfb'], [NOTIFICATION_DAEMON, 'notification-daemon'],
  ];
  return [...new Set(needs.filter(([path]) => !existsSync(path)).map(([, pkg]) => pkg))];
}

/**
 * A private D-Bus session bus with a real notification server (notification-daemon on an Xvfb
 * display) and dbus-monitor eavesdropping on org.freedesktop.Notifications.Notify: what the
 * daemon sends through notify-send is captured exactly as a desktop would receive it.
 */
export async function startNotificationBus(): Promise<NotificationBus> {
  const children: ChildProcess[] = [];
  const display = `:${90 + Math.floor(Math.random() * 800)}`;
  const xvfb = spawn('Xvfb', [display, '-screen', '0', '640x480x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
  children.push(xvfb);
  const bus = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1'], { stdio: ['ignore', 'pipe', 'ignore'] });
  children.push(bus);
  const address = await new Promise<string>((resolve, reject) => {
    let text = '';
    bus.stdout!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('\n')) resolve(text.split('\n')[0]!.trim());
    });
    bus.once('exit', () => reject(new Error('dbus-daemon exited')));
  });
  const env = { DBUS_SESSION_BUS_ADDRESS: address, DISPLAY: display };
  await new Promise((r) => setTimeout(r, 300)); // Xvfb accepting connections
  const server = spawn(NOTIFICATION_DAEMON, [], { env: { ...process.env, ...env }, stdio: 'ignore' });
  children.push(server);
  const monitor = spawn('dbus-monitor', ['--address', address, "interface='org.freedesktop.Notifications',member='Notify'"], { stdio: ['ignore', 'pipe', 'ignore'] });
  children.push(monitor);
  let log = '';
  monitor.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  await waitUntil(() => log.includes('NameAcquired') || log.length > 0, 5_000);
  await waitForServer(env);

  const captured = (): CapturedNotification[] => parseMonitor(log);
  return {
    env,
    captured,
    async waitFor(n, timeoutMs = 10_000) {
      await waitUntil(() => captured().length >= n, timeoutMs);
      return captured();
    },
    async close() {
      for (const child of children.reverse()) child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 100));
    },
  };
}

/**
 * Parse dbus-monitor's text: each Notify call lists app_name, replaces_id, icon, summary, body,
 * actions, hints, timeout as top-level items indented by three spaces. Strings are printed raw
 * (quotes unescaped, newlines kept), so items are split on the indentation, not on quotes.
 */
export function parseMonitor(text: string): CapturedNotification[] {
  const out: CapturedNotification[] = [];
  for (const block of text.split(/\n(?=method call )/).filter((b) => b.startsWith('method call ') && b.includes('member=Notify'))) {
    const items = block.split(/\n {3}(?=\S)/).slice(1);
    const str = (i: number): string => /^string "([\s\S]*)"$/.exec(items[i]?.trimEnd() ?? '')?.[1] ?? '';
    const urgency = /string "urgency"\s+variant\s+byte (\d)/.exec(block);
    out.push({ appName: str(0), summary: str(3), body: str(4), urgency: urgency ? Number(urgency[1]) : null });
  }
  return out;
}

async function waitForServer(env: Record<string, string>): Promise<void> {
  // The server is up when the bus knows its name.
  await waitUntil(async () => {
    const probe = spawn('dbus-send', ['--session', '--print-reply', '--dest=org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus.NameHasOwner', 'string:org.freedesktop.Notifications'], { env: { ...process.env, ...env } });
    let out = '';
    probe.stdout.on('data', (c: Buffer) => (out += c.toString()));
    await new Promise((r) => probe.once('exit', r));
    return out.includes('boolean true');
  }, 10_000);
}

async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
