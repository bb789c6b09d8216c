import type { EngineState, VendorView } from '../../../shared/contract/vendors.ts';
import { isIncidentClosed } from '../../../shared/model/index.ts';

import type { TrayState } from '../../../assets/icons.ts';

export { TRAY_STATES, type TrayState } from '../../../assets/icons.ts';

export interface TrayView {
  state: TrayState;
  /** Unresolved incidents across watched vendors (the badge). */
  incidents: number;
}

/**
 * The tray's state from the engine's: offline when we are (never a vendor's outage), unknown
 * before anything was read or with nothing watched, else the worst level the vendors report.
 */
export function trayView(state: EngineState | null, vendors: readonly VendorView[]): TrayView {
  const incidents = vendors.reduce((n, v) => n + v.activeIncidents.filter((i) => !isIncidentClosed(i.status)).length, 0);
  if (!state) return { state: 'unknown', incidents };
  if (state.connectivity === 'offline') return { state: 'offline', incidents };
  const read = vendors.filter((v) => v.health !== 'pending' || v.lastSuccessAt !== null);
  if (vendors.length === 0 || read.length === 0) return { state: 'unknown', incidents };
  return { state: state.worst, incidents };
}
