import type { Component, Incident, Maintenance, StatusLevel } from '../../../shared/model/index.ts';
import { isIncidentClosed } from '../../../shared/model/index.ts';
import type { KnownState } from './known-state.ts';

/**
 * What the faces show of a vendor's last read: its own status, its components and what is going on
 * now. A few KB, against the ≈75 KB of a busy feed's known state: the history stores it beside the
 * vendor's row whenever a read changes the known state, so a view (every poll's `vendor` message,
 * `vendors.list` over 1,000 vendors, a restart) never parses a known state.
 */
export interface KnownSummary {
  level: StatusLevel;
  description: string;
  components: Component[];
  /** Unresolved incidents the vendor still reports (not those it stopped listing unresolved). */
  activeIncidents: Incident[];
  /** Maintenances not completed yet. */
  maintenances: Maintenance[];
  warnings: string[];
}

export function summariseKnown(known: KnownState): KnownSummary {
  const { snapshot } = known;
  const gone = new Set(known.noLongerReported);
  return {
    level: snapshot.status.level,
    description: snapshot.status.description,
    components: snapshot.components,
    activeIncidents: snapshot.incidents.filter((i) => !isIncidentClosed(i.status) && !gone.has(i.id)),
    maintenances: snapshot.maintenances.filter((m) => m.status !== 'completed'),
    warnings: snapshot.warnings.map((w) => w.message),
  };
}
