import { asRecord, asString } from '../common/json.ts';

/**
 * Instatus names are plain strings in summary.json but localized objects (`{"default":"API",
 * "fr":"API"}`) in the component data behind its pages. Prefer `default`, else the first string.
 */
export function localized(value: unknown): string | undefined {
  const text = asString(value);
  if (text !== undefined) return text.trim();
  const record = asRecord(value);
  if (!record) return undefined;
  const preferred = asString(record.default) ?? asString(record.en);
  if (preferred) return preferred.trim();
  for (const v of Object.values(record)) {
    const s = asString(v);
    if (s) return s.trim();
  }
  return undefined;
}
