import notifier from 'node-notifier';

/** What a face needs to pop a native notification. */
export interface NativeNotification {
  title: string;
  body: string;
  urgency: 'low' | 'normal' | 'critical';
}

/** The engine's view of "show this to the user"; resolves false when nothing could be shown. */
export type NotifyFn = (n: NativeNotification) => Promise<boolean>;

/**
 * Feed text is hostile: strip control characters (a newline flood or terminal escapes) and cap
 * the length. The body is also markup-escaped, because freedesktop notification servers render a
 * subset of HTML (links, images) in the body; the summary is plain text by the spec.
 */
export function sanitiseForNotification(text: string, max: number, markup: boolean): string {
  const clean = text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, ' ').replace(/\s*\n\s*/g, '\n').trim();
  const cut = clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
  return markup ? cut.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : cut;
}

/**
 * Native notifications for headless mode through node-notifier (notify-send on Linux, Notification
 * Center on macOS, toasts on Windows). The Electron app uses Electron's own Notification instead.
 */
export function nodeNotifier(appName = 'Upstream'): NotifyFn {
  return (n) =>
    new Promise((resolve) => {
      notifier.notify(
        {
          title: sanitiseForNotification(n.title, 120, false),
          message: sanitiseForNotification(n.body, 400, true) || ' ',
          urgency: n.urgency,
          'app-name': appName,
          timeout: n.urgency === 'critical' ? false : 10,
          wait: false,
        } as notifier.Notification,
        (err: Error | null) => resolve(!err),
      );
    });
}
