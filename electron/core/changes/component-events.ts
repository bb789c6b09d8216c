import type { Component, VendorEvent } from '../../../shared/model/index.ts';
import { STATUS_LABELS, worstOf } from '../../../shared/model/index.ts';
import type { DiffContext } from './event-factory.ts';
import { impactOfLevel, makeEvent } from './event-factory.ts';
import { shortHash } from './text.ts';

/**
 * One `component.status_changed` per component whose level changed, and per component that
 * appears already not operational (a new "EU region" in an outage is news). Components that
 * disappear say nothing: vendors rename and regroup them, and silence is not a recovery.
 *
 * Components carry no vendor timestamp, so `at` is the poll instant and the id's suffix hashes
 * (from, to, poll instant): degraded → operational → degraded on one component is two distinct
 * events. Re-running the same poll cannot re-emit because the known state then holds the new level.
 *
 * Impact: the worse of the old and new level mapped onto impact (major_outage → critical,
 * partial_outage → major, degraded → minor, others none). For a worsening that is the new level;
 * for a recovery it is the level recovered from, so a recovery notifies exactly the users whose
 * threshold let the outage through.
 */
export function componentEvents(known: readonly Component[], next: readonly Component[], pageUrl: string | null, ctx: DiffContext): VendorEvent[] {
  const before = new Map(known.map((c) => [c.id, c]));
  const events: VendorEvent[] = [];
  const seen = new Set<string>();
  for (const component of next) {
    if (seen.has(component.id)) continue;
    seen.add(component.id);
    const from = before.get(component.id)?.status;
    const to = component.status;
    if (from === to || (from === undefined && to === 'operational')) continue;
    events.push(makeEvent(ctx, {
      kind: 'component.status_changed',
      subjectId: component.id,
      suffix: shortHash(`${from ?? 'new'}>${to}@${ctx.now}`),
      at: ctx.now,
      subjectTitle: component.name,
      body: from === undefined ? `${STATUS_LABELS[to]} (newly listed)` : `${STATUS_LABELS[from]} → ${STATUS_LABELS[to]}`,
      impact: impactOfLevel(worstOf([from ?? 'operational', to])),
      level: to,
      url: pageUrl,
    }));
  }
  return events;
}
