import type { EventKind, Impact, StatusLevel, VendorEvent } from '../../../shared/model/index.ts';
import { excerpt } from './text.ts';

/** What every diff needs to know about the vendor and the moment of the poll. */
export interface DiffContext {
  vendorId: string;
  /** Display name used in titles ("GitHub: Incident with Actions"). */
  vendorName: string;
  /** When Upstream noticed (UTC ISO): the `detectedAt` of every event. */
  now: string;
}

/**
 * Event ids are `vendor:kind:subject[:suffix]`: short, readable in logs, and derived only from
 * what the vendor published (never from poll order), so storing an event twice is a no-op and a
 * restart re-emits nothing. The suffix distinguishes repeatable events of one subject (an update
 * key, a resolution instant's hash).
 */
export function eventId(ctx: DiffContext, kind: EventKind, subjectId: string | null, suffix?: string): string {
  return [ctx.vendorId, kind, subjectId ?? '', suffix ?? ''].filter((part) => part !== '').join(':');
}

export interface EventFields {
  kind: EventKind;
  subjectId: string | null;
  suffix?: string;
  at: string;
  subjectTitle: string;
  body: string;
  impact: Impact;
  level: StatusLevel;
  url: string | null;
}

/** Build an event with the house title format and the deterministic id. */
export function makeEvent(ctx: DiffContext, fields: EventFields): VendorEvent {
  return {
    id: eventId(ctx, fields.kind, fields.subjectId, fields.suffix),
    kind: fields.kind,
    vendorId: ctx.vendorId,
    subjectId: fields.subjectId,
    at: fields.at,
    detectedAt: ctx.now,
    title: `${ctx.vendorName}: ${fields.subjectTitle}`,
    body: fields.body,
    impact: fields.impact,
    level: fields.level,
    url: fields.url,
  };
}

/** "Label — first ~200 characters of the text", the shape of a notification body. */
export function updateBody(label: string, text: string): string {
  const line = excerpt(text, 200);
  const head = label.trim();
  if (head === '') return line;
  return line === '' ? head : `${head} — ${line}`;
}

/**
 * Level an open incident implies. Mirrors deriveLevel (feeds/common/snapshot.ts): an incident
 * whose impact is `none` is still something happening, hence `degraded`, never `operational`.
 */
export function levelOfImpact(impact: Impact): StatusLevel {
  return impact === 'critical' ? 'major_outage' : impact === 'major' ? 'partial_outage' : 'degraded';
}

/** Impact of a component level, for notification thresholds. */
export function impactOfLevel(level: StatusLevel): Impact {
  switch (level) {
    case 'major_outage': return 'critical';
    case 'partial_outage': return 'major';
    case 'degraded': return 'minor';
    default: return 'none';
  }
}

/** An instant as people read it in a body when no zone is known yet: "2024-01-02 03:04 UTC". */
export function readableUtc(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}
