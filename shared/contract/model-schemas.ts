import { z } from 'zod';
import type {
  Component, Impact, Incident, Maintenance, Snapshot, StatusLevel, VendorEvent, VendorSource,
} from '../model/index.ts';
import {
  EVENT_KINDS, FEED_HEALTH, IMPACTS, INCIDENT_STATUSES, MAINTENANCE_STATUSES, PLATFORMS, STATUS_LEVELS,
} from '../model/index.ts';

/**
 * Runtime schemas for the domain model. Everything that crosses a process boundary (IPC, HTTP,
 * files written by another version) is parsed with these; the `Same<>` checks below fail the
 * build the moment a schema and its model type drift apart.
 */
export const isoInstant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/, 'a UTC ISO-8601 instant');

export const statusLevelSchema = z.enum(STATUS_LEVELS);
export const impactSchema = z.enum(IMPACTS);
export const platformSchema = z.enum(PLATFORMS);
export const feedHealthSchema = z.enum(FEED_HEALTH);
export const eventKindSchema = z.enum(EVENT_KINDS);

export const componentSchema = z.object({
  id: z.string(), name: z.string(), group: z.string().nullable(), status: statusLevelSchema,
});

const updateSchema = <S extends readonly [string, ...string[]]>(statuses: S) => z.object({
  id: z.string().nullable(), status: z.enum(statuses), label: z.string(), body: z.string(), at: isoInstant,
});

export const incidentSchema = z.object({
  id: z.string(), title: z.string(), url: z.string().nullable(), impact: impactSchema,
  status: z.enum(INCIDENT_STATUSES), startedAt: isoInstant, resolvedAt: isoInstant.nullable(),
  components: z.array(z.string()), updates: z.array(updateSchema(INCIDENT_STATUSES)), postmortem: z.string().nullable(),
});

export const maintenanceSchema = z.object({
  id: z.string(), title: z.string(), url: z.string().nullable(), status: z.enum(MAINTENANCE_STATUSES),
  scheduledFor: isoInstant, scheduledUntil: isoInstant.nullable(), components: z.array(z.string()),
  updates: z.array(updateSchema(MAINTENANCE_STATUSES)),
});

export const snapshotSchema = z.object({
  source: z.object({ url: z.string(), platform: platformSchema, format: z.string(), fetchedAt: isoInstant, listing: z.enum(['history', 'active']).optional() }),
  page: z.object({ name: z.string(), url: z.string() }),
  status: z.object({ level: statusLevelSchema, description: z.string() }),
  components: z.array(componentSchema),
  incidents: z.array(incidentSchema),
  maintenances: z.array(maintenanceSchema),
  warnings: z.array(z.object({ code: z.string(), message: z.string(), path: z.string().optional() })),
});

export const vendorEventSchema = z.object({
  id: z.string(), kind: eventKindSchema, vendorId: z.string(), subjectId: z.string().nullable(),
  at: isoInstant, detectedAt: isoInstant, title: z.string(), body: z.string(), impact: impactSchema,
  level: statusLevelSchema, url: z.string().nullable(),
});

export const vendorSourceSchema = z.object({
  id: z.string().min(1), name: z.string().min(1), url: z.string().url(), platform: platformSchema,
  adapter: z.string().min(1), base: z.string().url(),
});

/** Compile-time equality of two types; `true` only when each is assignable to the other. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type ModelSchemasMatch = [
  Assert<Same<z.infer<typeof statusLevelSchema>, StatusLevel>>,
  Assert<Same<z.infer<typeof impactSchema>, Impact>>,
  Assert<Same<z.infer<typeof componentSchema>, Component>>,
  Assert<Same<z.infer<typeof incidentSchema>, Incident>>,
  Assert<Same<z.infer<typeof maintenanceSchema>, Maintenance>>,
  Assert<Same<z.infer<typeof snapshotSchema>, Snapshot>>,
  Assert<Same<z.infer<typeof vendorEventSchema>, VendorEvent>>,
  Assert<Same<z.infer<typeof vendorSourceSchema>, VendorSource>>,
];
