import type { NotificationSettings, VendorEvent } from '../../../shared/model/index.ts';
import type { EventGroup, PlannedNotification } from './notification-text.ts';
import { groupBySubject, groupNotification, isOngoing, summaryNotification } from './notification-text.ts';
import { inQuietHours } from './quiet-hours.ts';
import type { ComponentsOf, SuppressReason } from './vendor-rules.ts';
import { suppressionOf } from './vendor-rules.ts';

export type { PlannedNotification, Urgency } from './notification-text.ts';
export type { ComponentsOf, SuppressReason } from './vendor-rules.ts';
export { componentsFromSnapshots } from './vendor-rules.ts';

/**
 * `normal`: a regular poll. `first_run`: the first poll of a vendor (everything in its feed
 * looks new). `catch_up`: the first poll after sleep or a long offline spell.
 */
export type PlanMode = 'normal' | 'first_run' | 'catch_up';

export interface PlanContext {
  now: string;
  /** The user's IANA zone, for quiet hours. */
  timeZone: string;
  mode: PlanMode;
  vendorNames: Record<string, string>;
  /** Components each event touches, for component filters (see componentsFromSnapshots). */
  componentsOf?: ComponentsOf;
}

export interface NotificationPlan {
  notifications: PlannedNotification[];
  /**
   * Every event now dealt with (shown, covered by a summary, or suppressed): mark these
   * notified/handled in the store, once. Held events are not in it.
   */
  handled: string[];
  /**
   * Events that would have notified but quiet hours are on: leave them pending and pass them
   * again, with the next poll's events, to the first plan after quiet hours end.
   */
  held: string[];
  /** Why each suppressed event did not notify. Handled events absent here were notified. */
  suppressed: Record<string, SuppressReason>;
}

/** More subjects than this in one poll become one summary notification. */
export const SUMMARY_THRESHOLD = 3;

/**
 * Decide which events notify and how. Pure: the caller stores the outcome.
 *
 * 1. Each event is checked against the settings: notifications disabled, an active snooze
 *    (one vendor or all; expired ones are ignored), the vendor's threshold (`muted`), kinds
 *    filter, component filter, impact threshold. A suppressed event is handled, not held: a
 *    snooze means "I know, stop telling me", so nothing replays when it expires.
 * 2. Events about one subject are folded into one notification (opened + three updates +
 *    resolved since the last poll is one "Resolved" notification, not five).
 * 3. Quiet hours (the user's wall clock): in normal mode the surviving events are HELD, like a
 *    phone's Do Not Disturb keeps what arrived at night: the first plan after the window ends
 *    shows them, folded per subject and summarised if many, rather than losing them or waking
 *    the user. In first_run/catch_up there is nothing worth holding (see 5): handled, `quiet_hours`.
 * 4. Normal mode: up to SUMMARY_THRESHOLD subjects notify one by one; more become ONE summary
 *    ("5 updates from 3 vendors") covering them all. The count is of subjects, not raw events.
 * 5. first_run / catch_up: the feed's history is old news. Subjects that are over (resolved,
 *    completed, recovered, back to operational) are handled as `old_news`; if any subject is
 *    still ongoing, ONE summary lists those ("2 ongoing issues at 2 vendors"); if none, no
 *    notification at all: a fresh install must not open with a pop-up about last year.
 */
/**
 * Events a `first_run` or `catch_up` plan marks `old_news` whatever the settings say: those whose
 * subject is over (its latest event back to operational). Suppressed or old news, the store records
 * them the same way (`suppressed`), so the engine stores a first read's old news as handled with the
 * poll: delivery then reads back only what is still going on, not the ≈230 events of a busy feed's
 * past. (Grouped over every event of the subject, filtered or not: a subject that is over is old
 * news even when the filters would have hidden its closing event.)
 */
export function oldNews(events: readonly VendorEvent[]): string[] {
  return groupBySubject(events).filter((g) => !isOngoing(g)).flatMap((g) => g.events.map((e) => e.id));
}

export function planNotifications(events: readonly VendorEvent[], settings: NotificationSettings, ctx: PlanContext): NotificationPlan {
  const suppressed: Record<string, SuppressReason> = {};
  const handled: string[] = [];
  const passing: VendorEvent[] = [];
  const seen = new Set<string>();
  for (const event of events) {
    if (seen.has(event.id)) continue;
    seen.add(event.id);
    const reason = suppressionOf(event, settings, ctx.now, ctx.componentsOf);
    if (reason === undefined) passing.push(event);
    else {
      suppressed[event.id] = reason;
      handled.push(event.id);
    }
  }
  const plan = (notifications: PlannedNotification[], held: string[] = []): NotificationPlan => ({ notifications, handled, held, suppressed });
  const markAll = (groups: readonly EventGroup[], reason: SuppressReason): void => {
    for (const event of groups.flatMap((g) => g.events)) {
      suppressed[event.id] = reason;
      handled.push(event.id);
    }
  };
  const notify = (notification: PlannedNotification): PlannedNotification => {
    handled.push(...notification.eventIds);
    return notification;
  };

  const groups = groupBySubject(passing);
  if (groups.length === 0) return plan([]);
  const quiet = inQuietHours(settings.quietHours, ctx.now, ctx.timeZone);

  if (ctx.mode !== 'normal') {
    if (quiet) {
      markAll(groups, 'quiet_hours');
      return plan([]);
    }
    const ongoing = groups.filter(isOngoing);
    markAll(groups.filter((g) => !isOngoing(g)), 'old_news');
    return plan(ongoing.length === 0 ? [] : [notify(summaryNotification(ongoing, ctx.vendorNames, 'ongoing'))]);
  }
  if (quiet) return plan([], passing.map((e) => e.id));
  if (groups.length > SUMMARY_THRESHOLD) return plan([notify(summaryNotification(groups, ctx.vendorNames, 'updates'))]);
  return plan(groups.map((g) => notify(groupNotification(g))));
}
