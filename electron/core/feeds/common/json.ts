import type { FeedError } from '../../../../shared/model/index.ts';
import type { FeedDocument } from '../types.ts';
import { decodeBody } from './decode.ts';

/** Nesting beyond this is hostile or broken; real status JSON is under 10 levels deep. */
export const MAX_JSON_DEPTH = 64;

/**
 * Decode and parse a JSON document with the common guards. Depth is checked on the text before
 * `JSON.parse`, so a deeply nested bomb is rejected without building it.
 */
export function readJson(doc: FeedDocument | undefined, what: string): { ok: true; value: unknown } | { ok: false; error: FeedError } {
  if (!doc) return { ok: false, error: { kind: 'empty_body', message: `No ${what} document was fetched.` } };
  const decoded = decodeBody(doc.body);
  if (!decoded.ok) return decoded;
  const text = decoded.text.trim();
  if (text[0] !== '{' && text[0] !== '[') {
    return { ok: false, error: { kind: 'wrong_format', message: `Expected JSON for ${what} but the body starts with "${text.slice(0, 20)}".` } };
  }
  if (jsonDepth(text) > MAX_JSON_DEPTH) {
    return { ok: false, error: { kind: 'malformed', message: `The ${what} JSON nests deeper than ${MAX_JSON_DEPTH} levels.` } };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return { ok: false, error: { kind: 'malformed', message: `The ${what} JSON is malformed or truncated: ${reason}` } };
  }
}

/** Maximum bracket depth outside strings, in one pass without allocation. */
function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > max) max = depth;
    } else if (c === 125 || c === 93) depth--;
  }
  return max;
}

/** A plain object, or undefined: lets adapters walk unknown JSON without casts or throws. */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** An array, or an empty one. */
export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A non-empty trimmed string, or undefined; numbers are stringified (vendors mix the two). */
export function asString(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** A finite number, accepting numeric strings ("3", "1772369485") because vendors send both. */
export function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}
