import type { FeedWarning } from '../../../../shared/model/index.ts';
import { warn } from '../common/warnings.ts';
import { nestsDeeper } from './page-scripts.ts';

/** Flight rows carry a rendered React tree, so they nest deeper than API JSON; bombs stay out. */
const MAX_ROW_DEPTH = 512;

/**
 * Next.js app-router "flight" data, as newer Instatus and incident.io pages embed it
 * (`self.__next_f.push([1,"…"])` chunks, seen in ../shared/fixtures/{instatus,incidentio}/html).
 * The chunks concatenate into a stream of rows `<hex id>:<payload>\n`, where a payload is JSON,
 * a tagged instruction (`I[…]` module, `HL[…]` hint, `E{…}` error) or `T<hex byte length>,<text>`.
 * Only JSON and text rows carry page data; the rest is skipped by design.
 */
export interface FlightData {
  /** Parsed JSON (or text) of each row, by row id. */
  rows: Map<string, unknown>;
}

/**
 * RSC encodes `undefined` as "$undefined", a literal leading `$` as "$$" and dates as "$D<iso>";
 * undoing that while parsing keeps every reader free of the encoding.
 */
export function flightReviver(_key: string, value: unknown): unknown {
  if (typeof value !== 'string' || value[0] !== '$') return value;
  if (value === '$undefined') return undefined;
  if (value.startsWith('$$')) return value.slice(1);
  if (value.startsWith('$D')) return value.slice(2);
  return value;
}

/** Push arguments (JSON text) → rows. Unreadable chunks and rows become one warning each kind. */
export function readFlight(pushes: readonly string[], warnings: FeedWarning[]): FlightData {
  let stream = '';
  let badChunks = 0;
  for (const arg of pushes) {
    let chunk: unknown;
    try {
      chunk = JSON.parse(arg);
    } catch {
      badChunks++;
      continue;
    }
    if (!Array.isArray(chunk)) {
      badChunks++;
      continue;
    }
    if (chunk[0] === 1 && typeof chunk[1] === 'string') stream += chunk[1];
    else if (chunk[0] === 3 && typeof chunk[1] === 'string') {
      const binary = base64Text(chunk[1]);
      if (binary === undefined) badChunks++;
      else stream += binary;
    }
  }
  if (badChunks > 0) warn(warnings, 'unreadable_page_data', `${badChunks} embedded Next.js data chunk(s) were not JSON and were skipped.`, 'self.__next_f');
  const rows = new Map<string, unknown>();
  let badRows = 0;
  for (const [id, payload] of splitRows(stream)) {
    const head = payload[0];
    if (head === '[' || head === '{' || head === '"') {
      if (nestsDeeper(payload, MAX_ROW_DEPTH)) {
        badRows++;
        continue;
      }
      try {
        rows.set(id, JSON.parse(payload, flightReviver));
      } catch {
        badRows++;
      }
    } else if (head === 'T') rows.set(id, payload.slice(payload.indexOf(',') + 1));
  }
  if (badRows > 0) warn(warnings, 'unreadable_page_data', `${badRows} embedded Next.js data row(s) were malformed and were skipped.`, 'self.__next_f');
  return { rows };
}

/** A base64 binary chunk as UTF-8 text, or undefined when it is not base64. */
function base64Text(value: string): string | undefined {
  try {
    return new TextDecoder().decode(Uint8Array.from(atob(value), (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
}

/**
 * The rows of a flight stream. Text rows (`T<len>,`) are sized in UTF-8 bytes and may hold
 * newlines, so they are cut by length; every other row ends at a newline.
 */
function* splitRows(stream: string): Generator<[string, string]> {
  let i = 0;
  while (i < stream.length) {
    const colon = stream.indexOf(':', i);
    if (colon < 0) return;
    const id = stream.slice(i, colon);
    const text = /^T([0-9a-f]+),/.exec(stream.slice(colon + 1, colon + 20));
    if (text?.[1] !== undefined) {
      const start = colon + 1 + text[0].length;
      const end = advanceBytes(stream, start, parseInt(text[1], 16));
      yield [id, `T,${stream.slice(start, end)}`];
      i = end;
      continue;
    }
    const newline = stream.indexOf('\n', colon);
    const end = newline < 0 ? stream.length : newline;
    yield [id, stream.slice(colon + 1, end)];
    i = end + 1;
  }
}

/** The string index `bytes` UTF-8 bytes after `start`. */
function advanceBytes(text: string, start: number, bytes: number): number {
  let i = start;
  let left = bytes;
  while (i < text.length && left > 0) {
    const c = text.codePointAt(i) ?? 0;
    left -= c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    i += c >= 0x10000 ? 2 : 1;
  }
  return i;
}

/** A row reference ("$1c") resolved to the row's value; anything else unchanged. */
export function deref(data: FlightData, value: unknown): unknown {
  if (typeof value === 'string' && /^\$[0-9a-f]+$/.test(value)) return data.rows.get(value.slice(1)) ?? value;
  return value;
}
