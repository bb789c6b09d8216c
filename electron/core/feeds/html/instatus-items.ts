import type {
  Component, FeedWarning, Incident, IncidentStatus, Maintenance, MaintenanceStatus, StatusLevel, TimelineUpdate,
} from '../../../../shared/model/index.ts';
import { htmlToText, tidyText } from '../common/html.ts';
import { asArray, asNumber, asRecord, asString } from '../common/json.ts';
import { slugify } from '../common/snapshot.ts';
import { enumReader, isoTimeReader } from '../common/warnings.ts';
import {
  INSTATUS_COMPONENT_LEVELS, INSTATUS_IMPACTS, INSTATUS_INCIDENT_STATUSES, INSTATUS_LABELS, INSTATUS_MAINTENANCE_STATUSES,
  INSTATUS_PAGE_LEVELS,
} from '../instatus/levels.ts';
import { localized } from '../instatus/localized.ts';

export type PageItem = { kind: 'incident'; value: Incident } | { kind: 'maintenance'; value: Maintenance };

/**
 * Field readers for the objects inside an Instatus page's embedded props: components (with
 * `children` for groups), incidents and maintenances with their `updates` [F: wherebystatus.com].
 * Words are Instatus's UPPERCASE enums (instatus/levels.ts); names may be localized objects.
 */
export class InstatusPageReader {
  readonly warnings: FeedWarning[];
  /** Component names by id: notices name their components by id only. */
  readonly names = new Map<string, string>();
  private readonly fetchedAt: string;
  private readonly pageUrl: string;
  private readonly time: (value: unknown, path: string) => string | undefined;
  private readonly word: <T>(table: Readonly<Record<string, T>>, value: unknown, path: string) => T | undefined;

  constructor(fetchedAt: string, pageUrl: string, warnings: FeedWarning[]) {
    this.fetchedAt = fetchedAt;
    this.pageUrl = pageUrl.replace(/\/+$/, '');
    this.warnings = warnings;
    this.time = isoTimeReader(warnings);
    this.word = enumReader(warnings, 'status', (w) => w.toUpperCase());
  }

  pageLevel(value: unknown, path: string): StatusLevel | undefined {
    return this.word(INSTATUS_PAGE_LEVELS, value, path);
  }

  /** Leaf components; a parent's `children` are listed under its name, the parent itself not. */
  components(list: readonly unknown[], path: string): Component[] {
    const out: Component[] = [];
    const visit = (raw: unknown, at: string, group: string | null): void => {
      const item = asRecord(raw);
      const name = localized(item?.name);
      if (!item || !name) {
        this.warnings.push({ code: 'unreadable_item', message: 'A component without a name was skipped.', path: at });
        return;
      }
      const id = asString(item.id) ?? slugify(name);
      this.names.set(id, name);
      const children = asArray(item.children);
      if (children.length > 0) {
        children.forEach((child, i) => visit(child, `${at}.children[${i}]`, name));
        return;
      }
      const status = this.word(INSTATUS_COMPONENT_LEVELS, item.status, `${at}.status`) ?? 'unknown';
      out.push({ id, name, group: group ?? localized(asRecord(item.group)?.name) ?? null, status });
    };
    list.forEach((raw, i) => visit(raw, `${path}[${i}]`, null));
    return out;
  }

  /** An incident or a maintenance (told apart by its status word), or undefined when unreadable. */
  item(raw: unknown, path: string): PageItem | undefined {
    const item = asRecord(raw);
    const title = localized(item?.name);
    if (!item || !title) {
      this.warnings.push({ code: 'unreadable_item', message: 'A notice without a name was skipped.', path });
      return undefined;
    }
    const id = asString(item.id) ?? slugify(title);
    const statusWord = asString(item.status)?.toUpperCase();
    const components = asArray(item.components)
      .map((c) => {
        const ref = asRecord(c);
        return localized(ref?.name) ?? this.names.get(asString(ref?.id) ?? '');
      })
      .filter((n): n is string => n !== undefined);
    if (statusWord !== undefined && INSTATUS_MAINTENANCE_STATUSES[statusWord] !== undefined) {
      return { kind: 'maintenance', value: this.maintenance(item, path, id, title, components) };
    }
    const status = this.word(INSTATUS_INCIDENT_STATUSES, item.status, `${path}.status`) ?? 'investigating';
    const updates = this.timeline(item.updates, `${path}.updates`, INSTATUS_INCIDENT_STATUSES, status);
    const started = this.time(item.started, `${path}.started`) ?? updates[0]?.at;
    const resolved = this.time(item.resolved, `${path}.resolved`);
    const closed = status === 'resolved';
    return {
      kind: 'incident',
      value: {
        id, title, url: `${this.pageUrl}/incident/${encodeURIComponent(id)}`,
        impact: this.word(INSTATUS_IMPACTS, item.impact, `${path}.impact`) ?? 'minor',
        status, startedAt: started ?? this.fetchedAt,
        resolvedAt: closed ? (resolved ?? updates.at(-1)?.at ?? started ?? this.fetchedAt) : null,
        components, updates, postmortem: null,
      },
    };
  }

  private maintenance(item: Record<string, unknown>, path: string, id: string, title: string, components: string[]): Maintenance {
    const status = this.word(INSTATUS_MAINTENANCE_STATUSES, item.status, `${path}.status`) ?? 'scheduled';
    const updates = this.timeline(item.updates, `${path}.updates`, INSTATUS_MAINTENANCE_STATUSES, status);
    const start = this.time(item.start ?? item.started, `${path}.start`) ?? updates[0]?.at ?? this.fetchedAt;
    const minutes = asNumber(item.duration);
    const end = this.time(item.end ?? item.resolved, `${path}.end`)
      ?? (minutes !== undefined && minutes >= 0 && minutes <= 525_600 ? new Date(Date.parse(start) + minutes * 60_000).toISOString() : undefined);
    return { id, title, url: null, status, scheduledFor: start, scheduledUntil: end ?? null, components, updates };
  }

  /** `updates[]` oldest first; each update's own `started` (or `createdAt`) is its time. */
  private timeline<S extends IncidentStatus | MaintenanceStatus>(
    raw: unknown, path: string, table: Readonly<Record<string, S>>, fallback: S,
  ): TimelineUpdate<S>[] {
    const out: TimelineUpdate<S>[] = [];
    asArray(raw).forEach((value, i) => {
      const u = asRecord(value);
      const at = this.time(u?.started ?? u?.createdAt, `${path}[${i}].started`);
      if (!u || !at) {
        this.warnings.push({ code: 'unreadable_item', message: 'An update without a time was skipped.', path: `${path}[${i}]` });
        return;
      }
      const word = asString(u.status)?.toUpperCase();
      const status = this.word(table, u.status, `${path}[${i}].status`) ?? out.at(-1)?.status ?? fallback;
      const text = localized(u.message);
      const html = localized(u.messageHtml);
      const body = text !== undefined ? tidyText(text) : html !== undefined ? htmlToText(html) : '';
      out.push({ id: asString(u.id) ?? null, status, label: (word && INSTATUS_LABELS[word]) ?? 'Update', body, at });
    });
    return out;
  }
}
