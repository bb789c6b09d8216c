import { detached } from '../common/decode.ts';
import { htmlToText } from '../common/html.ts';

/**
 * Instatus's feed text quirks [F: Northflank history.rss, 2026-09].
 * - The HTML template appends "." to every update message, so a message that already ends a
 *   sentence shows `..` or `. .` ("…this incident..", "…fully operational. ."); the plain-text
 *   copy of the same update has one stop, which is the vendor's own text.
 * - The HTML `Affected Components:` line can be empty (`</strong> </p>`, `, , `) while the
 *   plain-text copy names the components.
 */

/** An update body without the template's extra stop. */
export function instatusBody(body: string): string {
  return body.replace(/([.!?…])\s*\.$/u, '$1');
}

/** Components from the plain-text copy's `Affected Components:` line; empty when it has none. */
export function instatusComponents(summary: string | undefined): string[] {
  if (summary === undefined) return [];
  const text = /<[a-z][^>]*>/i.test(summary) ? htmlToText(summary) : summary;
  const line = /^\s*Affected Components?\s*:[^\S\n]*(.*)$/im.exec(text)?.[1] ?? '';
  return line.split(',').map((c) => c.trim()).filter((c) => c !== '').map(detached);
}
