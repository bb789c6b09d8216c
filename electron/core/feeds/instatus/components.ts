import type { Component, FeedWarning } from '../../../../shared/model/index.ts';
import { asArray, asRecord, asString, readJson } from '../common/json.ts';
import { slugify } from '../common/snapshot.ts';
import type { FeedDocument } from '../types.ts';
import { INSTATUS_COMPONENT_LEVELS } from './levels.ts';
import { localized } from './localized.ts';

/**
 * Components from the optional components document (`/v2/components.json`, `/v3/components.json`
 * or `/api/v2/components.json`: `{"components":[...]}`, or a bare array on older pages). Groups are components with `children[]`: the children are listed under the
 * group's name and the group itself is not, since its status is only the children's aggregate.
 * The document is optional, so any failure becomes one warning and an empty list.
 */
export function readInstatusComponents(doc: FeedDocument | undefined, warnings: FeedWarning[]): Component[] {
  if (!doc) return [];
  const read = readJson(doc, 'Instatus components');
  if (!read.ok) {
    warnings.push({ code: 'optional_document', message: `Components were not read: ${read.error.message}`, path: 'components' });
    return [];
  }
  const root = asRecord(read.value);
  const list = Array.isArray(read.value) ? read.value : root?.components;
  if (!Array.isArray(list)) {
    warnings.push({ code: 'optional_document', message: 'The components document has no components list.', path: 'components' });
    return [];
  }
  const out: Component[] = [];
  const visit = (raw: unknown, path: string, group: string | null): void => {
    const item = asRecord(raw);
    const name = localized(item?.name);
    if (!item || !name) {
      warnings.push({ code: 'unreadable_item', message: `A component without a name was skipped (${path}).`, path });
      return;
    }
    const children = asArray(item.children);
    if (children.length > 0) {
      children.forEach((child, i) => visit(child, `${path}.children[${i}]`, name));
      return;
    }
    const statusText = typeof item.status === 'string' ? item.status.toUpperCase() : undefined;
    const status = statusText === undefined ? undefined : INSTATUS_COMPONENT_LEVELS[statusText];
    if (status === undefined) warnings.push({ code: 'unknown_status', message: `Component "${name}": unknown status ${JSON.stringify(item.status)}; shown as unknown.`, path: `${path}.status` });
    const groupName = group ?? localized(asRecord(item.group)?.name) ?? localized(item.group) ?? null;
    out.push({ id: asString(item.id) ?? slugify(name), name, group: groupName, status: status ?? 'unknown' });
  };
  list.forEach((raw, i) => visit(raw, `components[${i}]`, null));
  return out;
}
