import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import type { FixtureServer } from '../../support/fixture-server.ts';
import { SHARED_FIXTURES } from '../../support/paths.ts';

/* The daily replay versions of GitHub's feed rarely catch an incident while it is open, so the
   in-between states of a live incident are made from ONE real incident's JSON (read in place from
   ../shared/fixtures), served with only its first 1, 2, … updates, as GitHub's API would have
   answered at each of those moments. Nothing in the text is ours. */

interface RawUpdate { status: string; created_at: string; display_at?: string; updated_at?: string; [k: string]: unknown }
interface RawIncident { incident_updates: RawUpdate[]; status: string; impact: string; resolved_at: string | null; updated_at: string; monitoring_at: string | null; components?: { id: string; name: string; status: string; [k: string]: unknown }[]; [k: string]: unknown }

export interface ProgressiveIncident {
  /** The incident's id in the real data. */
  id: string;
  title: string;
  /** How many updates the real incident has. */
  total: number;
  /** Updates' bodies, oldest first (what the UI must show). */
  bodies: string[];
  /** Serve the state after `k` updates (0: before the incident). */
  show(k: number): void;
}

/** Serve a real GitHub incident under `<server>/<prefix>` as Statuspage's API, one update at a time. */
export function serveProgressiveIncident(server: FixtureServer, prefix: string, file: string): ProgressiveIncident {
  const doc = JSON.parse(readFileSync(resolve(SHARED_FIXTURES, 'statuspage/github-incident-history', file), 'utf8')) as { page: Record<string, unknown>; incident: RawIncident };
  const oldestFirst = [...doc.incident.incident_updates].sort((a, b) => a.created_at.localeCompare(b.created_at));
  let shown = 0;
  const incidentAfter = (k: number): RawIncident => {
    const updates = oldestFirst.slice(0, k);
    const last = updates.at(-1)!;
    const resolved = last.status === 'resolved' || last.status === 'postmortem';
    return {
      ...doc.incident,
      incident_updates: [...updates].reverse(),
      status: last.status,
      updated_at: last.created_at,
      resolved_at: resolved ? last.created_at : null,
      monitoring_at: updates.find((u) => u.status === 'monitoring')?.created_at ?? null,
    };
  };
  const components = (k: number) => (doc.incident.components ?? []).map((c) => ({
    ...c, status: k > 0 && !['resolved', 'postmortem'].includes(oldestFirst[k - 1]!.status) ? 'partial_outage' : 'operational',
  }));
  const send = (res: ServerResponse, value: unknown): void => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-cache' }).end(JSON.stringify(value));
  };
  server.route(`/${prefix}/api/v2/summary.json`, (_req, res) => {
    const open = shown > 0 && !['resolved', 'postmortem'].includes(oldestFirst[shown - 1]!.status);
    send(res, {
      page: doc.page,
      status: open ? { indicator: 'major', description: 'Partial System Outage' } : { indicator: 'none', description: 'All Systems Operational' },
      components: components(shown),
      incidents: open ? [incidentAfter(shown)] : [],
      scheduled_maintenances: [],
    });
  });
  server.route(`/${prefix}/api/v2/incidents.json`, (_req, res) => send(res, { page: doc.page, incidents: shown > 0 ? [incidentAfter(shown)] : [] }));
  server.route(`/${prefix}/api/v2/scheduled-maintenances.json`, (_req, res) => send(res, { page: doc.page, scheduled_maintenances: [] }));
  return {
    id: String(doc.incident['id']),
    title: String(doc.incident['name']),
    total: oldestFirst.length,
    bodies: oldestFirst.map((u) => String(u['body'] ?? '')),
    show: (k) => void (shown = Math.max(0, Math.min(k, oldestFirst.length))),
  };
}
