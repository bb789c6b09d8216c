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
}

/** `Aug 21, 00:37 UTC`, `Feb  7, 11:52 UTC`, `Jan 5, 2024, 10:00 AM PST`, `Mar 3, 08:40:00 +02:00`. */
const STAMP_RE = /^([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(?:(\d{4}),?\s+)?(?:at\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?\s*([A-Za-z]{1,5}|[+-]\d{2}:?\d{2})?$/;

/** Parse a printed stamp, or undefined when the text is not one. */
export function parseStamp(text: string): Stamp | undefined {
  const m = STAMP_RE.exec(text.replace(/\s+/g, ' ').trim());
  if (!m) return undefined;
  const month = (MONTHS as readonly string[]).indexOf((m[1] ?? '').toLowerCase());
  if (month < 0) return undefined;
  let hour = Number(m[4]);
  const ampm = m[7]?.toLowerCase();
  if (ampm === 'pm' && hour < 12) hour += 12;
  if (ampm === 'am' && hour === 12) hour = 0;
  const stamp: Stamp = {
    month, day: Number(m[2]), hour, minute: Number(m[5]), second: Number(m[6] ?? 0),
    zone: m[8] ?? '', year: m[3] === undefined ? undefined : Number(m[3]),
  };
  if (stamp.day < 1 || stamp.day > 31 || stamp.hour > 23 || stamp.minute > 59 || stamp.second > 59) return undefined;
  return stamp;
}

/** Split entry HTML into prelude and blocks. Linear in the size of the content. */
export function parseTimeline(html: string): ParsedTimeline {
  const tokens = htmlTokens(html);
  const starts: { index: number; stamp: Stamp; text: string }[] = [];
  for (const [index, token] of tokens.entries()) {
    if (token.kind !== 'small') continue;
    const stamp = parseStamp(token.text);
    if (stamp) starts.push({ index, stamp, text: token.text.replace(/\s+/g, ' ').trim() });
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
      label = first.text.replace(/\s+/g, ' ').trim();
      i++;
    }
    const body = tokensToText(tokens.slice(i, end)).replace(/^[-–—]\s*/, '');
    return { stamp: start.stamp, stampText: start.text, label, body };
  });
  return { prelude, blocks };
}

function isBlank(token: HtmlToken | undefined): boolean {
  return token !== undefined && (token.kind === 'br' || token.kind === 'para' || (token.kind === 'text' && token.text.trim() === ''));
}
