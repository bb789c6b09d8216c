import { z } from 'zod';

/**
 * Every answer across the engine boundary is a value: `{ ok: true, value }` or
 * `{ ok: false, error }`. The UI never has to guess whether a rejected promise was a bug or a
 * vendor's bad day.
 */
export const API_ERROR_CODES = ['invalid_request', 'not_found', 'conflict', 'detect_failed', 'unavailable', 'internal'] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export const apiErrorSchema = z.object({ code: z.enum(API_ERROR_CODES), message: z.string() });
export type ApiError = z.infer<typeof apiErrorSchema>;

export type ApiFailure = { ok: false; error: ApiError };
export type ApiResult<T> = { ok: true; value: T } | ApiFailure;

/** Schema of an ApiResult around a value schema, for the transport to validate answers. */
export function apiResultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: apiErrorSchema }),
  ]);
}

export function ok<T>(value: T): ApiResult<T> {
  return { ok: true, value };
}

export function fail(code: ApiErrorCode, message: string): ApiFailure {
  return { ok: false, error: { code, message } };
}
