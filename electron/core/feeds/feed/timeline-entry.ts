import type { FeedWarning, IncidentStatus, IncidentUpdate, MaintenanceStatus, MaintenanceUpdate } from '../../../../shared/model/index.ts';
import { isIncidentClosed } from '../../../../shared/model/index.ts';
import { EntryWarnings } from './entry-warnings.ts';
import { feedIncident } from './items.ts';
import type { FeedItem } from './items.ts';
import { incidentStatusFor, labelMeaning, maintenanceStatusFor } from './labels.ts';
import { instatusBody, instatusComponents } from './instatus-text.ts';
import { readPrelude } from './prelude.ts';
import type { FeedEntry } from './read-feed.ts';
import { chronological, postingRanks, standingClose } from './steps.ts';
import type { ListingOrder, Step } from './steps.ts';
import type { LabelMeaning } from './labels.ts';
import type { ParsedTimeline } from './timeline.ts';
import { resolveStamp, spanOf, zoneOffset } from './year.ts';

/** Which platform wrote the timeline: decides block order and Instatus's text quirks. */
export interface TimelineOptions { platform: 'statuspage' | 'instatus' }

/**
 * A Statuspage or Instatus entry with a rendered timeline → an incident or a maintenance.
 * Incidents get `minor` impact, as every feed incident does (see {@link feedIncident}). An entry
 * is a maintenance when Instatus says `Type: Maintenance`, when it has a scheduled-event banner,
 * or when any label is a maintenance word. Its status is the last status in time unless a
 * closing block still stands (see steps.ts: same-minute and earlier-posted blocks never reopen).
 */
export function timelineEntryToItem(
  entry: FeedEntry, timeline: ParsedTimeline, id: string, fallbackAnchor: string, warnings: FeedWarning[], options: TimelineOptions,
): FeedItem {
  const say = new EntryWarnings(warnings, entry, id);
  for (const text of timeline.unread) say.unreadStamp(text);
  const prelude = readPrelude(timeline.prelude);
  const read = readSteps(entry, timeline, fallbackAnchor, say, options);
  const maintenance = prelude.type === 'maintenance'
    || (prelude.type !== 'incident' && (prelude.window !== undefined || read.some((s) => s.meaning.kind === 'maintenance')));
  const steps = chronological(read.map((s) => ({ ...s, closes: closes(s.meaning) })));
  const closing = standingClose(steps);
  const components = prelude.components.length > 0 || options.platform !== 'instatus' ? prelude.components : instatusComponents(entry.summary);
  const base = { id, title: entry.title ?? '(untitled)', url: entry.link ?? null, components };

  if (maintenance) {
    const updates: MaintenanceUpdate[] = [];
    let previous: MaintenanceStatus | undefined;
    for (const step of steps) {
      previous = maintenanceStatusFor(step.meaning, previous);
      updates.push({ id: null, status: previous, label: step.label, body: step.body, at: step.at });
    }
    const status: MaintenanceStatus = closing ? 'completed' : previous ?? 'scheduled';
    return { kind: 'maintenance', maintenance: { ...base, status, ...maintenanceWindow(entry, prelude, updates, status, fallbackAnchor) } };
  }

  const updates: IncidentUpdate[] = [];
  let previous: IncidentStatus | undefined;
  for (const step of steps) {
    previous = incidentStatusFor(step.meaning, previous);
    updates.push({ id: null, status: previous, label: step.label, body: step.body, at: step.at });
  }
  const status: IncidentStatus = closing ? (closing.meaning.kind === 'incident' && closing.meaning.status === 'postmortem' ? 'postmortem' : 'resolved') : previous ?? 'investigating';
  return feedIncident({
    ...base,
    status,
    startedAt: updates[0]?.at ?? entry.published ?? entry.updated ?? fallbackAnchor,
    resolvedAt: isIncidentClosed(status) ? updates.findLast((u) => u.status === 'resolved')?.at ?? closing?.at ?? null : null,
    updates,
    postmortem: updates.findLast((u) => u.status === 'postmortem')?.body ?? null,
  });
}

/** Blocks as UTC steps in document order, with their posting order; warns once per unknown zone or label. */
function readSteps(entry: FeedEntry, timeline: ParsedTimeline, fallbackAnchor: string, say: EntryWarnings, options: TimelineOptions): Step[] {
  const span = spanOf([entry.published, entry.updated], fallbackAnchor);
  const ms = timeline.blocks.map((block) => resolveStamp(block.stamp, span, entry.dateOffset));
  const order: ListingOrder = options.platform === 'statuspage' ? 'newestFirst' : 'unknown';
  const ranks = postingRanks(ms, order);
  return timeline.blocks.map((block, i): Step => {
    if (block.stamp.zone === '' || zoneOffset(block.stamp.zone) === undefined) say.unknownZone(block.stamp.zone, block.stampText);
    const meaning = labelMeaning(block.label);
    if (meaning.kind === 'unknown') say.unknownLabel(block.label);
    const at = ms[i] ?? 0;
    const body = options.platform === 'instatus' ? instatusBody(block.body) : block.body;
    return { ms: at, at: new Date(at).toISOString(), label: block.label, body, meaning, rank: ranks[i] ?? i, closes: false };
  });
}

/** Resolved and Postmortem close an incident; Completed (or an incident's closing word) a maintenance. */
function closes(meaning: LabelMeaning): boolean {
  if (meaning.kind === 'incident') return isIncidentClosed(meaning.status);
  return meaning.kind === 'maintenance' && meaning.status === 'completed';
}

/**
 * When a maintenance runs. The banner is the schedule as published; without it (the banner goes
 * once the work starts) the first "In progress" is the start. Statuspage sets `<published>` to
 * the scheduled start while upcoming [F: 2023-02-08 GitHub maintenance], hence the next fallback.
 * Instatus gives a `Duration:` instead of an end.
 */
function maintenanceWindow(
  entry: FeedEntry, prelude: ReturnType<typeof readPrelude>, updates: MaintenanceUpdate[], status: MaintenanceStatus, fallbackAnchor: string,
): { scheduledFor: string; scheduledUntil: string | null; updates: MaintenanceUpdate[] } {
  const windowSpan = spanOf([entry.published ?? entry.updated], fallbackAnchor);
  const window = prelude.window;
  const started = updates.find((u) => u.status === 'in_progress')?.at;
  const scheduledFor = window ? new Date(resolveStamp(window.start, windowSpan, entry.dateOffset)).toISOString()
    : started ?? (status === 'scheduled' ? entry.published : undefined) ?? updates[0]?.at ?? entry.published ?? fallbackAnchor;
  const startMs = Date.parse(scheduledFor);
  let scheduledUntil: string | null = window?.end ? new Date(resolveStamp(window.end, { from: startMs, to: startMs }, entry.dateOffset)).toISOString() : null;
  scheduledUntil ??= updates.findLast((u) => u.status === 'completed')?.at ?? null;
  if (scheduledUntil === null && prelude.durationMinutes !== undefined) {
    scheduledUntil = new Date(startMs + prelude.durationMinutes * 60_000).toISOString();
  }
  return { scheduledFor, scheduledUntil, updates };
}
