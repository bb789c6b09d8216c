import { z } from 'zod';
import type { NotificationSettings } from '../model/index.ts';
import { SEVERITY_THRESHOLDS } from '../model/index.ts';
import { eventKindSchema, isoInstant, vendorSourceSchema } from './model-schemas.ts';

/**
 * The settings document: one JSON file shared by the Electron app and the headless daemon, read by
 * the Settings view too (hence zod here, in shared/). Defaults live in the schema so a document
 * written by an older version, or trimmed by hand, fills in rather than fails.
 */

/** Faster than every 30 s is impolite to vendors and gains nothing: status pages cache for about a minute. */
export const MIN_INTERVAL_SECONDS = 30;
export const DEFAULT_INTERVAL_SECONDS = 300;
export const DEFAULT_RETENTION_DAYS = 365;
export const THEMES = ['system', 'light', 'dark'] as const;

/** A vendor on the watchlist: where to read it, how often, and which of its components matter. */
export const watchedVendorSchema = vendorSourceSchema.extend({
  intervalSeconds: z.number().int().min(MIN_INTERVAL_SECONDS).default(DEFAULT_INTERVAL_SECONDS),
  /** Component names or ids to show and track; empty means all of them. */
  components: z.array(z.string()).default([]),
  addedAt: isoInstant,
});
export type WatchedVendor = z.infer<typeof watchedVendorSchema>;

/** "HH:MM", 24-hour, local wall clock. */
export const wallClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time like "22:00"');

export const vendorRulesSchema = z.object({
  threshold: z.enum(SEVERITY_THRESHOLDS).default('all'),
  components: z.array(z.string()).default([]),
  kinds: z.array(eventKindSchema).default([]),
});

export const notificationSettingsSchema = z.object({
  enabled: z.boolean().default(true),
  defaults: vendorRulesSchema.prefault({}),
  perVendor: z.record(z.string(), vendorRulesSchema).default({}),
  quietHours: z.object({
    enabled: z.boolean().default(false),
    start: wallClockTime.default('22:00'),
    end: wallClockTime.default('07:00'),
  }).prefault({}),
  snoozes: z.array(z.object({ vendorId: z.string().min(1).nullable(), until: isoInstant })).default([]),
});

export const settingsSchema = z.object({
  version: z.literal(1),
  watchlist: z.array(watchedVendorSchema).default([]),
  notifications: notificationSettingsSchema.prefault({}),
  history: z.object({ retentionDays: z.number().int().min(1).max(36500).default(DEFAULT_RETENTION_DAYS) }).prefault({}),
  ui: z.object({ theme: z.enum(THEMES).default('system') }).optional(),
});
export type Settings = z.infer<typeof settingsSchema>;

/** Settings with nothing watched; the engine adds the default watchlist on a first run. */
export function emptySettings(): Settings {
  return settingsSchema.parse({ version: 1 });
}

/**
 * The file a person exports to move a watchlist between machines or share it with a team. Only
 * what identifies and reads a vendor travels; `addedAt` is set on import.
 */
export const WATCHLIST_EXPORT_FORMAT = 'upstream-watchlist';
export const watchlistExportVendorSchema = watchedVendorSchema.omit({ addedAt: true });
export const watchlistExportSchema = z.object({
  format: z.literal(WATCHLIST_EXPORT_FORMAT),
  version: z.literal(1),
  /** Entries are checked one by one on import, so one bad entry skips only itself. */
  vendors: z.array(z.unknown()),
});
export type WatchlistExport = { format: typeof WATCHLIST_EXPORT_FORMAT; version: 1; vendors: WatchlistExportVendor[] };
export type WatchlistExportVendor = z.infer<typeof watchlistExportVendorSchema>;

/** What an import did: ids added, and each entry skipped with the reason. */
export const importReportSchema = z.object({
  added: z.array(z.string()),
  skipped: z.array(z.object({ entry: z.string(), reason: z.string() })),
});
export type ImportReport = z.infer<typeof importReportSchema>;

/** The settings a person changes from the Settings view, apart from the watchlist and rules. */
export const preferencesPatchSchema = z.object({
  theme: z.enum(THEMES).optional(),
  notificationsEnabled: z.boolean().optional(),
  quietHours: z.object({ enabled: z.boolean(), start: wallClockTime, end: wallClockTime }).optional(),
  retentionDays: z.number().int().min(1).max(36500).optional(),
});
export type PreferencesPatch = z.infer<typeof preferencesPatchSchema>;

/** One watched vendor's own settings: how often to poll it and which of its components matter. */
export const vendorConfigSchema = z.object({
  vendorId: z.string(),
  intervalSeconds: z.number().int().min(MIN_INTERVAL_SECONDS).max(86_400).optional(),
  components: z.array(z.string().max(300)).max(500).optional(),
});

/** Compile-time check that the notification schema and the model's NotificationSettings agree. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type SettingsSchemasMatch = [Assert<Same<z.infer<typeof notificationSettingsSchema>, NotificationSettings>>];
