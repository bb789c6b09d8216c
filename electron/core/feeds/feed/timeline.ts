import { detached } from '../common/decode.ts';
import { htmlTokens, tokensToText } from '../common/html.ts';
import type { HtmlToken } from '../common/html.ts';
import { MONTHS } from '../common/time.ts';

/**
 * The timeline Statuspage and Instatus render into each feed entry [F: 373 GitHub snapshots]:
 * repeated `<small>Mon <var>D</var>, <var>HH:MM</var> ZONE</small><br><strong>Label</strong> - body`
 * blocks, usually newest first, with no year. Blocks are found on parsed tokens, not on raw
 * markup, so `<p> <small>` vs `<p><small>` (which Statuspage alternates) makes no difference.
 * Paragraphs before the first block are the prelude: Instatus metadata (`Type:`, `Duration:`,
 * `Affected Components:`), GitHub's "THIS IS A SCHEDULED EVENT …" banner, incident.io's
 * `Status:` line.
 */

/** A wall-clock stamp as printed: month 0-11, no year unless the vendor printed one. */
export interface Stamp {
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Zone abbreviation or numeric offset as printed; empty when none. */
  zone: string;
  year: number | undefined;
}

export interface TimelineBlock {
  stamp: Stamp;
  /** The stamp as printed, for warnings. */
  stampText: string;
  label: string;
  body: string;
}

export interface ParsedTimeline {
  /** Plain-text lines before the first block. */
  prelude: string[];
  /** In document order. */
  blocks: TimelineBlock[];
  /**
   * `<small>` runs that start like a stamp ("Sep 25, …") but could not be read as one: an update
   * whose time we lost, which the caller must report rather than fold into its neighbour.
   */
  unread: string[];
}

/**
 * A zone as printed after a stamp: Instatus's `GMT+0`, `GMT-7`, `GMT+05:30`, `UTC+2` [F: Northflank
 * "GMT+0"], a numeric offset, or a name of any length (an unknown name must still be caught, so
 * the caller can say which zone it could not read instead of losing the whole update).
 */
const ZONE = String.raw`(?:GMT|UTC|UT)\s*[+-]\s*\d{1,2}(?::?\d{2})?|[+-]\d{2}:?\d{2}|[A-Za-z][A-Za-z0-9]{0,9}`;

/** `Aug 21, 00:37 UTC`, `Feb  7, 11:52 UTC`, `Jan 5, 2024, 10:00 AM PST`, `Sep  25, 15:15:00 GMT+0`. */
const STAMP_RE = new RegExp(String.raw`^([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(?:(\d{4}),?\s+)?(?:at\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(?:([AaPp][Mm])(?![A-Za-z]))?\s*(${ZONE})?$`);

/** Text that begins the way a stamp does ("Sep 25,", "March 3 "), whatever follows. */
const STAMP_START_RE = /^([A-Za-z]{3,9})\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\S/;

/** Parse a printed stamp, or undefined when the text is not one. */
export function parseStamp(text: string): Stamp | undefined {
  const m = STAMP_RE.exec(text.replace(/\s+/g, ' ').trim());
  if (!m) return undefined;
  const month = monthIndex(m[1] ?? '');
  if (month < 0) return undefined;
  let hour = Number(m[4]);
  const ampm = m[7]?.toLowerCase();
  if (ampm === 'pm' && hour < 12) hour += 12;
  if (ampm === 'am' && hour === 12) hour = 0;
  const stamp: Stamp = {
    month, day: Number(m[2]), hour, minute: Number(m[5]), second: Number(m[6] ?? 0),
    zone: (m[8] ?? '').replace(/\s+/g, ''), year: m[3] === undefined ? undefined : Number(m[3]),
  };
  if (stamp.day < 1 || stamp.day > 31 || stamp.hour > 23 || stamp.minute > 59 || stamp.second > 59) return undefined;
  return stamp;
}

/** True when text starts like a stamp (a month name and a day), readable or not. */
export function looksLikeStamp(text: string): boolean {
  const m = STAMP_START_RE.exec(text.replace(/\s+/g, ' ').trim());
  return m !== null && monthIndex(m[1] ?? '') >= 0;
}

function monthIndex(word: string): number {
  return (MONTHS as readonly string[]).indexOf(word.slice(0, 3).toLowerCase());
}

/**
 * Split entry HTML into prelude and blocks. Linear in the size of the content. Every string kept
 * is detached (common/decode.ts): timelines outlive their document.
 */
export function parseTimeline(html: string): ParsedTimeline {
  const tokens = unnestEscapedMarkup(htmlTokens(html));
  const starts: { index: number; stamp: Stamp; text: string }[] = [];
  const unread: string[] = [];
  for (const [index, token] of tokens.entries()) {
    if (token.kind !== 'small') continue;
    const text = token.text.replace(/\s+/g, ' ').trim();
    const stamp = parseStamp(text);
    if (stamp) starts.push({ index, stamp, text: detached(text) });
    else if (looksLikeStamp(text)) unread.push(detached(text));
  }
  const preludeEnd = starts[0]?.index ?? tokens.length;
  const prelude = tokensToText(tokens.slice(0, preludeEnd)).split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const blocks = starts.map((start, n): TimelineBlock => {
    const end = starts[n + 1]?.index ?? tokens.length;
    let i = start.index + 1;
    while (i < end && isBlank(tokens[i])) i++;
    let label = '';
    const first = tokens[i];
    if (first?.kind === 'strong') {
      label = detached(first.text.replace(/\s+/g, ' ').trim());
      i++;
    }
    const body = tokensToText(tokens.slice(i, end)).replace(/^[-–—]\s*/, '');
    return { stamp: start.stamp, stampText: start.text, label, body };
  });
  return { prelude, blocks, unread };
}

/**
 * Instatus escapes its timeline twice [F: Northflank history.rss]: inside the CDATA, the Type /
 * Duration / Affected Components paragraphs are markup but the update blocks are entity-escaped
 * (`&lt;p&gt;&lt;small&gt;Sep …`), so one parse leaves them as text. A text run that carries
 * `<small>` markup is parsed once more; nothing else is, so a body that merely mentions a tag keeps it.
 */
function unnestEscapedMarkup(tokens: HtmlToken[]): HtmlToken[] {
  const nested = (text: string): boolean => /<small[\s>]/i.test(text) && /<\/small>/i.test(text);
  if (!tokens.some((t) => t.kind === 'text' && t.text.includes('<'))) return tokens;
  const out: HtmlToken[] = [];
  let run = '';
  const flush = (): void => {
    if (run === '') return;
    if (nested(run)) out.push(...htmlTokens(run));
    else out.push({ kind: 'text', text: run });
    run = '';
  };
  for (const token of tokens) {
    if (token.kind === 'text') run += token.text;
    else {
      flush();
      out.push(token);
    }
  }
  flush();
  return out;
}

function isBlank(token: HtmlToken | undefined): boolean {
  return token !== undefined && (token.kind === 'br' || token.kind === 'para' || (token.kind === 'text' && token.text.trim() === ''));
}
