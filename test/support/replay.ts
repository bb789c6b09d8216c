import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isIncidentClosed } from '../../shared/model/index.ts';
import { parseFeedXml } from '../../electron/core/feeds/feed/adapter.ts';
import { SHARED_FIXTURES } from './paths.ts';
import type { FixtureServer } from './fixture-server.ts';

export const REPLAY_DIR = join(SHARED_FIXTURES, 'replay/github-history-atom');

/** The 373 successive captures of GitHub's history.atom, in order. */
export function replayVersions(): Buffer[] {
  return readdirSync(REPLAY_DIR).filter((f) => f.endsWith('.atom')).sort().map((f) => readFileSync(join(REPLAY_DIR, f)));
}

/**
 * A loopback feed that serves one replay version at a time, with a real ETag per version so the
 * poller's conditional GETs get 304 until the test advances.
 */
export function serveReplay(server: FixtureServer, path: string, versions: Buffer[]): { set(index: number): void; get index(): number } {
  let index = 0;
  server.route(path, (req, res) => {
    const etag = `"v${index}"`;
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
    res.writeHead(200, { 'content-type': 'application/atom+xml; charset=utf-8', etag }).end(versions[index]);
  });
  return {
    set(i: number) {
      index = i;
    },
    get index() {
      return index;
    },
  };
}

export interface ReplayTruth {
  incidents: number;
  maintenances: number;
  /** Distinct incident updates (an update the vendor rewrote counts once). */
  updates: number;
  /** Incidents seen closed at some point (each resolved exactly once in this corpus). */
  resolved: number;
  incidentIds: Set<string>;
}

/**
 * What the corpus holds, computed independently of the engine: parse every version with the
 * adapter and take the union. The engine's database and event log must match these figures.
 */
export function replayTruth(versions: Buffer[], upTo = versions.length): ReplayTruth {
  const incidents = new Map<string, { closed: boolean; updates: Set<string>; last: Set<string>; edited: Set<string> }>();
  const maintenances = new Set<string>();
  for (const body of versions.slice(0, upTo)) {
    const parsed = parseFeedXml(body, 'http://replay.invalid/history.atom', '2026-01-01T00:00:00.000Z');
    if (!parsed.ok) throw new Error(parsed.error.message);
    for (const m of parsed.snapshot.maintenances) maintenances.add(m.id);
    for (const incident of parsed.snapshot.incidents) {
      const entry = incidents.get(incident.id) ?? { closed: false, updates: new Set<string>(), last: new Set<string>(), edited: new Set<string>() };
      entry.closed ||= isIncidentClosed(incident.status);
      // Same-minute updates with one label are common (one per component), so the text is part of
      // the key; an update whose text the vendor later rewrote disappears from the next version
      // while the incident is still listed, and counts once, with its final text.
      const now = new Set(incident.updates.map((u) => `${u.at}|${u.label}|${u.body.replace(/\s+/g, ' ').trim()}`));
      for (const key of entry.last) if (!now.has(key)) entry.edited.add(key);
      for (const key of now) entry.updates.add(key);
      entry.last = now;
      incidents.set(incident.id, entry);
    }
  }
  let updates = 0;
  let resolved = 0;
  for (const entry of incidents.values()) {
    updates += [...entry.updates].filter((k) => !entry.edited.has(k) || entry.last.has(k)).length;
    if (entry.closed) resolved++;
  }
  return { incidents: incidents.size, maintenances: maintenances.size, updates, resolved, incidentIds: new Set(incidents.keys()) };
}
