import { detached } from '../common/decode.ts';
import { tidyText } from '../common/html.ts';
import { parseStamp } from './timeline.ts';
import type { ParsedTimeline, TimelineBlock } from './timeline.ts';

/**
 * The plain-text twin of an Instatus timeline. Instatus's RSS `<description>` carries the whole
 * entry as text [F: Northflank history.rss]: `Type:` / `Duration:` / `Affected Components:` lines,
 * then runs such as `Sep 25, 15:15:00 GMT+0 - Investigating - We are … Sep 25, 16:01:05 GMT+0 -
 * Resolved - This incident has been resolved.` on one line. Read when an entry's HTML has no
 * readable blocks (an item without `content:encoded`), so such an entry still gets its timeline.
 */

const MONTH = String.raw`(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?`;
const ZONE = String.raw`(?:(?:GMT|UTC|UT)\s*[+-]\s*\d{1,2}(?::?\d{2})?|[+-]\d{2}:?\d{2}|[A-Z][A-Za-z]{1,9})`;
/** A stamp, then ` - Label - `: the label is one to four capitalised words. */
const RUN_START = new RegExp(
  String.raw`(${MONTH}\s+\d{1,2},?\s+(?:\d{4},?\s+)?\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp][Mm])?(?:\s+${ZONE})?)\s+[-–—]\s+([A-Z][A-Za-z]*(?: [A-Za-z]+){0,3})\s+[-–—]\s*`,
  'g',
);

/** Blocks from plain text, in document order, and the lines before the first one; strings detached. */
export function parsePlainTimeline(text: string): ParsedTimeline {
  const starts: { at: number; end: number; stampText: string; label: string }[] = [];
  for (const m of text.matchAll(RUN_START)) {
    starts.push({ at: m.index, end: m.index + m[0].length, stampText: detached((m[1] ?? '').replace(/\s+/g, ' ').trim()), label: detached(m[2] ?? '') });
  }
  const blocks: TimelineBlock[] = [];
  const unread: string[] = [];
  for (const [n, start] of starts.entries()) {
    const stamp = parseStamp(start.stampText);
    if (!stamp) {
      unread.push(start.stampText);
      continue;
    }
    const body = tidyText(text.slice(start.end, starts[n + 1]?.at ?? text.length));
    blocks.push({ stamp, stampText: start.stampText, label: start.label, body });
  }
  const head = text.slice(0, starts[0]?.at ?? text.length);
  const prelude = head.split('\n').map((l) => l.trim()).filter((l) => l !== '').map(detached);
  return { prelude, blocks, unread };
}

const STAMP_LIKE = new RegExp(String.raw`\b${MONTH}\s+\d{1,2},?\s+(?:\d{4},?\s+)?\d{1,2}:\d{2}`, 'g');

/** How many stamp-like dates ("Sep 25, 15:15") a text holds: a timeline's signature. */
export function countStampLike(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(STAMP_LIKE)) n++;
  return n;
}
