import { z } from 'zod';
import { vendorEventSchema } from './model-schemas.ts';
import { engineStateSchema, vendorViewSchema } from './vendors.ts';

/**
 * The engine's push stream (IPC events in the app, Server-Sent Events headless). Each message is
 * self-contained so a face that connects late just applies them to its cache.
 */
export const engineMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('event'), event: vendorEventSchema }),
  z.object({ type: z.literal('vendor'), vendor: vendorViewSchema }),
  z.object({ type: z.literal('vendor_removed'), vendorId: z.string() }),
  z.object({ type: z.literal('state'), state: engineStateSchema }),
]);
export type EngineMessage = z.infer<typeof engineMessageSchema>;
