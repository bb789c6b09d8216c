import type { Component, StatusLevel } from '../../../../shared/model/index.ts';
import { asArray, asRecord, asString } from '../common/json.ts';
import { slugify } from '../common/snapshot.ts';
import type { IncidentioReader } from './shared.ts';

/** Remember every component's name by id (`summary.components[]`), before incidents are read. */
export function learnComponentNames(summary: Record<string, unknown>, reader: IncidentioReader): void {
  for (const raw of asArray(summary.components)) {
    const c = asRecord(raw);
    const id = asString(c?.id);
    const name = asString(c?.name);
    if (id && name) reader.names.set(id, name);
  }
}

/**
 * The page's full component list, in page order: `structure.items[]` is either
 * `{group:{name, components:[{component_id, name, hidden}]}}` or `{component:{...}}`. Status
 * comes from `affected_components[{component_id, status}]` when the page lists them, else from
 * the incidents that touch the component, else operational (the page shows green) [C, and F on
 * the page data of status.aiven.io and linearstatus.com].
 */
export function structureComponents(summary: Record<string, unknown>, reader: IncidentioReader): Component[] {
  const statusById = new Map<string, StatusLevel>();
  asArray(summary.affected_components).forEach((raw, i) => {
    const c = asRecord(raw);
    const id = asString(c?.component_id) ?? asString(c?.id);
    const level = reader.level(c?.status ?? c?.current_status, `affected_components[${i}].status`);
    if (id && level) statusById.set(id, level);
  });
  const out: Component[] = [];
  const seen = new Set<string>();
  const add = (raw: unknown, group: string | null, path: string): void => {
    const c = asRecord(raw);
    if (!c || c.hidden === true) return;
    const id = asString(c.component_id) ?? asString(c.id);
    const name = asString(c.name) ?? (id ? reader.names.get(id) : undefined);
    if (!name) {
      reader.warnings.push({ code: 'unreadable_item', message: 'A component without a name was skipped.', path });
      return;
    }
    const key = id ?? slugify(name);
    if (seen.has(key)) return;
    seen.add(key);
    const status = statusById.get(key) ?? reader.affected.get(key)?.status ?? 'operational';
    out.push({ id: key, name, group, status });
  };
  const structure = asRecord(summary.structure);
  asArray(structure?.items).forEach((raw, i) => {
    const item = asRecord(raw);
    const group = asRecord(item?.group);
    if (group) {
      const groupName = asString(group.name) ?? null;
      if (group.hidden === true) return;
      asArray(group.components).forEach((c, j) => add(c, groupName, `structure.items[${i}].group.components[${j}]`));
    } else if (item?.component !== undefined) {
      add(item.component, null, `structure.items[${i}].component`);
    }
  });
  // Components named only in incidents (not in the structure) still count.
  for (const c of reader.affected.values()) if (!seen.has(c.id)) out.push(c);
  return out;
}
