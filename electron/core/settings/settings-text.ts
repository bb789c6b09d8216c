import type { ApiResult } from '../../../shared/contract/result.ts';
import { fail, ok } from '../../../shared/contract/result.ts';
import type { Settings } from '../../../shared/contract/settings.ts';
import { settingsSchema } from '../../../shared/contract/settings.ts';
import { salvageSettings } from './salvage.ts';
import { vendorProblem } from './watchlist.ts';

/** How many of a file's problems a message names before "and N more". */
const SHOWN_PROBLEMS = 3;

/**
 * A settings file's text read as settings: what is valid, with the problems of what was not
 * (salvage.ts keeps every good part), or why nothing could be read. One reading for every copy the
 * store looks at (the file at start, the file changed elsewhere, the previous good copy), so they
 * are judged alike.
 */
export type SettingsReading = { ok: true; settings: Settings; problems: string[] } | { ok: false; problem: string };

export function readSettingsText(text: string): SettingsReading {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, problem: `is not valid JSON (${(error as Error).message.replace(/\s+/g, ' ')})` };
  }
  const salvaged = salvageSettings(raw);
  return salvaged ? { ok: true, settings: salvaged.settings, problems: salvaged.problems } : { ok: false, problem: 'does not hold a settings object' };
}

/** A file's problems for a sentence: the first few, then how many more. */
export function summariseProblems(problems: readonly string[]): string {
  const shown = problems.slice(0, SHOWN_PROBLEMS).join('; ');
  return problems.length > SHOWN_PROBLEMS ? `${shown}; and ${problems.length - SHOWN_PROBLEMS} more` : shown;
}

/**
 * A changed settings document checked before it is written: the schema, then each watched
 * vendor (a known adapter, usable URLs) and unique ids. The refusal names the first problem.
 */
export function checkSettings(changed: unknown): ApiResult<Settings> {
  const parsed = settingsSchema.safeParse(changed);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail('invalid_request', `Settings not saved: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}.`);
  }
  const ids = new Set<string>();
  for (const vendor of parsed.data.watchlist) {
    const problem = vendorProblem(vendor) ?? (ids.has(vendor.id) ? `"${vendor.id}" is listed twice` : undefined);
    if (problem) return fail('invalid_request', `Settings not saved: ${vendor.name}: ${problem}.`);
    ids.add(vendor.id);
  }
  return ok(parsed.data);
}
