import type { Maintenance, MaintenanceStatus, VendorEvent } from '../../../shared/model/index.ts';
import type { DiffContext } from './event-factory.ts';
import { makeEvent, readableUtc, updateBody } from './event-factory.ts';

/** How far along a maintenance is: scheduled 0, in progress 1, verifying 2, completed 3. */
function stage(status: MaintenanceStatus): number {
  return status === 'scheduled' ? 0 : status === 'in_progress' ? 1 : status === 'verifying' ? 2 : 3;
}

/**
 * Maintenance lifecycle events, each at most once per maintenance (the ids carry no suffix):
 * `maintenance.scheduled` when one first appears, `maintenance.started` when it reaches in
 * progress (or verifying), `maintenance.verifying` when the vendor posts a Verifying stage (many
 * never do: it is not assumed), `maintenance.completed` when it completes. One event per stage the
 * vendor posted.
 *
 * A maintenance first seen further along gets every stage it has passed (first seen completed →
 * scheduled + started + completed), as an incident first seen resolved gets opened + resolved:
 * counts stay "one per stage" however often we poll, and rules.ts folds them into one
 * notification. Going backwards (completed → in progress) emits nothing: it is a vendor's
 * correction, and the ids would repeat anyway. Maintenance events have impact `none`: planned
 * work notifies only users whose threshold is `all`.
 */
export function maintenanceEvents(known: Maintenance | undefined, next: Maintenance, ctx: DiffContext): VendorEvent[] {
  const events: VendorEvent[] = [];
  const base = { subjectId: next.id, subjectTitle: next.title, impact: 'none' as const, url: next.url };
  const was = known ? stage(known.status) : -1;
  const now = stage(next.status);
  const firstWith = (...statuses: MaintenanceStatus[]) => next.updates.find((u) => statuses.includes(u.status));

  if (!known) {
    const update = firstWith('scheduled') ?? next.updates[0];
    events.push(makeEvent(ctx, {
      ...base,
      kind: 'maintenance.scheduled',
      at: update?.at ?? ctx.now,
      body: update && update.body.trim() !== '' ? updateBody(update.label, update.body) : `Scheduled for ${readableUtc(next.scheduledFor)}`,
      level: 'operational',
    }));
  }
  if (was < 1 && now >= 1) {
    const update = firstWith('in_progress', 'verifying');
    events.push(makeEvent(ctx, {
      ...base,
      kind: 'maintenance.started',
      at: update?.at ?? next.scheduledFor,
      body: update ? updateBody(update.label, update.body) : 'In progress',
      level: now === 1 || now === 2 ? 'maintenance' : 'operational',
    }));
  }
  const verifying = firstWith('verifying');
  if (was < 2 && now >= 2 && (verifying || now === 2)) {
    events.push(makeEvent(ctx, {
      ...base,
      kind: 'maintenance.verifying',
      at: verifying?.at ?? ctx.now,
      body: verifying ? updateBody(verifying.label, verifying.body) : 'Verifying',
      level: now === 2 ? 'maintenance' : 'operational',
    }));
  }
  if (was < 3 && now === 3) {
    const update = firstWith('completed');
    events.push(makeEvent(ctx, {
      ...base,
      kind: 'maintenance.completed',
      at: update?.at ?? next.scheduledUntil ?? ctx.now,
      body: update ? updateBody(update.label, update.body) : 'Completed',
      level: 'operational',
    }));
  }
  return events;
}
