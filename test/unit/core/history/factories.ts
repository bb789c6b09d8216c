import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type {
  Component, Incident, IncidentStatus, IncidentUpdate, Maintenance, MaintenanceStatus, Snapshot, VendorEvent, VendorSource,
} from '../../../../shared/model/index.ts';
import type { KnownState } from '../../../../electron/core/changes/known-state.ts';
import { initialReachability } from '../../../../electron/core/changes/reachability.ts';
import type { PollResult } from '../../../../electron/core/polling/poll-result.ts';
import { HistoryStore } from '../../../../electron/core/history/index.ts';

/**
 * Builders for history tests: real SQLite files in a fresh temp dir, and hand-made polls where
 * every field has a plain default so a test overrides only what it asserts on.
 */

export const GITHUB: VendorSource = {
  id: 'github', name: 'GitHub', url: 'https://www.githubstatus.com', platform: 'statuspage',
  adapter: 'statuspage-json', base: 'https://www.githubstatus.com',
};

export const STRIPE: VendorSource = {
  id: 'stripe', name: 'Stripe', url: 'https://status.stripe.com', platform: 'stripe',
  adapter: 'stripe', base: 'https://status.stripe.com',
};

/** A temp dir removed by the returned cleanup; each test gets its own database file. */
export function tempDir(): { dir: string; file: (name?: string) => string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'upstream-history-'));
  return { dir, file: (name = 'history.db') => join(dir, name), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Open a store that must open; the test fails loudly otherwise. */
export function openStore(file: string): HistoryStore {
  const opened = HistoryStore.open(file);
  if (!opened.ok) throw new Error(opened.message);
  return opened.store;
}

/**
 * Registers hooks giving every test in the enclosing block its own database file, opened before
 * and closed and deleted after. The test keeps its own `store` variable, reached through `get` and
 * `set`, because some tests close and reopen the file (a restart) and the store closed afterwards
 * must be the one they hold last. The returned `file` names the current test's database.
 */
export function storePerTest(binding: { get(): HistoryStore; set(store: HistoryStore): void }): { file(name?: string): string } {
  let tmp: ReturnType<typeof tempDir> | undefined;
  beforeEach(() => {
    tmp = tempDir();
    binding.set(openStore(tmp.file()));
  });
  afterEach(() => {
    binding.get().close();
    tmp?.cleanup();
  });
  return {
    file: (name) => {
      if (!tmp) throw new Error('storePerTest: no test is running');
      return tmp.file(name);
    },
  };
}

export function update(at: string, body: string, status: IncidentStatus = 'investigating', label = 'Investigating', id: string | null = null): IncidentUpdate {
  return { id, status, label, body, at };
}

/** An incident whose status, start and resolution follow its updates unless overridden. */
export function incident(id: string, updates: IncidentUpdate[], extra: Partial<Incident> = {}): Incident {
  const status = extra.status ?? updates.at(-1)?.status ?? 'investigating';
  const closed = status === 'resolved' || status === 'postmortem';
  return {
    id,
    title: `Incident ${id}`,
    url: `https://www.githubstatus.com/incidents/${id}`,
    impact: 'major',
    status,
    startedAt: updates[0]?.at ?? '2024-01-01T00:00:00.000Z',
    resolvedAt: closed ? (updates.findLast((u) => u.status === 'resolved')?.at ?? null) : null,
    components: [],
    updates,
    postmortem: null,
    ...extra,
  };
}

export function maintenance(id: string, status: MaintenanceStatus, scheduledFor: string, scheduledUntil: string | null, extra: Partial<Maintenance> = {}): Maintenance {
  return {
    id, title: `Maintenance ${id}`, url: null, status, scheduledFor, scheduledUntil, components: ['API'],
    updates: [{ id: null, status, label: 'Scheduled', body: `Maintenance ${id} is scheduled.`, at: scheduledFor }],
    ...extra,
  };
}

export function component(id: string, status: Component['status'], group: string | null = null): Component {
  return { id, name: id.toUpperCase(), group, status };
}

export function snapshot(parts: Partial<Pick<Snapshot, 'components' | 'incidents' | 'maintenances'>> = {}, fetchedAt = '2024-01-01T00:00:00.000Z'): Snapshot {
  return {
    source: { url: 'https://www.githubstatus.com/api/v2/summary.json', platform: 'statuspage', format: 'statuspage-json', fetchedAt },
    page: { name: 'GitHub', url: 'https://www.githubstatus.com' },
    status: { level: 'operational', description: 'All Systems Operational' },
    components: parts.components ?? [],
    incidents: parts.incidents ?? [],
    maintenances: parts.maintenances ?? [],
    warnings: [],
  };
}

export function event(id: string, extra: Partial<VendorEvent> = {}): VendorEvent {
  return {
    id, kind: 'incident.opened', vendorId: 'github', subjectId: 'inc1', at: '2024-05-01T12:00:00.000Z',
    detectedAt: '2024-05-01T12:01:00.000Z', title: `GitHub: event ${id}`, body: 'Investigating — We are investigating.',
    impact: 'major', level: 'partial_outage', url: null, ...extra,
  };
}

/** What a test says a poll saw: the feed's snapshot and the incidents it stopped listing. */
export interface PollSaw {
  snapshot?: Snapshot;
  noLongerReported?: string[];
}

/** The poller's memory after seeing `snapshot` at `at`: every item in it stamped as seen then. */
export function knownAfter(snapshot: Snapshot, at: string, noLongerReported: string[] = []): KnownState {
  const lastSeen: Record<string, string> = {};
  for (const i of snapshot.incidents) lastSeen[`incident:${i.id}`] = at;
  for (const m of snapshot.maintenances) lastSeen[`maintenance:${m.id}`] = at;
  return { version: 1, snapshot, lastSeen, missingSince: {}, noLongerReported };
}

/** A successful poll of GitHub at `at`; pass snapshot/events to make it say something. */
export function poll(at: string, extra: Partial<PollResult> & PollSaw = {}): PollResult {
  const { snapshot: saw, noLongerReported, ...rest } = extra;
  return {
    vendor: GITHUB, at, outcome: 'ok', latencyMs: 120, bytes: 2048, httpStatus: 200, retries: 0, retryAfterMs: null, error: null,
    health: 'ok', known: saw ? knownAfter(saw, at, noLongerReported) : null, reachability: initialReachability(at), events: [], firstRead: false,
    ...rest,
  };
}

/** `SELECT count(*)` through the store's raw read access. */
export function count(store: HistoryStore, sql: string, ...params: (string | number | null)[]): number {
  return Number((store.get(sql, ...params) as { n: number }).n);
}
