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
 * Feed text is hostile: strip control characters (a newline flood or terminal escapes), cap the
 * length, and escape markup because notification servers render a subset of HTML in the body.
 */
export function sanitiseForNotification(text: string, max: number): string {
  const clean = text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, ' ').replace(/\s*\n\s*/g, '\n').trim();
  const cut = clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
  return cut.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
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
          title: sanitiseForNotification(n.title, 120),
          message: sanitiseForNotification(n.body, 400) || ' ',
          urgency: n.urgency,
          'app-name': appName,
          timeout: n.urgency === 'critical' ? false : 10,
          wait: false,
        } as notifier.Notification,
        (err: Error | null) => resolve(!err),
      );
    });
}
