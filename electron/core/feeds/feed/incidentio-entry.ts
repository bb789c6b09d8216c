import type { FeedWarning, IncidentStatus, MaintenanceStatus } from '../../../../shared/model/index.ts';
import { detached } from '../common/decode.ts';
import { htmlTokens, tokensToText } from '../common/html.ts';
import { warn } from '../common/warnings.ts';
import type { EntryMemo } from './entry-cache.ts';
import { currentIncident, currentMaintenance } from './items.ts';
import type { FeedItem } from './items.ts';
import { INCIDENT_LABELS, MAINTENANCE_LABELS, labelKey } from './labels.ts';
import type { FeedEntry } from './read-feed.ts';

/**
 * incident.io feeds (`<generator>incident.io</generator>`) hold only an incident's current state
 * [C: statusphere and OSS monitors; no raw capture]:
 * `<b>Status: Resolved</b><br/><br/>{message}<br/><br/><b>Affected components</b><ul><li>Login (Operational)</li></ul>`.
 * So each entry yields one update (the latest); the timeline builds up by diffing polls. Entry
 * `<published>` is taken as the start and `<updated>` as the update time (inferred).
 */
export function incidentioEntryToItem(entry: FeedEntry, id: string, fetchedAt: string, warnings: FeedWarning[], memo: EntryMemo = {}): FeedItem {
  const { statusWord, message, components } = (memo.incidentio ??= readIncidentioContent(entry.content));
  const at = entry.updated ?? entry.published ?? fetchedAt;
  const label = statusWord ?? 'Update';
  const state = { entry, id, at, label, body: message, components: [...components] };
  const key = labelKey(label).replace(/^maintenance /, '');
  const maintenanceStatus: MaintenanceStatus | undefined = MAINTENANCE_LABELS[key];
  if (maintenanceStatus) return currentMaintenance(state, maintenanceStatus);
  let status: IncidentStatus | undefined = INCIDENT_LABELS[key];
  if (status === undefined) {
    const name = `"${(entry.title ?? '(untitled)').slice(0, 100)}" (${id})`;
    const problem = statusWord === undefined ? 'no "Status:" line' : `unknown incident.io status "${statusWord}"`;
    warn(warnings, statusWord === undefined ? 'missing_status' : 'unknown_status', `${name}: ${problem}; read as investigating.`, `${entry.path}.content`);
    status = 'investigating';
  }
  return currentIncident(state, status);
}

/** What an incident.io entry's content says: its `Status:` word, its message, its components. */
export interface IncidentioContent { statusWord: string | undefined; message: string; components: string[] }

/** Reads the content shape documented above; strings detached (they outlive the document). */
export function readIncidentioContent(content: string | undefined): IncidentioContent {
  const tokens = htmlTokens(content ?? '');
  let statusWord: string | undefined;
  let statusAt = -1;
  let componentsAt = tokens.length;
  for (const [i, token] of tokens.entries()) {
    if (token.kind !== 'strong') continue;
    const status = /^\s*status\s*:\s*(.+?)\s*$/i.exec(token.text);
    if (status && statusWord === undefined) [statusWord, statusAt] = [status[1], i];
    else if (/^\s*affected components?\s*$/i.test(token.text)) componentsAt = i;
  }
  const message = tokensToText(tokens.slice(statusAt + 1, componentsAt));
  const components = tokensToText(tokens.slice(componentsAt + 1)).split('\n')
    .map((line) => line.replace(/\s*\([^()]*\)\s*$/, '').trim())
    .filter((line) => line !== '')
    .map(detached);
  return { statusWord: statusWord === undefined ? undefined : detached(statusWord), message, components };
}
