import { z } from 'zod';
import type { Settings } from '../../../shared/contract/settings.ts';
import { MIN_INTERVAL_SECONDS, settingsSchema } from '../../../shared/contract/settings.ts';
import { vendorProblem } from './watchlist.ts';

/** What survived of a settings document, and a line per thing that did not. */
export interface SalvageResult {
  settings: Settings;
  /** Human lines naming the path (`watchlist[2] "Foo"`, `notifications.quietHours.start`) and what happened. */
  problems: string[];
}

type Attempt = { ok: true; value: unknown } | { ok: false; issue: string };

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return `${where}${issue.message}`;
}

/** The schema under `.default()`, `.prefault()` and `.optional()`, to see its object/array shape. */
function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  while (s instanceof z.ZodDefault || s instanceof z.ZodPrefault || s instanceof z.ZodOptional) s = s.unwrap() as z.ZodType;
  return s;
}

function label(raw: unknown): string {
  if (typeof raw !== 'object' || raw === null) return '';
  const r = raw as Record<string, unknown>;
  const name = typeof r.name === 'string' ? r.name : typeof r.id === 'string' ? r.id : undefined;
  return name === undefined ? '' : ` "${name}"`;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Keeps every part of `raw` that is valid on its own: an invalid array item or record entry is
 * dropped, an invalid field with a default is reset to it; only a required field without a
 * default fails its parent. So one bad watchlist entry costs that entry, not the whole file.
 */
function salvage(schema: z.ZodType, raw: unknown, path: string, problems: string[]): Attempt {
  const whole = schema.safeParse(raw);
  if (whole.success) return { ok: true, value: whole.data };
  const inner = unwrap(schema);
  if (inner instanceof z.ZodObject && isPlainObject(raw)) {
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(inner.shape as Record<string, z.ZodType>)) {
      const at = path ? `${path}.${key}` : key;
      const kept: string[] = [];
      const res = salvage(field, raw[key], at, kept);
      if (res.ok) {
        problems.push(...kept);
        if (res.value !== undefined) out[key] = res.value;
        continue;
      }
      const fallback = field.safeParse(undefined);
      if (!fallback.success) return { ok: false, issue: `${key}: ${res.issue}` };
      problems.push(`${at}: ${res.issue}; reset to its default`);
      if (fallback.data !== undefined) out[key] = fallback.data;
    }
    const rebuilt = inner.safeParse(out);
    return rebuilt.success ? { ok: true, value: rebuilt.data } : { ok: false, issue: firstIssue(rebuilt.error) };
  }
  if (inner instanceof z.ZodArray && Array.isArray(raw)) {
    const items: unknown[] = [];
    raw.forEach((item, i) => {
      const res = salvage(inner.element as z.ZodType, item, `${path}[${i}]`, problems);
      if (res.ok) items.push(res.value);
      else problems.push(`${path}[${i}]${label(item)}: ${res.issue}; dropped`);
    });
    return { ok: true, value: items };
  }
  if (inner instanceof z.ZodRecord && isPlainObject(raw)) {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(raw)) {
      const res = salvage(inner.valueType as z.ZodType, value, `${path}.${key}`, problems);
      if (res.ok) out[key] = res.value;
      else problems.push(`${path}.${key}: ${res.issue}; dropped`);
    }
    return { ok: true, value: out };
  }
  return { ok: false, issue: firstIssue(whole.error) };
}

/** Repairs that keep a vendor rather than drop it: a hand-edited interval below the minimum is raised. */
function repairWatchlist(raw: Record<string, unknown>, problems: string[]): Record<string, unknown> {
  if (!Array.isArray(raw.watchlist)) return raw;
  const watchlist = raw.watchlist.map((item, i) => {
    if (!isPlainObject(item)) return item;
    const interval = item.intervalSeconds;
    if (typeof interval === 'number' && Number.isFinite(interval) && interval < MIN_INTERVAL_SECONDS) {
      problems.push(`watchlist[${i}]${label(item)}.intervalSeconds: ${interval} s is below the ${MIN_INTERVAL_SECONDS} s minimum; raised to ${MIN_INTERVAL_SECONDS} s`);
      return { ...item, intervalSeconds: MIN_INTERVAL_SECONDS };
    }
    return item;
  });
  return { ...raw, watchlist };
}

/**
 * Reads a parsed settings file as far as it is valid. Returns undefined when nothing is
 * salvageable (not an object at all), so the caller falls back to defaults. Beyond the schema,
 * drops vendors this version cannot read (unknown adapter, non-http URL) and later duplicates of an id.
 */
export function salvageSettings(raw: unknown): SalvageResult | undefined {
  if (!isPlainObject(raw)) return undefined;
  const problems: string[] = [];
  let input = repairWatchlist(raw, problems);
  if (input.version !== 1) {
    problems.push(`version: expected 1, found ${JSON.stringify(input.version) ?? 'nothing'}; read as version 1`);
    input = { ...input, version: 1 };
  }
  const res = salvage(settingsSchema, input, '', problems);
  if (!res.ok) return undefined;
  const settings = res.value as Settings;
  const seen = new Set<string>();
  settings.watchlist = settings.watchlist.filter((vendor) => {
    const problem = vendorProblem(vendor);
    if (problem) {
      problems.push(`watchlist "${vendor.name}": ${problem}; dropped`);
      return false;
    }
    if (seen.has(vendor.id)) {
      problems.push(`watchlist "${vendor.name}": id "${vendor.id}" is listed twice; the second one was dropped`);
      return false;
    }
    seen.add(vendor.id);
    return true;
  });
  return { settings, problems };
}
