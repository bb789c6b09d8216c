import type { VendorView } from '../../../shared/contract/vendors.ts';
import { isDisrupted, rankOf, type Impact } from '../../../shared/model/index.ts';
import type { TrayView } from './state.ts';

const IMPACT_WORDS: Record<Impact, string> = { none: 'notice', minor: 'minor', major: 'major', critical: 'critical' };

/**
 * The tray's tooltip, one glance in words: "2 vendors with incidents: GitHub (major), Stripe
 * (minor)". Windows cuts tooltips at 127 characters, so long lists end with "and N more".
 */
export function trayTooltip(view: TrayView, vendors: readonly VendorView[], max = 127): string {
  if (view.state === 'offline') return 'Upstream: you are offline; showing the last known status';
  if (vendors.length === 0) return 'Upstream: no vendors watched yet';
  const troubled = vendors
    .filter((v) => v.activeIncidents.length > 0 || isDisrupted(v.level))
    .sort((a, b) => rankOf(b.level) - rankOf(a.level) || a.source.name.localeCompare(b.source.name));
  const stale = vendors.filter((v) => v.stale).length;
  const staleNote = stale ? ` (${stale} not read lately)` : '';
  if (troubled.length === 0) {
    if (view.state === 'unknown') return `Upstream: checking ${vendors.length} vendor${vendors.length === 1 ? '' : 's'}…`;
    const maint = vendors.filter((v) => v.level === 'maintenance').length;
    return `Upstream: all ${vendors.length} vendors operational${maint ? `, ${maint} in maintenance` : ''}${staleNote}`;
  }
  const label = (v: VendorView): string => {
    const worst = [...v.activeIncidents].sort((a, b) => impactRank(b.impact) - impactRank(a.impact))[0];
    return `${v.source.name} (${worst ? IMPACT_WORDS[worst.impact] : v.level.replace('_', ' ')})`;
  };
  const head = `${troubled.length} vendor${troubled.length === 1 ? '' : 's'} with incidents: `;
  const parts: string[] = [];
  for (let i = 0; i < troubled.length; i++) {
    const rest = troubled.length - i - 1;
    const next = [...parts, label(troubled[i]!)].join(', ');
    const tail = rest > 0 ? `, and ${rest} more` : '';
    if ((head + next + tail + staleNote).length > max && parts.length > 0) {
      return `${head}${parts.join(', ')}, and ${troubled.length - parts.length} more${staleNote}`.slice(0, max);
    }
    parts.push(label(troubled[i]!));
  }
  return `${head}${parts.join(', ')}${staleNote}`.slice(0, max);
}

function impactRank(impact: Impact): number {
  return ['none', 'minor', 'major', 'critical'].indexOf(impact);
}
