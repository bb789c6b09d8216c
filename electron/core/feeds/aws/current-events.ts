import type { Component, FeedWarning, Impact, Incident, IncidentUpdate, Snapshot, StatusLevel } from '../../../../shared/model/index.ts';
import { STATUS_LABELS, rankOf } from '../../../../shared/model/index.ts';
import type { FeedAdapter, FeedDocuments, ParseContext, ParseResult } from '../types.ts';
import { asArray, asNumber, asRecord, asString, readJson } from '../common/json.ts';
import { deriveLevel, sortSnapshot } from '../common/snapshot.ts';
import { epochSecondsToUtc } from '../common/time.ts';
import { tidyText } from '../common/html.ts';
import { warn } from '../common/warnings.ts';

/**
 * AWS Health Dashboard `/public/currentevents` [F: one real event, excerpted]: an array of open
 * events. Types are inconsistent — `status` and `date` are strings, `event_log[].status` and
 * `timestamp` are numbers — so everything is coerced.
 *
 * Mapping (the numbers are documented nowhere; meanings inferred from the dashboard's words and
 * from stts, which treats "0" as resolved [C]):
 * | code | dashboard word               | component level | impact |
 * | 0    | Resolved / operating normally | operational     | none   |
 * | 1    | Informational message         | degraded        | none   |
 * | 2    | Service impact / degradation  | partial_outage  | minor  |
 * | 3    | Service disruption            | major_outage    | major  |
 * Components are the event's `impacted_services` (a partial list: AWS names only services
 * touched by an event), their level from `current`; the event's own `service` is not a
 * component unless listed there.
 *
 * Listing kind: ACTIVE. The endpoint lists current events only (its name, and [F] the capture
 * holds one open event; closed events are history elsewhere, feed-formats.md §7): an event that
 * leaves it is over, though AWS posts no resolution in it, so the snapshot says
 * `listing: 'active'` and the engine resolves a departed event at that poll
 * (changes/active-listing.ts). An event still listed with status 0 is resolved by AWS's own word.
 */
export const awsCurrentEventsAdapter: FeedAdapter = {
  id: 'aws-currentevents',
  platform: 'aws',
  parse: parseAwsCurrentEvents,
};

const LEVELS: readonly StatusLevel[] = ['operational', 'degraded', 'partial_outage', 'major_outage'];
const IMPACT_OF: readonly Impact[] = ['none', 'none', 'minor', 'major'];
const WORDS: readonly string[] = ['Resolved', 'Informational message', 'Service impact', 'Service disruption'];
const DASHBOARD = 'https://health.aws.amazon.com/health/status';

function parseAwsCurrentEvents(docs: FeedDocuments, ctx: ParseContext): ParseResult {
  const read = readJson(docs['main'], 'AWS current events');
  if (!read.ok) return read;
  if (!Array.isArray(read.value)) {
    // The pre-2023 dashboard's data.json ({archive, current}) is still copied around; say what it is.
    const legacy = read.value !== null && typeof read.value === 'object' && 'archive' in read.value && 'current' in read.value;
    const message = legacy
      ? 'This is the retired AWS Service Health Dashboard data.json (before 2023), which AWS no longer serves; watch https://health.aws.amazon.com/health/status instead.'
      : 'Expected the AWS current-events array but got another JSON shape.';
    return { ok: false, error: { kind: 'wrong_format', message } };
  }
  const warnings: FeedWarning[] = [];
  const components = new Map<string, Component>();
  const incidents: Incident[] = [];
  for (const [i, raw] of read.value.entries()) {
    const incident = readEvent(raw, `[${i}]`, components, warnings);
    if (incident) incidents.push(incident);
  }
  const componentList = [...components.values()];
  const level = deriveLevel(componentList, incidents, []);
  const snapshot: Snapshot = {
    source: { url: ctx.sourceUrl, platform: 'aws', format: 'aws-currentevents', fetchedAt: ctx.fetchedAt, listing: 'active' },
    page: { name: 'AWS Health Dashboard', url: DASHBOARD },
    status: { level, description: STATUS_LABELS[level] },
    components: componentList,
    incidents,
    maintenances: [],
    warnings,
  };
  return { ok: true, snapshot: sortSnapshot(snapshot) };
}

