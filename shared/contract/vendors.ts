import { z } from 'zod';
import {
  componentSchema, feedHealthSchema, incidentSchema, isoInstant, maintenanceSchema, statusLevelSchema,
  vendorSourceSchema,
} from './model-schemas.ts';

/**
 * A watched vendor as every face shows it: the vendor's own status, kept apart from our ability
 * to read it (`health`), so "GitHub is down" and "we can't reach GitHub" never look alike.
 */
export const vendorViewSchema = z.object({
  source: vendorSourceSchema,
  /** The vendor's own overall status, as of the last successful read. */
  level: statusLevelSchema,
  description: z.string(),
  health: feedHealthSchema,
  /** True while the level shown is older than the last poll (offline, feed broken, backing off). */
  stale: z.boolean(),
  lastPollAt: isoInstant.nullable(),
  lastSuccessAt: isoInstant.nullable(),
  lastError: z.string().nullable(),
  consecutiveFailures: z.number().int().min(0),
  /** Retries spent in the last 24 h: a flaky feed shows as flaky even when a retry succeeded. */
  retriesLastDay: z.number().int().min(0),
  intervalSeconds: z.number().int().min(30),
  components: z.array(componentSchema),
  activeIncidents: z.array(incidentSchema),
  maintenances: z.array(maintenanceSchema),
  warnings: z.array(z.string()),
});
export type VendorView = z.infer<typeof vendorViewSchema>;

export const CONNECTIVITY = ['online', 'offline', 'paused'] as const;

/** The engine's overall state: drives the tray icon and the "offline" banner. */
export const engineStateSchema = z.object({
  connectivity: z.enum(CONNECTIVITY),
  /** Worst level among watched vendors' own statuses (never raised by our being offline). */
  worst: statusLevelSchema,
  vendorCount: z.number().int().min(0),
  lastCycleAt: isoInstant.nullable(),
  /** Set during a long first run: "checking 12 of 40 vendors". */
  progress: z.object({ done: z.number().int(), total: z.number().int() }).nullable(),
});
export type EngineState = z.infer<typeof engineStateSchema>;
