import type { ReactNode } from 'react';
import type { VendorView } from '../../shared/contract/vendors.ts';
import { STATUS_LABELS, type Impact, type StatusLevel } from '../../shared/model/index.ts';

/** Never colour alone: the dot is decoration; the word beside it (or its label) carries the meaning. */
export function StatusDot({ level, label }: { level: StatusLevel; label?: string }): ReactNode {
  return <span className={`dot dot-${level}`} role={label ? 'img' : undefined} aria-label={label} aria-hidden={label ? undefined : true} />;
}

export function StatusWord({ level, children }: { level: StatusLevel; children?: ReactNode }): ReactNode {
  return <span className={`word word-${level}`}>{children ?? STATUS_LABELS[level]}</span>;
}

/** A pill with dot and word, for headers. */
export function StatusBadge({ level, children }: { level: StatusLevel; children?: ReactNode }): ReactNode {
  return (
    <span className={`badge tint-${level}`}>
      <StatusDot level={level} />
      <StatusWord level={level}>{children}</StatusWord>
    </span>
  );
}

/** The level an incident's impact implies, for colouring it. */
export function levelOfImpact(impact: Impact): StatusLevel {
  return impact === 'critical' ? 'major_outage' : impact === 'major' ? 'partial_outage' : impact === 'minor' ? 'degraded' : 'unknown';
}

export const IMPACT_LABELS: Record<Impact, string> = { none: 'No impact', minor: 'Minor', major: 'Major', critical: 'Critical' };

export function ImpactBadge({ impact }: { impact: Impact }): ReactNode {
  return <span className={`badge small tint-${levelOfImpact(impact)}`}><StatusWord level={levelOfImpact(impact)}>{IMPACT_LABELS[impact]}</StatusWord></span>;
}

/**
 * Our ability to read a vendor, kept apart from the vendor's own status: "GitHub is down" and "we
 * cannot read GitHub's page" must never look alike.
 */
export function healthNote(vendor: VendorView, offline: boolean): { tone: 'info' | 'warning' | 'error'; text: string } | null {
  if (offline && vendor.health !== 'pending') return { tone: 'info', text: 'Last known status (you are offline)' };
  switch (vendor.health) {
    case 'pending':
      return { tone: 'info', text: vendor.lastPollAt ? 'Waiting for a first successful read' : 'Not checked yet' };
    case 'stale':
      return vendor.lastSuccessAt
        ? { tone: 'warning', text: 'Stale: the last check failed, showing the last known status' }
        : { tone: 'warning', text: 'Not read yet: the checks so far have failed' };
    case 'unreachable':
      return { tone: 'error', text: 'Status page unreachable' };
    case 'feed_broken':
      return { tone: 'error', text: 'Feed broken: the page answers but could not be read' };
    default:
      return vendor.warnings.length ? { tone: 'warning', text: `Partly read: ${vendor.warnings.length} part${vendor.warnings.length === 1 ? '' : 's'} could not be read` } : null;
  }
}
