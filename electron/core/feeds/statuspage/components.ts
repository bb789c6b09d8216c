import type { Component, FeedWarning } from '../../../../shared/model/index.ts';
import { asArray, asNumber, asRecord, asString } from '../common/json.ts';
import { warn } from '../common/warnings.ts';
import { COMPONENT_LEVELS } from './enums.ts';

/**
 * Statuspage components → the model. Group objects (`group: true`) are headings, not components:
 * their children name them through `group_id`, and the user sees "Group › Child". Order follows
 * the page: parent position, then child position (as stts does) [C]. Pages from 2016 lack
 * `group` entirely [F-embedded Quay capture]; those components are simply ungrouped.
 */
export function parseStatuspageComponents(raw: unknown, path: string, warnings: FeedWarning[]): Component[] {
  const list = asArray(raw);
  const groups = new Map<string, { name: string; position: number }>();
  for (const item of list) {
    const c = asRecord(item);
    const id = asString(c?.['id']);
    if (c && id !== undefined && c['group'] === true) groups.set(id, { name: asString(c['name']) ?? id, position: asNumber(c['position']) ?? 0 });
  }
  const keyed: { component: Component; key: [number, number, number] }[] = [];
  for (const [i, item] of list.entries()) {
    const c = asRecord(item);
    const cpath = `${path}[${i}]`;
    const id = asString(c?.['id']);
    const name = asString(c?.['name']);
    if (!c || id === undefined || name === undefined) {
      warn(warnings, 'missing_field', 'A component without id or name was skipped.', cpath);
      continue;
    }
    if (c['group'] === true) continue;
    const statusText = asString(c['status']);
    let status = statusText === undefined ? undefined : COMPONENT_LEVELS[statusText];
    if (status === undefined) {
      warn(warnings, 'unknown_status', `Unknown component status ${JSON.stringify(c['status'])}.`, `${cpath}.status`);
      status = 'unknown';
    }
    const groupId = asString(c['group_id']);
    const group = groupId === undefined ? undefined : groups.get(groupId);
    const position = asNumber(c['position']) ?? 0;
    keyed.push({ component: { id, name, group: group?.name ?? null, status }, key: group ? [group.position, 1, position] : [position, 0, 0] });
  }
  keyed.sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.key[2] - b.key[2]);
  return keyed.map((k) => k.component);
}
