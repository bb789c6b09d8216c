import type { StatusLevel } from './status.ts';

/** A part of a vendor's service (API, Dashboard, "EU region"…) with its own status. */
export interface Component {
  /** The vendor's id where it has one, else a slug of the name. */
  id: string;
  name: string;
  /** Name of the group the component sits in, or null at the top level. */
  group: string | null;
  status: StatusLevel;
}