/** A status code 0..3 from a string or number; a present but other value warns. */
function code(value: unknown, path: string, warnings: FeedWarning[]): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const n = asNumber(value);
  if (n !== undefined && Number.isInteger(n) && n >= 0 && n <= 3) return n;
  warn(warnings, 'unknown_status', `Unknown AWS status ${JSON.stringify(value)}.`, path);
  return undefined;
}

function readEvent(raw: unknown, path: string, components: Map<string, Component>, warnings: FeedWarning[]): Incident | undefined {
  const event = asRecord(raw);
  if (!event) {
    warn(warnings, 'bad_event', 'An event is not an object and was skipped.', path);
    return undefined;
  }
  const status = code(event['status'], `${path}.status`, warnings);
  const region = asString(event['region_name']) ?? null;
  for (const [key, value] of Object.entries(asRecord(event['impacted_services']) ?? {})) {
    const svc = asRecord(value);
    const current = code(svc?.['current'], `${path}.impacted_services.${key}.current`, warnings);
    const component: Component = {
      id: key,
      name: asString(svc?.['service_name']) ?? key,
      group: region,
      status: current === undefined ? 'unknown' : LEVELS[current] ?? 'unknown',
    };
    const existing = components.get(key);
    if (!existing || rankOf(component.status) > rankOf(existing.status)) components.set(key, component);
  }
  const updates: IncidentUpdate[] = [];
  let worst = status ?? 0;
  for (const [i, entry] of asArray(event['event_log']).entries()) {
    const log = asRecord(entry);
    const lpath = `${path}.event_log[${i}]`;
    const at = epochSecondsToUtc(log?.['timestamp']);
    if (!log || at === undefined) {
      warn(warnings, 'bad_date', 'An event-log entry without a readable timestamp was skipped.', lpath);
      continue;
    }
    const s = code(log['status'], `${lpath}.status`, warnings) ?? status ?? 1;
    worst = Math.max(worst, s);
    updates.push({ id: null, status: s === 0 ? 'resolved' : 'investigating', label: WORDS[s] ?? 'Update', body: tidyText(asString(log['message']) ?? ''), at });
  }
  updates.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const dateText = event['date'];
  const startedAt = epochSecondsToUtc(dateText) ?? updates[0]?.at;
  if (dateText !== undefined && epochSecondsToUtc(dateText) === undefined) warn(warnings, 'bad_date', `Unreadable date ${JSON.stringify(dateText)}.`, `${path}.date`);
  if (startedAt === undefined) {
    warn(warnings, 'missing_field', 'An event without any time was skipped.', path);
    return undefined;
  }
  const resolved = status === 0;
  const names = Object.values(asRecord(event['impacted_services']) ?? {}).map((v) => asString(asRecord(v)?.['service_name'])).filter((n): n is string => n !== undefined);
  const service = asString(event['service_name']);
  return {
    id: asString(event['arn']) ?? `${asString(event['service']) ?? 'aws'}_${startedAt}`,
    title: asString(event['summary']) ?? service ?? 'AWS event',
    url: DASHBOARD,
    impact: IMPACT_OF[worst] ?? 'minor',
    status: resolved ? 'resolved' : 'investigating',
    startedAt,
    resolvedAt: resolved ? updates.at(-1)?.at ?? startedAt : null,
    // "Multiple services" is no component; the event's own service only stands in when none are listed.
    components: names.length > 0 ? [...new Set(names)] : service !== undefined ? [service] : [],
    updates,
    postmortem: null,
  };
}
