import { z } from 'zod';
import { platformSchema, snapshotSchema, vendorSourceSchema } from './model-schemas.ts';

export const catalogEntrySchema = vendorSourceSchema.extend({
  category: z.string(),
  aliases: z.array(z.string()),
});

export const catalogQuerySchema = z.object({ query: z.string().max(200), limit: z.number().int().min(1).max(500).default(20) });

/** What detection found for a pasted URL: enough to add the vendor, plus a first read of it. */
export const detectResultSchema = z.object({
  source: vendorSourceSchema,
  platform: platformSchema,
  snapshot: snapshotSchema,
});
export type DetectResult = z.infer<typeof detectResultSchema>;
