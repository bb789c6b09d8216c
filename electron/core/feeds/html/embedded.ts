import type { FeedError, FeedWarning } from '../../../../shared/model/index.ts';
import { decodeBody } from '../common/decode.ts';
import { warn } from '../common/warnings.ts';
import type { FeedDocument } from '../types.ts';
import { deref, flightReviver, readFlight, type FlightData } from './flight.ts';
import { jsonValueEnd, nestsDeeper, readPageScripts, type PageScripts } from './page-scripts.ts';

/** A page's HTML text and the data it embeds, parsed once for every reader. */
export interface EmbeddedPage {
  html: string;
  scripts: PageScripts;
  /** Parsed `__NEXT_DATA__` JSON, when the page has it. */
  nextData: unknown;
  flight: FlightData;
  warnings: FeedWarning[];
}

/**
 * Bytes → the page's embedded data. The document must be an HTML page: a JSON or XML body is a
 * `wrong_format` (another adapter reads it), so detection can offer every body to every reader.
 */
export function readEmbeddedPage(doc: FeedDocument | undefined, what: string): { ok: true; page: EmbeddedPage } | { ok: false; error: FeedError } {
  if (!doc) return { ok: false, error: { kind: 'empty_body', message: `No ${what} page was fetched.` } };
  const decoded = decodeBody(doc.body);
  if (decoded.ok) return { ok: false, error: { kind: 'wrong_format', message: `Expected the ${what} HTML page but got a ${decoded.text.trimStart()[0] === '<' ? 'XML' : 'non-HTML'} document.` } };
  if (decoded.error.kind !== 'html_page') return decoded;
  const html = new TextDecoder().decode(doc.body);
  const warnings: FeedWarning[] = [];
  const scripts = readPageScripts(html);
  let nextData: unknown;
  if (scripts.nextData !== undefined) {
    nextData = parseEmbeddedJson(scripts.nextData);
    if (nextData === undefined) warn(warnings, 'unreadable_page_data', 'The page\'s __NEXT_DATA__ script is not valid JSON; its data was not read.', '__NEXT_DATA__');
  }
  return { ok: true, page: { html, scripts, nextData, flight: readFlight(scripts.flightPushes, warnings), warnings } };
}

/**
 * Embedded page data nests deeper than API JSON (a rendered React tree rides along), so its
 * guard is wider than MAX_JSON_DEPTH; it still refuses a nesting bomb before building it.
 */
export const MAX_EMBEDDED_DEPTH = 512;

/** JSON text from a script, guarded against nesting bombs; undefined when it does not parse. */
export function parseEmbeddedJson(text: string): unknown {
  const trimmed = text.trim();
  if (jsonValueEnd(trimmed, 0) === undefined || nestsDeeper(trimmed, MAX_EMBEDDED_DEPTH)) return undefined;
  try {
    return JSON.parse(trimmed, flightReviver) as unknown;
  } catch {
    return undefined;
  }
}

/** Every parsed value the page embeds: `__NEXT_DATA__` first, then flight rows in order. */
export function embeddedRoots(page: EmbeddedPage): unknown[] {
  return [...(page.nextData === undefined ? [] : [page.nextData]), ...page.flight.rows.values()];
}

/**
 * Objects anywhere in `roots` that pass `test`, in document order. Iterative depth-first walk
 * that does not descend into a match, with a node budget so a hostile page cannot make it spin.
 */
export function findObjects(roots: readonly unknown[], test: (obj: Record<string, unknown>) => boolean, budget = 500_000): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const stack: unknown[] = [...roots].reverse();
  let visited = 0;
  while (stack.length > 0 && visited++ < budget) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push(value[i]);
      continue;
    }
    const obj = value as Record<string, unknown>;
    if (test(obj)) {
      found.push(obj);
      continue;
    }
    const values = Object.values(obj);
    for (let i = values.length - 1; i >= 0; i--) stack.push(values[i]);
  }
  return found;
}

/** A flight row reference resolved against the page (`"$1c"` → that row's value). */
export function resolveRef(page: EmbeddedPage, value: unknown): unknown {
  return deref(page.flight, value);
}
