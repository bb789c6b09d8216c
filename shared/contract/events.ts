import { z } from 'zod';
import { feedHealthSchema, isoInstant, vendorEventSchema } from './model-schemas.ts';
import { settingsSchema } from './settings.ts';
import { engineStateSchema, vendorViewSchema } from './vendors.ts';

export const POLL_OUTCOMES = ['ok', 'not_modified', 'fetch_error', 'feed_error', 'offline'] as const;

/** One poll as the faces hear of it: the daemon's `--json` line, a diagnostics row. */
export const pollReportSchema = z.object({
  vendorId: z.string(),
  vendorName: z.string(),
  at: isoInstant,
  outcome: z.enum(POLL_OUTCOMES),
  health: feedHealthSchema,
  retries: z.number().int().min(0),
  error: z.string().nullable(),
});
export type PollReport = z.infer<typeof pollReportSchema>;

/**
 * Something a person should read that is not a vendor's news: a repaired or refused settings file,
 * a history that could not be written. Kept apart from events so it never becomes a notification
 * about a vendor.
 */
export const noticeSchema = z.object({
  id: z.string(),
  level: z.enum(['info', 'warning', 'error']),
  message: z.string(),
  at: isoInstant,
});
export type Notice = z.infer<typeof noticeSchema>;

/**
 * The engine's push stream (IPC events in the app, Server-Sent Events headless), the one thing
 * every face subscribes to. Each message is self-contained so a face that connects late just
 * applies them to its cache (after reading the current state with the API's queries).
 */
export const engineMessageSchema = z.discriminatedUnion('type', [
  /** A new event at a vendor, stored before it is sent. */
  z.object({ type: z.literal('event'), event: vendorEventSchema }),
  /** A vendor's view after a poll or a settings change. */
  z.object({ type: z.literal('vendor'), vendor: vendorViewSchema }),
  z.object({ type: z.literal('vendor_removed'), vendorId: z.string() }),
  /** Connectivity, worst level or vendor count changed. */
  z.object({ type: z.literal('state'), state: engineStateSchema }),
  /** Every poll, successful or not. */
  z.object({ type: z.literal('poll'), poll: pollReportSchema }),
  /** A cycle over the whole watchlist in progress: "checking 12 of 40 vendors". */
  z.object({ type: z.literal('progress'), done: z.number().int().min(0), total: z.number().int().min(0) }),
  /** The settings now in force (changed here, in another process or by hand). */
  z.object({ type: z.literal('settings'), settings: settingsSchema }),
  z.object({ type: z.literal('notice'), notice: noticeSchema }),
]);
export type EngineMessage = z.infer<typeof engineMessageSchema>;
export type EngineMessageType = EngineMessage['type'];
