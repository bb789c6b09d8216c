import { z } from 'zod';
import { IMPACTS } from '../model/index.ts';
import { incidentSchema, isoInstant, maintenanceSchema, statusLevelSchema } from './model-schemas.ts';

/** An incident as history holds it: the vendor it belongs to and what we observed of it. */
export const incidentRecordSchema = z.object({
  vendorId: z.string(),
  vendorName: z.string(),
  incident: incidentSchema,
  firstSeenAt: isoInstant,
  lastSeenAt: isoInstant,
  /**
   * Dropped out of the vendor's feed while unresolved. A feed that keeps its history: the incident
   * keeps its last state (no resolution is invented). A feed that lists only what is ongoing: the
   * incident is over from that poll, closed by an update saying the vendor stopped listing it.
   */
  noLongerReported: z.boolean(),
  /**
   * Already listed when Upstream first read this vendor: `firstSeenAt` then says when watching
   * began, not how quickly the incident was noticed.
   */
  seenOnFirstRead: z.boolean().default(false),
});
export type IncidentRecord = z.infer<typeof incidentRecordSchema>;

export const maintenanceRecordSchema = z.object({
  vendorId: z.string(),
  vendorName: z.string(),
  maintenance: maintenanceSchema,
});
export type MaintenanceRecord = z.infer<typeof maintenanceRecordSchema>;

/** Impacts to keep; absent or empty means every impact. */
const impactFilter = z.array(z.enum(IMPACTS)).max(IMPACTS.length).optional();

export const incidentQuerySchema = z.object({
  vendorId: z.string().optional(),
  since: isoInstant.optional(),
  until: isoInstant.optional(),
  impacts: impactFilter,
  state: z.enum(['open', 'closed', 'all']).default('all'),
  limit: z.number().int().min(1).max(500).default(50),
  offset: z.number().int().min(0).default(0),
});
export type IncidentQuery = z.input<typeof incidentQuerySchema>;

export const maintenanceQuerySchema = z.object({
  from: isoInstant,
  to: isoInstant,
  vendorId: z.string().optional(),
});
export type MaintenanceQuery = z.infer<typeof maintenanceQuerySchema>;

export const searchQuerySchema = z.object({
  query: z.string().min(1).max(500),
  vendorId: z.string().optional(),
  /** Matched text's instant from `since` (inclusive) to `until` (exclusive). */
  since: isoInstant.optional(),
  until: isoInstant.optional(),
  impacts: impactFilter,
  limit: z.number().int().min(1).max(200).default(25),
});
export type SearchQuery = z.input<typeof searchQuerySchema>;

/** One full-text match: where it is and a short excerpt with the match marked by « ». */
export const searchHitSchema = z.object({
  vendorId: z.string(),
  vendorName: z.string(),
  incidentId: z.string(),
  title: z.string(),
  impact: z.enum(IMPACTS),
  /** Where the words matched: the title, an update, or the postmortem. */
  field: z.enum(['title', 'update', 'postmortem']),
  snippet: z.string(),
  at: isoInstant,
  url: z.string().nullable(),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

/** Postmortems: the reading list of how others failed, newest first, optionally searched. */
export const postmortemQuerySchema = z.object({
  query: z.string().max(500).optional(),
  vendorId: z.string().optional(),
  limit: z.number().int().min(1).max(200).default(50),
  offset: z.number().int().min(0).default(0),
});
export type PostmortemQuery = z.input<typeof postmortemQuerySchema>;

export const statsQuerySchema = z.object({
  vendorId: z.string().optional(),
  since: isoInstant.optional(),
  until: isoInstant.optional(),
});
export type StatsQuery = z.infer<typeof statsQuerySchema>;

/** Per-month figures; minutes in each status come from component status intervals. */
export const monthStatsSchema = z.object({
  month: z.string().regex(/^\d{4}-\d{2}$/),
  incidents: z.number().int(),
  minutesByStatus: z.record(statusLevelSchema, z.number()),
  /** Share of component-minutes not in an outage (degraded counts as up), 0-100, null without data. */
  uptimePercent: z.number().nullable(),
});

export const vendorStatsSchema = z.object({
  vendorId: z.string(),
  vendorName: z.string(),
  incidents: z.number().int(),
  resolved: z.number().int(),
  /** Mean and median time from start to resolution, in minutes; null when nothing resolved. */
  meanMinutesToResolve: z.number().nullable(),
  medianMinutesToResolve: z.number().nullable(),
  months: z.array(monthStatsSchema),
});
export type VendorStats = z.infer<typeof vendorStatsSchema>;

