import { z } from 'zod';
import { catalogEntrySchema, catalogQuerySchema, detectResultSchema } from './catalog.ts';
import { noticeSchema } from './events.ts';
import {
  incidentQuerySchema, incidentRecordSchema, maintenanceQuerySchema, maintenanceRecordSchema, postmortemQuerySchema,
  searchHitSchema, searchQuerySchema, statsQuerySchema, vendorStatsSchema,
} from './history.ts';
import { isoInstant, vendorEventSchema } from './model-schemas.ts';
import {
  importReportSchema, preferencesPatchSchema, settingsSchema, vendorConfigSchema, vendorRulesSchema, watchedVendorSchema,
  WATCHLIST_EXPORT_FORMAT, watchlistExportVendorSchema,
} from './settings.ts';
import { engineStateSchema, vendorViewSchema } from './vendors.ts';

/** A catalogue id or a status page URL, as a person types it. */
const idOrUrl = z.string().trim().min(1).max(2000);

/**
 * The engine's API, one entry per channel: request schema and response value schema. Every face
 * (Electron IPC, the headless HTTP server, the CLI) goes through this map; the transports validate
 * requests on the way in and answers on the way out, and wrap answers in ApiResult.
 */
export const API = {
  // Queries
  'engine.state': { request: z.object({}), response: engineStateSchema },
  'vendors.list': { request: z.object({}), response: z.array(vendorViewSchema) },
  'incidents.list': { request: incidentQuerySchema, response: z.array(incidentRecordSchema) },
  'incidents.get': { request: z.object({ vendorId: z.string(), incidentId: z.string() }), response: incidentRecordSchema },
  'maintenances.list': { request: maintenanceQuerySchema, response: z.array(maintenanceRecordSchema) },
  'events.recent': {
    request: z.object({ vendorId: z.string().optional(), since: isoInstant.optional(), limit: z.number().int().min(1).max(500).default(50) }),
    response: z.array(vendorEventSchema),
  },
  'history.search': { request: searchQuerySchema, response: z.array(searchHitSchema) },
  'history.stats': { request: statsQuerySchema, response: z.array(vendorStatsSchema) },
  'postmortems.list': { request: postmortemQuerySchema, response: z.array(incidentRecordSchema) },
  'catalog.search': { request: catalogQuerySchema, response: z.array(catalogEntrySchema) },
  'settings.get': { request: z.object({}), response: settingsSchema },
  /** What the engine said to people since it opened (settings repaired or refused, …), newest first. */
  'notices.list': { request: z.object({}), response: z.array(noticeSchema) },
  /** The maintenance calendar as an iCalendar file, for the calendar view's export. */
  'maintenances.ics': { request: maintenanceQuerySchema, response: z.object({ filename: z.string(), text: z.string() }) },
  'watchlist.export': {
    request: z.object({}),
    response: z.object({ format: z.literal(WATCHLIST_EXPORT_FORMAT), version: z.literal(1), vendors: z.array(watchlistExportVendorSchema) }),
  },
  // Commands
  /** Read a page once without watching it: the add-by-URL preview, and `upstream check`. */
  'vendors.detect': {
    request: z.object({ idOrUrl, timeoutSeconds: z.number().min(1).max(600).optional() }),
    response: detectResultSchema,
  },
  'vendors.add': {
    request: z.object({ idOrUrl, intervalSeconds: z.number().int().min(30).optional() }),
    response: watchedVendorSchema,
  },
  'vendors.remove': { request: z.object({ vendorId: z.string() }), response: watchedVendorSchema },
  'vendors.configure': { request: vendorConfigSchema, response: watchedVendorSchema },
  'settings.set': { request: preferencesPatchSchema, response: settingsSchema },
  'watchlist.import': { request: z.object({ text: z.string().max(5_000_000) }), response: importReportSchema },
  /**
   * A link to open outside the app, named by what it belongs to: the vendor's page, an incident's
   * page, or a link inside that incident's stored updates or postmortem. The answer is the stored
   * URL; a URL not found there is refused (`not_found`). The desktop app opens only what this
   * answers, so a page can never make it open a URL of its own choosing.
   */
  'links.open': {
    request: z.object({ vendorId: z.string(), incidentId: z.string().optional(), url: z.string().max(4000).optional() }),
    response: z.object({ url: z.url({ protocol: /^https?$/ }) }),
  },
  'vendors.refresh': { request: z.object({ vendorId: z.string().optional() }), response: z.object({ queued: z.number().int() }) },
  'rules.set': { request: z.object({ vendorId: z.string().nullable(), rules: vendorRulesSchema }), response: settingsSchema },
  'notifications.snooze': {
    request: z.object({ vendorId: z.string().nullable(), minutes: z.number().int().min(0).max(60 * 24 * 30) }),
    response: settingsSchema,
  },
} as const;

export type Channel = keyof typeof API;
/** What a caller sends (defaults still optional). */
export type RequestOf<C extends Channel> = z.input<(typeof API)[C]['request']>;
/** What a handler receives (defaults applied). */
export type ParsedRequestOf<C extends Channel> = z.output<(typeof API)[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<(typeof API)[C]['response']>;

/** Type-level check that every channel has both a request and a response schema. */
export type ApiIsComplete = { [C in Channel]: (typeof API)[C] extends { request: z.ZodType; response: z.ZodType } ? true : never };
