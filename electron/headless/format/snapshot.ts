import type { Component, Incident, Maintenance, Snapshot } from '../../../shared/model/index.ts';
import { isIncidentClosed, PLATFORM_LABELS, STATUS_LABELS } from '../../../shared/model/index.ts';
import { clean, excerpt, localTime } from './text.ts';

const IMPACT_WORDS: Record<Incident['impact'], string> = { none: 'No impact', minor: 'Minor impact', major: 'Major impact', critical: 'Critical impact' };
const MAINTENANCE_WORDS: Record<Maintenance['status'], string> = { scheduled: 'Scheduled', in_progress: 'In progress', verifying: 'Verifying', completed: 'Completed' };

/**
 * A snapshot as `upstream check` prints it: what a person on call wants in one glance — is it
 * broken, what is broken, what did the vendor last say — and nothing that is fine. Every string
 * from the feed is cleaned of terminal escapes.
 */
export function formatSnapshot(snapshot: Snapshot, opts: { locale?: string } = {}): string {
  const lines: string[] = [];
  const level = STATUS_LABELS[snapshot.status.level];
  const description = clean(snapshot.status.description).trim();
  lines.push(`${clean(snapshot.page.name)}: ${level}${description && description !== level ? ` (${description})` : ''}`);
  lines.push(`${clean(snapshot.page.url)} · ${PLATFORM_LABELS[snapshot.source.platform]} (${snapshot.source.format})`);

  const broken = snapshot.components.filter((c) => c.status !== 'operational');
  if (snapshot.components.length > 0) {
    lines.push('');
    if (broken.length === 0) lines.push(`All ${snapshot.components.length} components operational.`);
    else {
      lines.push(`Components not operational (${broken.length} of ${snapshot.components.length}):`);
      lines.push(...componentLines(broken));
    }
  }

  const active = snapshot.incidents.filter((i) => !isIncidentClosed(i.status));
  lines.push('');
  if (active.length === 0) lines.push('No active incidents.');
  else {
    lines.push(`Active incidents (${active.length}):`);
    for (const incident of active) lines.push(...incidentLines(incident, opts.locale));
  }

  const maintenances = snapshot.maintenances.filter((m) => m.status !== 'completed');
  if (maintenances.length > 0) {
    lines.push('');
    lines.push(`Maintenance (${maintenances.length}):`);
    for (const m of maintenances) {
      const until = m.scheduledUntil ? ` to ${localTime(m.scheduledUntil, opts.locale)}` : '';
      lines.push(`  - ${excerpt(m.title, 120)}: ${MAINTENANCE_WORDS[m.status]}, ${localTime(m.scheduledFor, opts.locale)}${until}`);
      if (m.components.length > 0) lines.push(`    Affects: ${excerpt(m.components.join(', '), 200)}`);
    }
  }

  if (snapshot.warnings.length > 0) {
    lines.push('');
    lines.push(`${snapshot.warnings.length} warning${snapshot.warnings.length === 1 ? '' : 's'} while reading the feed (see --json).`);
  }
  return `${lines.join('\n')}\n`;
}

/** Top-level components first, then each group under its name. */
function componentLines(components: Component[]): string[] {
  const lines: string[] = [];
  const groups = new Map<string | null, Component[]>();
  for (const c of components) groups.set(c.group, [...(groups.get(c.group) ?? []), c]);
  for (const c of groups.get(null) ?? []) lines.push(`  - ${excerpt(c.name, 100)}: ${STATUS_LABELS[c.status]}`);
  for (const [group, members] of groups) {
    if (group === null) continue;
    lines.push(`  ${excerpt(group, 100)}:`);
    for (const c of members) lines.push(`    - ${excerpt(c.name, 100)}: ${STATUS_LABELS[c.status]}`);
  }
  return lines;
}

function incidentLines(incident: Incident, locale: string | undefined): string[] {
  const lines = [`  - ${excerpt(incident.title, 160)} [${IMPACT_WORDS[incident.impact]}], since ${localTime(incident.startedAt, locale)}`];
  if (incident.components.length > 0) lines.push(`    Affects: ${excerpt(incident.components.join(', '), 200)}`);
  const latest = incident.updates[incident.updates.length - 1];
  if (latest) {
    const body = excerpt(latest.body, 200);
    lines.push(`    ${excerpt(latest.label, 40)} at ${localTime(latest.at, locale)}${body ? `: ${body}` : ''}`);
  }
  if (incident.url) lines.push(`    ${clean(incident.url)}`);
  return lines;
}
