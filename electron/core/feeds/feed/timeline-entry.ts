import type { FeedWarning, IncidentStatus, IncidentUpdate, MaintenanceStatus, MaintenanceUpdate } from '../../../../shared/model/index.ts';
import { isIncidentClosed } from '../../../../shared/model/index.ts';
import { warn } from '../common/warnings.ts';
import { feedIncident } from './items.ts';
import type { FeedItem } from './items.ts';
import { incidentStatusFor, labelMeaning, maintenanceStatusFor } from './labels.ts';
import type { LabelMeaning } from './labels.ts';
import { readPrelude } from './prelude.ts';
import type { FeedEntry } from './read-feed.ts';
import type { ParsedTimeline } from './timeline.ts';
import { resolveStamp, zoneOffset } from './year.ts';

interface Step { at: string; label: string; body: string; meaning: LabelMeaning }

/**
 * A Statuspage or Instatus entry with a rendered timeline → an incident or a maintenance.
 * Incidents get `minor` impact, as every feed incident does (see {@link feedIncident}). An entry
 * is a maintenance when Instatus says `Type: Maintenance`, when it has a scheduled-event banner,
 * or when any label is a maintenance word.
 */
export function timelineEntryToItem(entry: FeedEntry, timeline: ParsedTimeline, id: string, fallbackAnchor: string, warnings: FeedWarning[]): FeedItem {
  const prelude = readPrelude(timeline.prelude);
  const anchorMs = firstTime(entry.updated, entry.published, fallbackAnchor);
  const steps = chronological(entry, timeline, anchorMs, warnings);
  const maintenance = prelude.type === 'maintenance'
    || (prelude.type !== 'incident' && (prelude.window !== undefined || steps.some((s) => s.meaning.kind === 'maintenance')));
  const title = entry.title ?? '(untitled)';
  const url = entry.link ?? null;

  if (maintenance) {
    const updates: MaintenanceUpdate[] = [];
    let previous: MaintenanceStatus | undefined;
    for (const step of steps) {
      previous = maintenanceStatusFor(step.meaning, previous);
      updates.push({ id: null, status: previous, label: step.label, body: step.body, at: step.at });
    }
    const windowAnchor = firstTime(entry.published, entry.updated, fallbackAnchor);
    const window = prelude.window;
    const started = updates.find((u) => u.status === 'in_progress')?.at;
    const status = previous ?? 'scheduled';
    // The banner is the schedule as published; without it (the banner disappears once the work
    // starts) the first "In progress" is the start. Statuspage sets <published> to the scheduled
    // start while upcoming [F: 2023-02-08 GitHub maintenance], hence the next fallback.
    const scheduledFor = window ? new Date(resolveStamp(window.start, windowAnchor, 'nearest')).toISOString()
      : started ?? (status === 'scheduled' ? entry.published : undefined) ?? updates[0]?.at ?? entry.published ?? fallbackAnchor;
    let scheduledUntil: string | null = window?.end ? new Date(resolveStamp(window.end, Date.parse(scheduledFor), 'nearest')).toISOString() : null;
    scheduledUntil ??= updates.findLast((u) => u.status === 'completed')?.at ?? null;
    if (scheduledUntil === null && prelude.durationMinutes !== undefined) {
      scheduledUntil = new Date(Date.parse(scheduledFor) + prelude.durationMinutes * 60_000).toISOString();
    }
    return { kind: 'maintenance', maintenance: { id, title, url, status, scheduledFor, scheduledUntil, components: prelude.components, updates } };
  }

  const updates: IncidentUpdate[] = [];
  let previous: IncidentStatus | undefined;
  for (const step of steps) {
    previous = incidentStatusFor(step.meaning, previous);
    updates.push({ id: null, status: previous, label: step.label, body: step.body, at: step.at });
  }
  const status = previous ?? 'investigating';
  return feedIncident({
    id, title, url, status,
    startedAt: updates[0]?.at ?? entry.published ?? entry.updated ?? fallbackAnchor,
    resolvedAt: isIncidentClosed(status) ? updates.findLast((u) => u.status === 'resolved')?.at ?? null : null,
    components: prelude.components,
    updates,
    postmortem: updates.findLast((u) => u.status === 'postmortem')?.body ?? null,
  });
}

/**
 * Blocks as UTC steps, oldest first. Feeds list newest first, so blocks in the same minute are
 * reversed before a stable sort to keep their true order; a feed written oldest first (more
 * ascending than descending neighbours) is left as written.
 */
function chronological(entry: FeedEntry, timeline: ParsedTimeline, anchorMs: number, warnings: FeedWarning[]): Step[] {
  const steps: (Step & { ms: number })[] = [];
  for (const block of timeline.blocks) {
    if (zoneOffset(block.stamp.zone) === undefined) {
      warn(warnings, 'unknown_zone', `Unknown time zone "${block.stamp.zone}" in "${block.stampText}"; read as UTC.`, `${entry.path}.content`);
    }
    const meaning = labelMeaning(block.label);
    if (meaning.kind === 'unknown') {
      warn(warnings, 'unknown_label', `Unknown update label "${block.label}"; read as an update without status change.`, `${entry.path}.content`);
    }
    const ms = resolveStamp(block.stamp, anchorMs, 'notAfter');
    steps.push({ ms, at: new Date(ms).toISOString(), label: block.label, body: block.body, meaning });
  }
  let ascending = 0;
  let descending = 0;
  for (let i = 1; i < steps.length; i++) {
    const a = steps[i - 1]?.ms ?? 0;
    const b = steps[i]?.ms ?? 0;
    if (b > a) ascending++;
    else if (b < a) descending++;
  }
  if (descending >= ascending) steps.reverse();
  steps.sort((a, b) => a.ms - b.ms);
  return steps.map(({ at, label, body, meaning }) => ({ at, label, body, meaning }));
}

/** The first readable instant in ms; 0 only if even the fetch time is unreadable (never in practice). */
function firstTime(...values: (string | undefined)[]): number {
  for (const v of values) {
    const ms = v === undefined ? NaN : Date.parse(v);
    if (Number.isFinite(ms)) return ms;
  }
  return 0;
}
