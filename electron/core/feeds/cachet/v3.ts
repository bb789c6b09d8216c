import { asArray, asRecord, asString } from '../common/json.ts';
import type { CachetItem } from './build.ts';

/** `included[]` resources by `type:id`, for resolving relationships. */
export type IncludedIndex = Map<string, Record<string, unknown>>;

/** JSON:API keeps related objects once in `included[]`; relationships point at them by type and id. */
export function indexIncluded(included: unknown[]): IncludedIndex {
  const index: IncludedIndex = new Map();
  for (const raw of included) {
    const item = asRecord(raw);
    const type = asString(item?.type);
    const id = asString(item?.id);
    if (item && type && id) index.set(`${type}:${id}`, item);
  }
  return index;
}

/**
 * A Cachet 3 resource in 2.x terms: attributes lifted, the string top-level id kept,
 * `status:{human,value}` split into `status` + `human_status`, the time objects
 * `{human,string}` renamed to the 2.x `*_at` names, and related `updates`/`components`
 * resolved from `included[]` (or left as bare `{id}` references when not included).
 */
export function flattenV3(resource: CachetItem, index: IncludedIndex): CachetItem {
  const attrs = asRecord(resource.attributes) ?? {};
  const out: CachetItem = { ...attrs, id: asString(resource.id) ?? attrs.id };
  const status = asRecord(attrs.status);
  if (status) {
    out.status = status.value;
    out.human_status = status.human;
  }
  for (const [v3, v2] of [['occurred', 'occurred_at'], ['created', 'created_at'], ['updated', 'updated_at'], ['scheduled', 'scheduled_at'], ['completed', 'completed_at']] as const) {
    if (out[v2] === undefined && attrs[v3] !== undefined) out[v2] = attrs[v3];
  }
  const relationships = asRecord(resource.relationships) ?? {};
  const related = (name: string): CachetItem[] =>
    asArray(asRecord(relationships[name])?.data).flatMap((refRaw) => {
      const ref = asRecord(refRaw);
      const found = ref ? index.get(`${asString(ref.type)}:${asString(ref.id)}`) : undefined;
      if (found) return [flattenV3(found, index)];
      return ref ? [{ id: asString(ref.id) }] : [];
    });
  if (asRecord(relationships.updates)) out.updates = related('updates');
  if (asRecord(relationships.components)) out.components = related('components');
  const group = asRecord(asRecord(relationships.group)?.data) ?? asRecord(asRecord(relationships.componentGroup)?.data);
  if (group && out.component_group_id === undefined) out.component_group_id = asString(group.id);
  return out;
}
