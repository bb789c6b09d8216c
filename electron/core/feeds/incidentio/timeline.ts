import type { FeedWarning, IncidentStatus, IncidentUpdate } from '../../../../shared/model/index.ts';
import { tidyText } from '../common/html.ts';
import { asArray, asRecord, asString } from '../common/json.ts';

/** incident.io's incident states [D: widget API docs list all four]. */
export const INCIDENT_STATUSES: Readonly<Record<string, IncidentStatus>> = {
  investigating: 'investigating',
  identified: 'identified',
  monitoring: 'monitoring',
  resolved: 'resolved',
};

/**
 * An incident's whole timeline, as the page's own data carries it (`updates[]`, each with
 * `published_at`, `to_status`, `message_string` and a rich-text `message`) [F: status.aiven.io and
 * linearstatus.com pages, ../shared/fixtures/incidentio/html]. The widget API has none of this; the
 * page proxy and the page itself do.
 */
export function readTimeline(
  raw: unknown, path: string, warnings: FeedWarning[], time: (value: unknown, path: string) => string | undefined,
): IncidentUpdate[] {
  const updates: IncidentUpdate[] = [];
  asArray(raw).forEach((value, i) => {
    const u = asRecord(value);
    const at = time(u?.published_at, `${path}[${i}].published_at`);
    if (!u || !at) {
      warnings.push({ code: 'unreadable_item', message: 'An update without a publication time was skipped.', path: `${path}[${i}]` });
      return;
    }
    const word = asString(u.to_status) ?? asString(u.status);
    const status = word === undefined ? undefined : INCIDENT_STATUSES[word];
    if (word !== undefined && !status) warnings.push({ code: 'unknown_status', message: `Unknown update status ${JSON.stringify(word)}.`, path: `${path}[${i}].to_status` });
    const previous = updates.at(-1)?.status ?? 'investigating';
    const body = asString(u.message_string) ?? proseText(u.message) ?? '';
    updates.push({ id: asString(u.id) ?? null, status: status ?? previous, label: capitalise(word ?? 'update'), body: tidyText(body), at });
  });
  return updates;
}

/**
 * Text of a rich-text message (a ProseMirror-style tree: `doc` › `paragraph` › `text`, plus
 * `lineBreak` and lists), used when `message_string` is missing [F: same pages].
 */
export function proseText(node: unknown): string | undefined {
  const parts: string[] = [];
  const walk = (value: unknown): void => {
    const n = asRecord(value);
    if (!n) return;
    const type = asString(n.type);
    if (type === 'text') parts.push(asString(n.text) ?? '');
    else if (type === 'lineBreak' || type === 'hardBreak') parts.push('\n');
    else if (type === 'listItem') parts.push('- ');
    for (const child of asArray(n.content)) walk(child);
    if (type === 'paragraph' || type === 'heading' || type === 'listItem') parts.push('\n\n');
  };
  walk(node);
  const text = tidyText(parts.join(''));
  return text === '' ? undefined : text;
}

export function capitalise(word: string): string {
  const spaced = word.replace(/_/g, ' ');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}
