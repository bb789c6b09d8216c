/**
 * Status levels, ranked. One ladder for every platform so the tray, the CLI exit code and the
 * notification rules can all ask "which is worse?" without knowing where a status came from.
 */
export const STATUS_LEVELS = [
  'operational',
  'maintenance',
  'unknown',
  'degraded',
  'partial_outage',
  'major_outage',
] as const;

/** A vendor's or component's health, normalised across platforms. */
export type StatusLevel = (typeof STATUS_LEVELS)[number];

/**
 * Rank of each level, higher is worse. `unknown` sits above maintenance and below degraded: not
 * knowing is worth a glance, but must never read as an outage (we may simply be offline).
 */
const RANK: Record<StatusLevel, number> = {
  operational: 0,
  maintenance: 1,
  unknown: 2,
  degraded: 3,
  partial_outage: 4,
  major_outage: 5,
};

/** Numeric severity of a level; use it to sort, never to persist (the order may gain levels). */
export function rankOf(level: StatusLevel): number {
  return RANK[level];
}

/** The worse of the given levels; `operational` for none (nothing reported is nothing wrong). */
export function worstOf(levels: Iterable<StatusLevel>): StatusLevel {
  let worst: StatusLevel = 'operational';
  for (const level of levels) if (RANK[level] > RANK[worst]) worst = level;
  return worst;
}

/** True when the level should count as "something is wrong" (CLI exit code 1, red tray). */
export function isDisrupted(level: StatusLevel): boolean {
  return RANK[level] >= RANK.degraded;
}

/** Words a person reads for each level, shared by CLI, tray tooltip and UI. */
export const STATUS_LABELS: Record<StatusLevel, string> = {
  operational: 'Operational',
  maintenance: 'Under maintenance',
  unknown: 'Unknown',
  degraded: 'Degraded performance',
  partial_outage: 'Partial outage',
  major_outage: 'Major outage',
};

/** Type guard for values read from settings, databases or the wire. */
export function isStatusLevel(value: unknown): value is StatusLevel {
  return typeof value === 'string' && value in RANK;
}
