import type { Incident, IncidentUpdate, VendorEvent } from '../../../shared/model/index.ts';
import { isIncidentClosed } from '../../../shared/model/index.ts';
import type { DiffContext, EventFields } from './event-factory.ts';
import { levelOfImpact, makeEvent, updateBody } from './event-factory.ts';
import { changedPart, excerpt, normaliseText, shortHash } from './text.ts';
import { matchUpdates, sameTimeline, type MatchOptions } from './update-keys.ts';

/**
 * Events for one incident between what we knew (`known`, undefined when never seen) and the
 * latest poll.
 *
 * Counting rule (what "exactly once" means, and what a replay should count):
 * - `incident.opened` once per incident, when it is first seen (its body quotes the first update).
 * - `incident.updated` once for EVERY update, the first, the one labelled "Resolved" and a
 *   "Postmortem" one included: updates are the timeline, counted uniformly, so the event log holds
 *   exactly one `incident.updated` per update the vendor ever posted.
 * - `incident.resolved` once per transition open → closed (a first sighting of an already
 *   resolved incident counts: we never told the user it happened), `incident.reopened` once per
 *   closed → open, `incident.postmortem` once per incident, when postmortem text first appears.
 * Several events of one incident in one poll are folded into one notification by rules.ts, so
 * this fine grain costs the user nothing. `opts` is how updates are matched (update-keys.ts): on a
 * feed that lists only what is ongoing, a text edited in place is a new update.
 */
export function incidentEvents(known: Incident | undefined, next: Incident, ctx: DiffContext, opts: MatchOptions = {}): VendorEvent[] {
  const events: VendorEvent[] = [];
  const base = { subjectId: next.id, subjectTitle: next.title, impact: next.impact, url: next.url };
  const openLevel = levelOfImpact(next.impact);
  // An unchanged timeline pairs every update with itself: no matching (and no text normalising) needed.
  const match = known && sameTimeline(known.updates, next.updates) ? null : matchUpdates(known?.updates ?? [], next.updates, opts);
  const isNew = (i: number): boolean => match?.isNew[i] ?? false;

  if (!known) {
    const first = next.updates[0];
    events.push(makeEvent(ctx, {
      ...base,
      kind: 'incident.opened',
      at: first?.at ?? next.startedAt,
      body: first ? updateBody(first.label, first.body) : 'New incident',
      level: openLevel,
    }));
  }
  next.updates.forEach((update, i) => {
    if (!match || !isNew(i)) return;
    const edited = opts.editsAreNew ? editedFrom(known?.updates ?? [], update) : undefined;
    events.push(makeEvent(ctx, {
      ...base,
      kind: 'incident.updated',
      suffix: match.keys[i],
      at: update.at,
      body: updateBody(update.label, edited ? changedPart(edited.body, update.body) : update.body),
      level: isIncidentClosed(update.status) ? 'operational' : openLevel,
    }));
  });

  const wasClosed = known !== undefined && isIncidentClosed(known.status);
  const isClosed = isIncidentClosed(next.status);
  if (!wasClosed && isClosed) events.push(resolvedEvent(next, ctx, base));
  if (wasClosed && !isClosed) {
    const reopening = next.updates.find((u, i) => isNew(i) && !isIncidentClosed(u.status)) ?? next.updates.at(-1);
    events.push(makeEvent(ctx, {
      ...base,
      kind: 'incident.reopened',
      // One reopening per resolution: the resolution it undoes names it.
      suffix: shortHash(known.resolvedAt ?? known.updates.at(-1)?.at ?? ''),
      at: reopening?.at ?? ctx.now,
      body: reopening ? updateBody(reopening.label, reopening.body) : 'Reopened',
      level: openLevel,
    }));
  }
  if (!hasPostmortem(known) && hasPostmortem(next)) {
    const update = next.updates.findLast((u) => u.status === 'postmortem');
    events.push(makeEvent(ctx, {
      ...base,
      kind: 'incident.postmortem',
      at: update?.at ?? ctx.now,
      body: updateBody('Postmortem', next.postmortem ?? update?.body ?? ''),
      level: isClosed ? 'operational' : openLevel,
    }));
  }
  return events;
}

function resolvedEvent(next: Incident, ctx: DiffContext, base: Pick<EventFields, 'subjectId' | 'subjectTitle' | 'impact' | 'url'>): VendorEvent {
  const update = next.updates.findLast((u) => u.status === 'resolved') ?? next.updates.findLast((u) => isIncidentClosed(u.status));
  const at = next.resolvedAt ?? update?.at ?? ctx.now;
  return makeEvent(ctx, {
    ...base,
    kind: 'incident.resolved',
    // Keyed by the resolution instant, so a resolve → reopen → resolve cycle yields two events.
    suffix: shortHash(at),
    at,
    body: update ? updateBody(update.label, update.body) : 'Resolved',
    // The impact stays the incident's, so a resolution notifies exactly whoever the opening did.
    level: 'operational',
  });
}

/** The known text an in-place edit replaced: same time and label, another text (the latest such). */
function editedFrom(known: readonly IncidentUpdate[], update: IncidentUpdate): IncidentUpdate | undefined {
  const label = normaliseText(update.label);
  const body = normaliseText(update.body);
  return known.findLast((k) => k.at === update.at && normaliseText(k.label) === label && normaliseText(k.body) !== body && k.body !== '');
}

/** A postmortem is "published" when the text exists or the incident moved to that status. */
export function hasPostmortem(incident: Incident | undefined): boolean {
  if (!incident) return false;
  return (incident.postmortem !== null && excerpt(incident.postmortem, 10) !== '') || incident.status === 'postmortem';
}
